import type { Sandbox } from '../sandbox';
import { promotionStatus } from '../sandbox/nectifi/views';
import { byId, fromList, runChain, step } from './support/chain';
import type { CredentialStore } from './support/engine';
import { useEngineSandbox } from './support/sandbox';

let sandbox: Sandbox;
let credentials: CredentialStore;

useEngineSandbox((started, stored) => {
  sandbox = started;
  credentials = stored;
});

const nectifi = (name: string, resource: string, operation: string, parameters = {}) => step(name, 'nectifi', resource, operation, parameters);
const st = () => sandbox.state.nectifi;
const applied = (route: string) => sandbox.counters.get().applied[route] ?? 0;

/** A fresh guest with an email address, created through the sandbox like a WiFi sign-up. */
const newGuest = () => sandbox.insert.nectifiGuest({ location_id: 1 }) as { id: number; email: string };

describe('Nectifi workflows through the n8n engine', () => {
  test('guest: create, update (tags from the tag list), get, search, timeline', async () => {
    const result = await runChain(
      [
        // From node version 1.1 the portal is optional (the docs' example sends one but does not require it).
        step(
          'Create Guest',
          'nectifi',
          'guest',
          'createGuest',
          { locationId: fromList(2), additionalFields: { portalId: byId(3), name: 'Nora Workflow', email: 'nora.workflow@example.com', marketingConsent: true } },
          { typeVersion: 1.1 },
        ),
        nectifi('Update Guest', 'guest', 'updateGuest', { guestId: '={{ $json.id }}', updateFields: { isVip: true, tags: ['vip', 'local'] } }),
        nectifi('Get Guest', 'guest', 'getGuest', { guestId: '={{ $json.id }}' }),
        nectifi('Timeline', 'guest', 'getGuestTimeline', { guestId: '={{ $json.id }}', returnAll: true }),
      ],
      [{}],
      credentials,
    );
    const id = result.output('Create Guest')[0].json.id as number;
    expect(st().guests.get(id)).toMatchObject({ name: 'Nora Workflow', email: 'nora.workflow@example.com', location_id: 2, portal_id: 3, is_vip: true });
    expect(result.output('Get Guest')[0].json).toMatchObject({ id, is_vip: true, tags: ['vip', 'local'] });
    expect(result.output('Get Guest')[0].pairedItem).toEqual({ item: 0 });
    expect(result.output('Timeline').length).toBeGreaterThan(0);

    const list = await runChain([nectifi('List', 'guest', 'listGuests', { limit: 5, filters: { search: 'nora.workflow' } })], [{}], credentials);
    expect(list.output('List').map((i) => i.json.id)).toEqual([id]);
  });

  test('create guest: a node saved at version 1 keeps its required Portal; 1.1 creates a guest without one', async () => {
    const v1 = await runChain(
      [nectifi('Create Guest', 'guest', 'createGuest', { locationId: fromList(2), portalId: byId(3), additionalFields: { name: 'Vera One' } })],
      [{}],
      credentials,
    );
    expect(st().guests.get(v1.output('Create Guest')[0].json.id as number)).toMatchObject({ name: 'Vera One', portal_id: 3 });
    const v11 = await runChain(
      [step('Create Guest', 'nectifi', 'guest', 'createGuest', { locationId: fromList(2), additionalFields: { name: 'Nell Eleven' } }, { typeVersion: 1.1 })],
      [{}],
      credentials,
    );
    const created = st().guests.get(v11.output('Create Guest')[0].json.id as number);
    expect(created).toMatchObject({ name: 'Nell Eleven' });
    expect(created?.portal_id ?? null).toBeNull();
  });

  test('guest: Return All pages through every guest, Limit stops early', async () => {
    const all = await runChain([nectifi('All', 'guest', 'listGuests', { returnAll: true })], [{}], credentials);
    const ids = all.output('All').map((i) => i.json.id);
    expect(ids.length).toBe(st().guests.size);
    expect(new Set(ids).size).toBe(ids.length);
    const some = await runChain([nectifi('Some', 'guest', 'listGuests', { returnAll: false, limit: 7 })], [{}], credentials);
    expect(some.output('Some')).toHaveLength(7);
  });

  test('tag and note: create a tag, list tags, add and list notes', async () => {
    const guest = newGuest();
    const result = await runChain(
      [
        nectifi('Create Tag', 'tag', 'createTag', { slug: 'workflow-made', label: 'Workflow Made', additionalFields: { color: '#123abc' } }),
        nectifi('Add Note', 'note', 'addNote', { guestId: guest.id, text: '=Tagged {{ $json.slug }} from n8n' }),
        nectifi('List Notes', 'note', 'listNotes', { guestId: '={{ $json.guest_id }}', returnAll: true }),
        nectifi('List Tags', 'tag', 'listTags', { returnAll: true }),
      ],
      [{}],
      credentials,
    );
    expect(st().tags.find((t) => t.slug === 'workflow-made')).toMatchObject({ label: 'Workflow Made', color: '#123abc' });
    expect(st().notes.filter((n) => n.guest_id === guest.id).map((n) => n.text)).toEqual(['Tagged workflow-made from n8n']);
    expect(result.output('List Notes').map((i) => i.json.text)).toContain('Tagged workflow-made from n8n');
    expect(result.output('List Tags').map((i) => i.json.slug)).toContain('workflow-made');
  });

  test('promotion: grant then redeem; the default idempotency key makes a repeat of the same execution a no-op', async () => {
    const guest = newGuest();
    const promotion = st().promotions.find((p) => promotionStatus(p, Date.now()) === 'active' && p.location_ids.includes(1))!;
    const chain = [
      nectifi('Grant', 'promotion', 'grantPromotion', { promotionId: fromList(promotion.id), guestId: guest.id, locationId: fromList(1) }),
      nectifi('Redeem', 'promotion', 'redeemPromotion', { grantId: '={{ $json.grant_id }}', locationId: fromList(1) }),
    ];
    const first = await runChain(chain, [{}], credentials, { executionId: 'exec-redeem-1' });
    const grantId = first.output('Grant')[0].json.grant_id as number;
    const grant = st().grants.find((g) => g.grant_id === grantId)!;
    expect(grant).toMatchObject({ guest_id: guest.id, status: 'redeemed' });
    const redemptionsApplied = applied('nectifi POST /promotions/redeem');

    // n8n repeats the redeem node alone, as "Retry On Fail" does: same execution, node, run and item.
    const again = await runChain([chain[1]], [{ grant_id: grantId }], credentials, { executionId: 'exec-redeem-1' });
    expect(again.output('Redeem')[0].json).toMatchObject({ grant_id: grantId, status: 'redeemed' });
    expect(applied('nectifi POST /promotions/redeem')).toBe(redemptionsApplied);

    // Another execution derives another key: Nectifi sees a second redemption and refuses it.
    const other = await runChain([chain[1]], [{ grant_id: grantId }], credentials, { executionId: 'exec-redeem-2' });
    expect(other.error('Redeem')?.message).toMatch(/already redeemed/);
  });

  test('promotion: a key typed by the user is sent as is', async () => {
    const guest = newGuest();
    const promotion = st().promotions.find((p) => promotionStatus(p, Date.now()) === 'active' && p.location_ids.includes(1))!;
    await runChain(
      [
        nectifi('Grant', 'promotion', 'grantPromotion', { promotionId: byId(promotion.id), guestId: guest.id, locationId: byId(1) }),
        nectifi('Redeem', 'promotion', 'redeemPromotion', {
          grantId: '={{ $json.grant_id }}',
          locationId: byId(1),
          additionalFields: { idempotencyKey: '=pos-{{ $json.grant_id }}' },
        }),
      ],
      [{}],
      credentials,
    );
    const keys = [...st().idempotency.keys()].join(' ');
    const grant = st().grants.filter((g) => g.guest_id === guest.id).pop()!;
    expect(keys).toContain(`pos-${grant.grant_id}`);
  });

  test('loyalty: points added to two guests move both balances; redeem and tier', async () => {
    const guests = [newGuest(), newGuest()];
    const before = guests.map((g) => st().points(g.id).balance);
    const result = await runChain(
      [
        nectifi('Add Points', 'loyalty', 'addPoints', { guestId: '={{ $json.guestId }}', points: 120, additionalFields: { note: 'Birthday bonus' } }),
        nectifi('Redeem Points', 'loyalty', 'redeemPoints', { guestId: '={{ $json.guest_id }}', points: 20 }),
        nectifi('Balance', 'loyalty', 'getPoints', { guestId: '={{ $json.guest_id }}' }),
        nectifi('Tier', 'loyalty', 'getTier', { guestId: '={{ $json.guest_id }}' }),
      ],
      guests.map((g) => ({ guestId: g.id })),
      credentials,
    );
    expect(guests.map((g) => st().points(g.id).balance)).toEqual(before.map((b) => b + 100));
    expect(result.output('Balance').map((i) => i.json.points)).toEqual(before.map((b) => b + 100));
    expect(result.output('Add Points').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
    expect(result.output('Tier').map((i) => i.json.guest_id)).toEqual(guests.map((g) => g.id));
  });

  test('wallet: get, issue a link, redeem a reward', async () => {
    const guest = newGuest();
    await runChain([nectifi('Add Points', 'loyalty', 'addPoints', { guestId: guest.id, points: 1000 })], [{}], credentials);
    const result = await runChain(
      [
        nectifi('Get Wallet', 'wallet', 'getWallet', { guestId: guest.id }),
        nectifi('Link', 'wallet', 'issueWalletLink', { guestId: guest.id, portalId: fromList(1), additionalFields: { ttlDays: 14 } }),
        nectifi('Redeem Reward', 'wallet', 'redeemWalletReward', { guestId: guest.id, rewardId: 1, locationId: fromList(1) }),
      ],
      [{}],
      credentials,
    );
    expect(result.output('Get Wallet')[0].json.guest_id).toBe(guest.id);
    expect(st().walletLinks.filter((l) => l.guest_id === guest.id)).toHaveLength(1);
    expect(st().walletRedemptions.filter((r) => r.guest_id === guest.id).map((r) => r.reward_id)).toEqual([1]);
  });

  test('email: send a template and read its delivery status', async () => {
    const guest = newGuest();
    const result = await runChain(
      [
        nectifi('Send', 'email', 'sendEmail', { guestId: guest.id, templateSlug: 'welcome_email', additionalFields: { variables: '{"guest_name": "Nora"}' } }),
        nectifi('Status', 'email', 'getDeliveryStatus', { requestId: '={{ $json.request_id }}' }),
      ],
      [{}],
      credentials,
    );
    const requestId = result.output('Send')[0].json.request_id as number;
    expect(st().emails.get(requestId)).toMatchObject({ guest_id: guest.id, template_slug: 'welcome_email', recipient: guest.email, variables: { guest_name: 'Nora' } });
    expect(result.output('Status')[0].json.request_id).toBe(requestId);
  });

  test('wifi and analytics: locations, portals of a location, sessions, live guests, the three reports', async () => {
    const result = await runChain(
      [
        nectifi('Locations', 'wifi', 'listLocations', { returnAll: true }),
        nectifi('Portals', 'wifi', 'listPortals', { returnAll: true, filters: { locationId: fromList(1) } }),
      ],
      [{}],
      credentials,
    );
    expect(result.output('Locations').map((i) => i.json.id).sort()).toEqual(st().locations.map((l) => l.id).sort());
    // The portal list runs once per incoming location item; each run is filtered to location 1.
    const portalsOf1 = st().portals.filter((p) => p.location_id === 1).length;
    expect(result.output('Portals')).toHaveLength(3 * portalsOf1);
    expect(new Set(result.output('Portals').map((i) => i.json.location_id))).toEqual(new Set([1]));
    expect(new Set(result.output('Portals').map((i) => (i.pairedItem as { item: number }).item))).toEqual(new Set([0, 1, 2]));

    const rest = await runChain(
      [
        nectifi('Sessions', 'wifi', 'listSessions', { limit: 3 }),
        nectifi('Live', 'wifi', 'listLiveGuests', { limit: 2 }),
        nectifi('Overview', 'analytics', 'getAnalyticsOverview', { additionalFields: { locationId: byId(2) } }),
        nectifi('Guests', 'analytics', 'getGuestAnalytics'),
        nectifi('Promotions', 'analytics', 'getPromotionAnalytics'),
      ],
      [{}],
      credentials,
    );
    expect(rest.output('Sessions')).toHaveLength(3);
    expect(rest.output('Overview')[0].json.location_id).toBe(2);
    expect(rest.output('Guests')[0].json).toHaveProperty('total_guests');
    expect(Array.isArray(rest.output('Promotions')[0].json.promotions)).toBe(true);
  });
});
