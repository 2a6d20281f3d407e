import { NECTIFI_EVENTS } from '../../shared/nectifi/webhook';
import { type ZapierHarness, expectUniqueIds, idsOf, startZapierHarness, throttleDelayOf } from './support/harness';

let h: ZapierHarness;
let authData: Record<string, string>;

beforeAll(async () => {
  h = await startZapierHarness('nectifi');
  authData = h.authData;
});

afterAll(async () => {
  await h?.close();
});

const nectifi = () => h.sandbox.state.nectifi;
const triggers = () => h.app.triggers;
const searches = () => h.app.searches;
const creates = () => h.app.creates;

describe('the built Nectifi app', () => {
  it('passes zapier-platform-core\'s own validation', async () => {
    expect(await h.validate()).toEqual([]);
  });

  it('has a Title Case label, a "Triggers when/Finds" description with a period, a sample and output fields on every visible step', () => {
    const steps = [...Object.values(triggers()), ...Object.values(searches()), ...Object.values(creates())] as any[];
    for (const step of steps.filter((s) => !s.display.hidden)) {
      expect(step.display.label).toMatch(/^[A-Z][\w-]*( ([A-Z][\w-]*|by|of|to|a|an|the))*$/);
      expect(step.display.description).toMatch(/^[A-Z].*\.$/);
      expect(Object.keys(step.operation.sample).length).toBeGreaterThan(0);
      expect(step.operation.outputFields.length).toBeGreaterThan(0);
      for (const field of step.operation.inputFields ?? []) expect(field.helpText?.length).toBeGreaterThan(10);
    }
    for (const trigger of Object.values(triggers()) as any[]) if (!trigger.display.hidden) expect(trigger.display.description).toMatch(/^Triggers when /);
    for (const search of Object.values(searches()) as any[]) expect(search.display.description).toMatch(/^Finds /);
  });
});

describe('Nectifi authentication', () => {
  it('accepts a good key and names the account after a workspace location', async () => {
    const result = await h.run<{ label: string }>(h.app.authentication.test, { authData });
    const names = nectifi().locations.map((location) => location.name);
    expect(names.some((name) => result.label.startsWith(`Nectifi: ${name}`))).toBe(true);
    expect(await h.run(h.app.authentication.connectionLabel, { authData, inputData: result })).toBe(result.label);
  });

  it('accepts a key that lacks the WiFi scope, without a location in the label', async () => {
    const result = await h.run<{ label: string }>(h.app.authentication.test, { authData: { ...authData, apiKey: h.sandbox.keys.nectifi.crmOnly } });
    expect(result.label).toMatch(/^Nectifi( \(.*\))?$/);
  });

  it('rejects a revoked key with an auth error that says to reconnect', async () => {
    const error = await h.failure(h.app.authentication.test, { authData: { ...authData, apiKey: h.sandbox.keys.nectifi.revoked } });
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/401.*revoked.*reconnect your account/s);
  });

  it('accepts a good key when Nectifi answers lists as bare arrays (issue 13, case 4)', async () => {
    h.sandbox.nectifiListShape = 'bare';
    try {
      const result = await h.run<{ label: string }>(h.app.authentication.test, { authData });
      expect(result.label).toMatch(/^Nectifi: /);
    } finally {
      h.sandbox.nectifiListShape = 'envelope';
    }
  });

  it('says the monthly quota is used up, quoting Nectifi, and that the key is fine (issue 13, case 5)', async () => {
    const key = nectifi().apiKeys.get(h.sandbox.keys.nectifi.readOnly)!;
    const used = key.monthlyUsed;
    key.monthlyUsed = key.monthlyQuota;
    const error = await h.failure(h.app.authentication.test, { authData: { ...authData, apiKey: h.sandbox.keys.nectifi.readOnly } }).finally(() => (key.monthlyUsed = used));
    expect(error.message).toMatch(/HTTP 429: the monthly API quota of your plan is used up.*\(api_monthly_quota_exceeded\).*The key itself is valid/s);
    expect(error.message).not.toMatch(/mistyped|revoked|Reconnect/);
  });

  it('tells a revoked key to be replaced and an IP-allowlisted key to drop the allowlist, quoting Nectifi (issue 13, case 5)', async () => {
    const revoked = await h.failure(h.app.authentication.test, { authData: { ...authData, apiKey: h.sandbox.keys.nectifi.revoked } });
    expect(revoked.message).toMatch(/HTTP 401: API key has been revoked.*The key was revoked: create a new key in Nectifi and reconnect/s);
    const blocked = await h.failure(h.app.authentication.test, { authData: { ...authData, apiKey: h.sandbox.keys.nectifi.ipBlocked } });
    expect(blocked.message).toMatch(/HTTP 403: IP address not allowed for this API key.*Zapier does not call from fixed addresses: remove the IP allowlist/s);
  });

  it('refuses an http:// Base URL without Allow Plain HTTP before sending anything, saying to switch it on (issue 13, case 5)', async () => {
    h.sandbox.counters.reset();
    const error = await h.failure(h.app.authentication.test, { authData: { ...authData, allowHttp: 'false' } });
    expect(error.message).toMatch(/Base URL uses plain http.*use https:\/\/, or turn on \W*Allow Plain HTTP/);
    expect(h.sandbox.counters.get().requests).toEqual({});
  });

  it('rejects a key that is not a Nectifi key before sending anything', async () => {
    const error = await h.failure(h.app.authentication.test, { authData: { ...authData, apiKey: 'sk_live_not_nectifi' } });
    expect(error.message).toMatch(/start with nk_/);
  });

  it('turns a missing scope into a clear 403 error', async () => {
    const error = await h.failure(searches().findPointsBalance.operation.perform, {
      authData: { ...authData, apiKey: h.sandbox.keys.nectifi.crmOnly },
      inputData: { guest_id: '1' },
    });
    expect(error.message).toMatch(/403: Missing scope: loyalty:read.*\. The key works but lacks the scope for this: add it to the key/s);
    expect(error.message).not.toMatch(/IP allowlist|plan does not/);
  });
});

describe('Nectifi polling triggers', () => {
  it('New Guest returns unique ids, newest first, and picks up a guest added between polls', async () => {
    const first = await h.run<Array<{ id: number }>>(triggers().newGuest.operation.perform, { authData });
    expectUniqueIds(first);
    expect(idsOf(first)).toEqual([...idsOf(first)].sort((a, b) => Number(b) - Number(a)));
    const added = h.sandbox.insert.nectifiGuest();
    const second = await h.run<Array<{ id: number }>>(triggers().newGuest.operation.perform, { authData });
    expect(second[0].id).toBe(added.id);
    expect(idsOf(second).slice(1, 10)).toEqual(idsOf(first).slice(0, 9));
  });

  it('New Guest returns only a few items when Zapier loads samples', async () => {
    const sample = await h.run<unknown[]>(triggers().newGuest.operation.perform, { authData, meta: { isLoadingSample: true } });
    expect(sample).toHaveLength(3);
  });

  it('New WiFi Session returns unique ids, newest first, and picks up a session started between polls', async () => {
    const first = await h.run<Array<{ id: number }>>(triggers().newConnection.operation.perform, { authData });
    expectUniqueIds(first);
    expect(idsOf(first)).toEqual([...idsOf(first)].sort((a, b) => Number(b) - Number(a)));
    const added = h.sandbox.insert.nectifiSession();
    const second = await h.run<Array<{ id: number }>>(triggers().newConnection.operation.perform, { authData });
    expect(second[0].id).toBe(added.id);
  });

  it('New WiFi Session filters by location', async () => {
    const sessions = await h.run<Array<{ location_id: number }>>(triggers().newConnection.operation.perform, {
      authData,
      inputData: { location_id: '2' },
    });
    expect(sessions.length).toBeGreaterThan(0);
    expect(new Set(sessions.map((s) => s.location_id))).toEqual(new Set([2]));
  });

  it('surfaces a 429 from Nectifi as a ThrottledError with Nectifi\'s delay', async () => {
    h.sandbox.faults.inject({ vendor: 'nectifi', fault: 'rate-limit', retryAfterSeconds: 7, path: '/crm/guests' });
    const error = await h.failure(triggers().newGuest.operation.perform, { authData });
    expect(throttleDelayOf(error)).toBe(7);
    expect(error.message).toMatch(/429/);
  });
});

describe('Nectifi monthly quota', () => {
  it('is not retried later by Zapier (no ThrottledError): it will not clear for days', async () => {
    h.sandbox.faults.inject({ vendor: 'nectifi', fault: 'quota-exceeded', path: '/crm/guests' });
    const error = await h.failure(triggers().newGuest.operation.perform, { authData });
    expect(error.name).not.toBe('ThrottledError');
    expect(error.message).toMatch(/429: the monthly API quota of your plan is used up.*\(api_monthly_quota_exceeded\).*Zapier does not retry this step\./s);
  });
});

describe('Nectifi dropdowns', () => {
  it.each<[string, string, () => unknown[]]>([
    ['listLocations', 'id', () => nectifi().locations.map((l) => l.id)],
    ['listPortals', 'id', () => nectifi().portals.map((p) => p.id)],
    ['listTags', 'slug', () => nectifi().tags.map((t) => t.slug)],
  ])('%s returns the sandbox\'s records (by %s), each with a unique id', async (key, valueField, expected) => {
    const items = await h.run<Array<Record<string, unknown>>>(triggers()[key].operation.perform, { authData, meta: { page: 0 } });
    expect(new Set(items.map((item) => item[valueField]))).toEqual(new Set(expected()));
    expectUniqueIds(items);
  });

  it('listGuests pages through guests, newest first, labelled by name, else email', async () => {
    const first = await h.run<Array<{ id: number; label: string; name: string | null; email: string | null }>>(triggers().listGuests.operation.perform, { authData, meta: { page: 0 } });
    const second = await h.run<Array<{ id: number }>>(triggers().listGuests.operation.perform, { authData, meta: { page: 1 } });
    expect(first).toHaveLength(200);
    expect(second[0].id).toBe(first[199].id - 1);
    for (const guest of first) expect(guest.label).toBe(guest.name ?? guest.email ?? `Guest ${guest.id}`);
    expect(creates().addPoints.operation.inputFields.find((f: any) => f.key === 'guest_id').dynamic).toBe('listGuests.id.label');
  });

  it('listPromotions returns active promotions with their ids', async () => {
    const items = await h.run<Array<{ id: number }>>(triggers().listPromotions.operation.perform, { authData, meta: { page: 0 } });
    const known = new Set(nectifi().promotions.map((p) => p.id));
    expect(items.length).toBeGreaterThan(0);
    for (const id of idsOf(items)) expect(known.has(id as number)).toBe(true);
  });

  it('points dynamic fields at hidden triggers that exist', () => {
    const steps = [...Object.values(searches()), ...Object.values(creates()), ...Object.values(triggers())] as any[];
    const refs = steps.flatMap((step) => (step.operation.inputFields ?? []).map((f: any) => f.dynamic).filter(Boolean));
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(triggers()[ref.split('.')[0]]?.display.hidden).toBe(true);
  });
});

describe('Nectifi New Event webhook trigger', () => {
  const perform = () => triggers().newEvent.operation.perform;

  /** The delivery the sandbox signs and sends for what `emit` does (read from its record of it). */
  async function delivery(emit: () => void) {
    h.sandbox.webhooks.register(`${h.sandbox.url}/zapier-hook-sink`);
    const before = h.sandbox.webhooks.deliveries.length;
    emit();
    await h.sandbox.webhooks.idle();
    h.sandbox.webhooks.unregister();
    const sent = h.sandbox.webhooks.deliveries.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    return sent[0];
  }

  const rawRequest = (body: string, headers: Record<string, string>) => ({
    method: 'POST',
    content: body,
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [`Http-${name}`, value])),
  });

  it('accepts a delivery signed by Nectifi and emits it once, with the delivery id', async () => {
    const sent = await delivery(() => h.sandbox.insert.nectifiGuest());
    const events = await h.run<any[]>(perform(), { authData, rawRequest: rawRequest(sent.body, sent.headers), cleanedRequest: JSON.parse(sent.body) });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: sent.id, event: 'guest.created' });
    expect(events[0].payload.guest_id).toBe(JSON.parse(sent.body).payload.guest_id);
  });

  it('rejects a forged delivery: a changed body no longer matches the signature', async () => {
    const sent = await delivery(() => h.sandbox.insert.nectifiGuest());
    const forged = sent.body.replace('"guest.created"', '"guest.updated"');
    const events = await h.run(perform(), { authData, rawRequest: rawRequest(forged, sent.headers), cleanedRequest: JSON.parse(forged) });
    expect(events).toEqual([]);
  });

  it('rejects a delivery signed with another secret', async () => {
    const body = JSON.stringify({ event: 'guest.created', tenant_id: 1, payload: { guest_id: 1 }, timestamp: new Date().toISOString() });
    const headers = { 'X-Nectifi-Signature': h.sandbox.webhooks.sign(body, 'whsec_someone_else') };
    expect(await h.run(perform(), { authData, rawRequest: rawRequest(body, headers), cleanedRequest: JSON.parse(body) })).toEqual([]);
  });

  it('rejects a stale delivery even when its signature is right', async () => {
    const body = JSON.stringify({ event: 'guest.created', tenant_id: 1, payload: { guest_id: 1 }, timestamp: new Date(Date.now() - 15 * 60_000).toISOString() });
    const headers = { 'X-Nectifi-Signature': h.sandbox.webhooks.sign(body) };
    expect(await h.run(perform(), { authData, rawRequest: rawRequest(body, headers), cleanedRequest: JSON.parse(body) })).toEqual([]);
  });

  it('emits only the events the user picked', async () => {
    const sent = await delivery(() => h.sandbox.insert.nectifiGuest());
    const bundle = { authData, rawRequest: rawRequest(sent.body, sent.headers), cleanedRequest: JSON.parse(sent.body) };
    expect(await h.run(perform(), { ...bundle, inputData: { events: ['visit.started'] } })).toEqual([]);
    expect(await h.run(perform(), { ...bundle, inputData: { events: ['guest.created', 'visit.started'] } })).toHaveLength(1);
  });

  it('fails clearly when the connection has no webhook secret', async () => {
    const sent = await delivery(() => h.sandbox.insert.nectifiGuest());
    const error = await h.failure(perform(), { authData: { ...authData, webhookSecret: '' }, rawRequest: rawRequest(sent.body, sent.headers) });
    expect(error.message).toMatch(/Webhook Secret/);
  });

  it('loads one sample per picked event, each shaped as a real delivery (the docs\' payload: guest_id)', async () => {
    const newest = h.sandbox.insert.nectifiGuest();
    const samples = await h.run<any[]>(triggers().newEvent.operation.performList, { authData, inputData: { events: ['visit.started', 'loyalty.points_added'] } });
    expect(samples.map((e) => e.event)).toEqual(['loyalty.points_added', 'visit.started']);
    for (const sample of samples) expect(sample.payload).toEqual({ guest_id: newest.id });
    expectUniqueIds(samples);
    // A real delivery carries every field a user can map from the sample.
    const sent = await delivery(() => h.sandbox.insert.nectifiGuest());
    const [real] = await h.run<any[]>(perform(), { authData, rawRequest: rawRequest(sent.body, sent.headers) });
    const paths = (value: any, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, v]) => (v && typeof v === 'object' ? paths(v, `${prefix}${key}.`) : [`${prefix}${key}`]));
    const realPaths = new Set(paths(real));
    for (const path of paths(samples[0])) expect(realPaths).toContain(path);
    expect(paths(triggers().newEvent.operation.sample).every((path) => realPaths.has(path))).toBe(true);
  });

  it('loads a sample for every event when none is picked, never a guest.created one for a filter without it', async () => {
    const all = await h.run<any[]>(triggers().newEvent.operation.performList, { authData, inputData: {} });
    expect(all.map((e) => e.event)).toEqual([...NECTIFI_EVENTS]);
    const filtered = await h.run<any[]>(triggers().newEvent.operation.performList, { authData, inputData: { events: ['wallet.redeemed'] } });
    expect(filtered.map((e) => e.event)).toEqual(['wallet.redeemed']);
  });
});

describe('Nectifi creates change the sandbox as documented', () => {
  let guestId: number;

  it('Create Guest adds a guest profile', async () => {
    const portal = nectifi().portals.find((p) => p.location_id === 1);
    const guest = await h.run<any>(creates().createGuest.operation.perform, {
      authData,
      inputData: { location_id: '1', portal_id: String(portal?.id), name: 'Zapier Tester', email: 'zapier.tester@example.com', marketing_consent: 'true' },
    });
    guestId = guest.id;
    expect(nectifi().guests.get(guestId)).toMatchObject({ name: 'Zapier Tester', email: 'zapier.tester@example.com', marketing_consent: true });
  });

  it('Update Guest changes the name, VIP flag and tags', async () => {
    const tag = nectifi().tags[0].slug;
    await h.run(creates().updateGuest.operation.perform, { authData, inputData: { guest_id: String(guestId), name: 'Zapier T.', is_vip: 'true', tags: [tag] } });
    expect(nectifi().guests.get(guestId)).toMatchObject({ name: 'Zapier T.', is_vip: true, tags: [tag] });
  });

  it('Create Tag and Add Note add them', async () => {
    await h.run(creates().createTag.operation.perform, { authData, inputData: { slug: 'zapier-test', label: 'Zapier Test', color: '#112233' } });
    expect(nectifi().tags.some((t) => t.slug === 'zapier-test')).toBe(true);
    await h.run(creates().addNote.operation.perform, { authData, inputData: { guest_id: String(guestId), text: 'Added from Zapier.' } });
    expect(nectifi().notesOf(guestId).map((n) => n.text)).toContain('Added from Zapier.');
  });

  it('Grant Promotion then Redeem Promotion redeem the grant', async () => {
    const grant = await h.run<any>(creates().grantPromotion.operation.perform, { authData, inputData: { promotion_id: '7', guest_id: String(guestId), location_id: '1' } });
    expect(nectifi().grantsOf(guestId).map((g) => g.grant_id)).toContain(grant.grant_id);
    await h.run(creates().redeemPromotion.operation.perform, { authData, inputData: { grant_id: String(grant.grant_id), location_id: '1' } });
    expect(nectifi().grants.find((g) => g.grant_id === grant.grant_id)?.status).toBe('redeemed');
  });

  it('Add Points applies once when Zapier retries the same step (bundle-derived idempotency key)', async () => {
    const before = nectifi().points(guestId).balance;
    const bundle = { authData, inputData: { guest_id: String(guestId), points: '400', note: 'Zapier bonus' }, meta: { zap: { id: 'zap-1' } } };
    const first = await h.run<any>(creates().addPoints.operation.perform, bundle);
    const retry = await h.run<any>(creates().addPoints.operation.perform, bundle);
    expect(retry.idempotency_key).toBe(first.idempotency_key);
    expect(nectifi().points(guestId).balance).toBe(before + 400);
    const other = await h.run<any>(creates().addPoints.operation.perform, { ...bundle, meta: { zap: { id: 'zap-2' } } });
    expect(nectifi().points(guestId).balance).toBe(before + 800);
    // Each run's output says whether it applied the change, and why not.
    expect(first).toMatchObject({ applied_by_this_run: true, not_applied_reason: null });
    expect(other).toMatchObject({ applied_by_this_run: true, not_applied_reason: null });
    expect(retry.applied_by_this_run).toBe(false);
    expect(retry.not_applied_reason).toMatch(/^Not applied again: this Zap already ran Add Points with the same input today \(UTC\).*Idempotency Key/);
  });

  it('Redeem Points with a typed key used before says it was not applied again, and names the key', async () => {
    const before = nectifi().points(guestId).balance;
    const bundle = { authData, inputData: { guest_id: String(guestId), points: '10', idempotency_key: 'pos-repeat-1' } };
    expect(await h.run<any>(creates().redeemPoints.operation.perform, bundle)).toMatchObject({ applied_by_this_run: true });
    const repeat = await h.run<any>(creates().redeemPoints.operation.perform, bundle);
    expect(nectifi().points(guestId).balance).toBe(before - 10);
    expect(repeat).toMatchObject({ applied_by_this_run: false });
    expect(repeat.not_applied_reason).toMatch(/Idempotency Key pos-repeat-1 was already used for Redeem Points/);
  });

  it('Redeem Points takes points from the balance', async () => {
    const before = nectifi().points(guestId).balance;
    await h.run(creates().redeemPoints.operation.perform, { authData, inputData: { guest_id: String(guestId), points: '100', idempotency_key: 'pos-zapier-1' } });
    expect(nectifi().points(guestId).balance).toBe(before - 100);
  });

  it('Issue Wallet Link and Redeem Wallet Reward use the wallet', async () => {
    const portal = nectifi().portals.find((p) => p.location_id === 1);
    const link = await h.run<any>(creates().issueWalletLink.operation.perform, { authData, inputData: { guest_id: String(guestId), portal_id: String(portal?.id), ttl_days: '14' } });
    expect(nectifi().walletLinks.some((l) => l.url === link.url)).toBe(true);
    const cheapest = [...nectifi().rewards].sort((a, b) => a.points_cost - b.points_cost)[0];
    await h.run(creates().redeemWalletReward.operation.perform, { authData, inputData: { guest_id: String(guestId), reward_id: String(cheapest.reward_id), location_id: '1' } });
    expect(nectifi().walletRedemptions.some((r) => r.guest_id === guestId && r.reward_id === cheapest.reward_id)).toBe(true);
  });

  it('Send Email queues an email whose delivery status Find Email Delivery Status reads', async () => {
    const sent = await h.run<any>(creates().sendEmail.operation.perform, {
      authData,
      inputData: { guest_id: String(guestId), template_slug: 'welcome_email', variables: { guest_name: 'Zapier' } },
    });
    expect(nectifi().emails.get(sent.request_id)).toMatchObject({ guest_id: guestId, template_slug: 'welcome_email', variables: { guest_name: 'Zapier' } });
    const [status] = await h.run<any[]>(searches().findDeliveryStatus.operation.perform, { authData, inputData: { request_id: String(sent.request_id) } });
    expect(status.request_id).toBe(sent.request_id);
  });

  it('rejects bad input before sending, naming the field', async () => {
    const error = await h.failure(creates().addPoints.operation.perform, { authData, inputData: { guest_id: String(guestId), points: 'lots' } });
    expect(error.message).toMatch(/points/);
  });

  it('reads the created guest back with the searches', async () => {
    const [byId] = await h.run<any[]>(searches().findGuestById.operation.perform, { authData, inputData: { guest_id: String(guestId) } });
    expect(byId).toMatchObject({ id: guestId, name: 'Zapier T.' });
    const found = await h.run<any[]>(searches().findGuest.operation.perform, { authData, inputData: { search: 'zapier.tester@example.com' } });
    expect(idsOf(found)).toEqual([guestId]);
    const notes = await h.run<any[]>(searches().findGuestNotes.operation.perform, { authData, inputData: { guest_id: String(guestId) } });
    expect(notes.map((n) => n.text)).toContain('Added from Zapier.');
    const [points] = await h.run<any[]>(searches().findPointsBalance.operation.perform, { authData, inputData: { guest_id: String(guestId) } });
    // The doc's sample says `points`; the sandbox answers `points_balance`: either passes through.
    expect(points.points ?? points.points_balance).toBe(nectifi().points(guestId).balance);
    const [tier] = await h.run<any[]>(searches().findTier.operation.perform, { authData, inputData: { guest_id: String(guestId) } });
    expect(tier.guest_id).toBe(guestId);
    const [wallet] = await h.run<any[]>(searches().findWallet.operation.perform, { authData, inputData: { guest_id: String(guestId) } });
    expect(wallet.guest_id).toBe(guestId);
    const activity = await h.run<any[]>(searches().findGuestActivity.operation.perform, { authData, inputData: { guest_id: String(guestId) } });
    expect(activity.length).toBeGreaterThan(0);
  });
});

describe('Nectifi searches', () => {
  it('Find Guest by ID finds nothing for an unknown guest', async () => {
    expect(await h.run(searches().findGuestById.operation.perform, { authData, inputData: { guest_id: '99999999' } })).toEqual([]);
  });

  it('Find Connected Guests lists the guests online now', async () => {
    const live = await h.run<any[]>(searches().findConnectedGuests.operation.perform, { authData, inputData: {} });
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((g) => typeof g.guest_id === 'number')).toBe(true);
  });

  it.each(['findAnalyticsOverview', 'findGuestAnalytics', 'findPromotionAnalytics'])('%s returns one result', async (key) => {
    const results = await h.run<any[]>(searches()[key].operation.perform, { authData, inputData: {} });
    expect(results).toHaveLength(1);
  });
});

describe('Nectifi secrets', () => {
  it('logged every request through Zapier\'s HTTP log', () => {
    expect(h.logs.requests().length).toBeGreaterThan(20);
    expect(h.logs.requests().some((line) => line.includes('/crm/guests'))).toBe(true);
  });

  it('leaves no key or webhook secret in any error or logged request', () => {
    expect(h.leakedSecrets()).toEqual([]);
  });
});

describe('Nectifi input rules follow the docs', () => {
  it('Create Guest does not require a portal (the docs\' example sends one but does not require it)', async () => {
    const field = creates().createGuest.operation.inputFields.find((f: any) => f.key === 'portal_id');
    expect(field.required).toBe(false);
    const guest = await h.run<any>(creates().createGuest.operation.perform, { authData, inputData: { location_id: '1', name: 'No Portal', email: 'no.portal@example.com' } });
    expect(nectifi().guests.get(guest.id)).toMatchObject({ name: 'No Portal', location_id: 1 });
  });

  it('states no length limit the docs do not give', () => {
    const steps = [...Object.values(creates()), ...Object.values(searches())] as any[];
    for (const step of steps) for (const field of step.operation.inputFields) expect(field.helpText ?? '').not.toMatch(/up to \d|\d+ characters|must exist first/);
  });
});

describe('Nectifi answers cut off mid-body', () => {
  // node-fetch 2 alone waits out the whole 25 s timeout for the missing bytes and then reports a
  // timeout; the reset is noticed when the connection closes.
  it('a read cut mid-body is retried at once and succeeds', async () => {
    h.sandbox.faults.inject({ vendor: 'nectifi', fault: 'truncated-body', path: '/wifi/locations' });
    const locations = await h.run<any[]>(triggers().listLocations.operation.perform, { authData });
    expect(locations.length).toBeGreaterThan(0);
    expect(h.sandbox.faults.pending()).toEqual([]);
  });

  it('a write cut mid-body reports a closed connection and an unknown outcome, not a timeout', async () => {
    h.sandbox.faults.inject({ vendor: 'nectifi', fault: 'truncated-body', path: '/crm/tags' });
    const error = await h.failure(creates().createTag.operation.perform, { authData, inputData: { slug: 'cut-body', label: 'Cut Body' } });
    expect(error.message).toMatch(/connection failed \(ECONNRESET\)/);
    expect(error.message).not.toMatch(/timed out/);
    expect(error.message).toMatch(/outcome is unknown/);
  });
});

describe('Nectifi dropdowns read the step\'s other fields', () => {
  it('the Portal list of Create Guest shows the portals of the Location picked above it, and all of them for a mapped value', async () => {
    const atLocation1 = await h.run<any[]>(triggers().listPortals.operation.perform, { authData, inputData: { location_id: '1' } });
    expect(atLocation1.length).toBeGreaterThan(0);
    expect(new Set(atLocation1.map((p) => p.location_id))).toEqual(new Set([1]));
    const all = await h.run<any[]>(triggers().listPortals.operation.perform, { authData, inputData: { location_id: '{{123__location_id}}' } });
    expect(all.length).toBeGreaterThan(atLocation1.length);
  });
});

describe('Nectifi rate limit', () => {
  it('throttles every action at the documented 60 requests a minute per key, so a burst queues in Zapier', () => {
    expect(h.app.throttle).toEqual({ window: 60, limit: 60, scope: ['auth'] });
  });
});
