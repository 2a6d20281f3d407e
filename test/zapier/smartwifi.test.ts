import { startSandbox } from '../sandbox';
import { type ZapierHarness, expectUniqueIds, idsOf, startZapierHarness, throttleDelayOf } from './support/harness';

let h: ZapierHarness;
let authData: Record<string, string>;

beforeAll(async () => {
  h = await startZapierHarness('smartwifi');
  authData = h.authData;
});

afterAll(async () => {
  await h?.close();
});

const smartwifi = () => h.sandbox.state.smartwifi;
const triggers = () => h.app.triggers;
const byTimeDesc = (times: number[]) => times.every((time, i) => i === 0 || times[i - 1] >= time);

describe('the built SmartWiFi app', () => {
  it('passes zapier-platform-core\'s own validation', async () => {
    expect(await h.validate()).toEqual([]);
  });

  it('offers the hotspot dropdown on the connection trigger', () => {
    const hotspot = triggers().newConnection.operation.inputFields.find((f: any) => f.key === 'hotspotid');
    expect(hotspot.dynamic).toBe('listHotspots.id.name');
    expect(triggers().listHotspots.display.hidden).toBe(true);
  });
});

describe('SmartWiFi authentication', () => {
  it('accepts a good token and names the account by its hotspots', async () => {
    const result = await h.run<{ label: string }>(h.app.authentication.test, { authData });
    const [first, second] = smartwifi().hotspots.map((hotspot) => hotspot.name);
    expect(result.label).toBe(`SmartWiFi Custom: ${first}, ${second} and ${smartwifi().hotspots.length - 2} more`);
    expect(await h.run(h.app.authentication.connectionLabel, { authData, inputData: result })).toBe(result.label);
  });

  it('rejects a wrong token with an auth error that says to reconnect', async () => {
    const error = await h.failure(h.app.authentication.test, { authData: { ...authData, apiToken: 'not-the-right-token-123456' } });
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/401.*Invalid api_token.*Reconnect/s);
  });
});

describe('SmartWiFi polling triggers', () => {
  it('New Guest returns unique ids, newest first, and picks up a guest added between polls', async () => {
    const first = await h.run<Array<{ id: number }>>(triggers().newGuest.operation.perform, { authData });
    expectUniqueIds(first);
    expect(first.length).toBeLessThanOrEqual(500);
    expect(idsOf(first)).toEqual([...idsOf(first)].sort((a, b) => Number(b) - Number(a)));
    const added = h.sandbox.insert.smartwifiGuest();
    const second = await h.run<Array<{ id: number }>>(triggers().newGuest.operation.perform, { authData });
    expect(second[0].id).toBe(added.id);
  });

  it('New Guest identifies guests by MAC address when SmartWiFi leaves their ids blank, as in its doc', async () => {
    const blank = await startSandbox({ port: 0, quiet: true, smartwifiBlankGuestIds: true, scale: { smartwifiGuests: 50 } });
    try {
      const guests = await h.run<Array<{ id: string; macaddress: string }>>(triggers().newGuest.operation.perform, {
        authData: { ...authData, baseUrl: blank.urls.smartwifi },
      });
      expectUniqueIds(guests);
      expect(guests).toHaveLength(50);
      for (const guest of guests) expect(guest.id).toBe(`mac:${guest.macaddress}`);
    } finally {
      await blank.close();
    }
  });

  it('New Connection gives each connection a stable composite id, newest first, and picks up a new one', async () => {
    const first = await h.run<Array<{ id: string; date: string }>>(triggers().newConnection.operation.perform, { authData });
    expectUniqueIds(first);
    expect(byTimeDesc(first.map((c) => Date.parse(c.date)))).toBe(true);
    const again = await h.run<Array<{ id: string }>>(triggers().newConnection.operation.perform, { authData });
    expect(idsOf(again).slice(0, 20)).toEqual(idsOf(first).slice(0, 20));
    const added = h.sandbox.insert.smartwifiConnection();
    const second = await h.run<Array<{ id: string }>>(triggers().newConnection.operation.perform, { authData });
    expect(second[0].id).toBe(`${added.guesttoken}|${added.macaddress}|${added.date}`);
  });

  it('New Connection leaves the guests\' data out of Zapier\'s HTTP log, so the log\'s scrubber never scans a long list', async () => {
    const before = h.logs.text().length;
    const polled = await h.run<Array<{ guesttoken: string; macaddress: string }>>(triggers().newConnection.operation.perform, { authData });
    expect(polled.length).toBeGreaterThan(10);
    const logged = h.logs.text().slice(before);
    // The request is logged (status, method, URL, duration), its answer's content is not.
    expect(logged).toMatch(/"request_url":"[^"]*\/v2\/client\/connections"/);
    expect(logged).toContain('<probably streaming data>');
    for (const row of polled.slice(0, 10)) expect(logged).not.toContain(row.macaddress);
  });

  it('New Connection keeps a roaming connection under one id: one whose first record left the last 24 hours does not come back under a later date', async () => {
    const now = Date.now();
    const gone = h.sandbox.insert.smartwifiRoamingConnection({ guest_id: 7, date: now - 25 * 3_600_000 }, [{ at: now - 23 * 3_600_000 }]);
    const recent = h.sandbox.insert.smartwifiRoamingConnection({ guest_id: 8, date: now - 3 * 3_600_000 }, [{ at: now - 2 * 3_600_000 }, { at: now - 3_600_000 }]);
    const polled = await h.run<Array<{ id: string; guesttoken: string; date: string }>>(triggers().newConnection.operation.perform, { authData });
    const of = (guesttoken: unknown, fromMs: number, toMs: number) =>
      polled.filter((c) => c.guesttoken === guesttoken && Date.parse(c.date) >= fromMs && Date.parse(c.date) < toMs).map((c) => c.id);
    expect(of(gone.guesttoken, now - 26 * 3_600_000, now - 22 * 3_600_000)).toEqual([]);
    expect(of(recent.guesttoken, now - 4 * 3_600_000, now)).toEqual([`${recent.guesttoken}|${recent.macaddress}|${recent.date}`]);
  });

  it('New Connection filters by hotspot', async () => {
    const hotspot = smartwifi().hotspots[0];
    h.sandbox.insert.smartwifiConnection({ hotspot_id: hotspot.id });
    const connections = await h.run<Array<{ hotspotname: string }>>(triggers().newConnection.operation.perform, {
      authData,
      inputData: { hotspotid: String(hotspot.id) },
    });
    expect(connections.length).toBeGreaterThan(0);
    expect(new Set(connections.map((c) => c.hotspotname))).toEqual(new Set([hotspot.name]));
  });

  it('New Guest Plan gives each plan a composite id, newest first, and picks up a plan started between polls', async () => {
    const first = await h.run<Array<{ id: string; guest_plan_start: string }>>(triggers().newGuestPlan.operation.perform, { authData });
    expectUniqueIds(first);
    expect(byTimeDesc(first.map((p) => Date.parse(`${p.guest_plan_start.replace(' ', 'T')}Z`)))).toBe(true);
    const added = h.sandbox.insert.smartwifiGuestPlan();
    const second = await h.run<Array<{ id: string }>>(triggers().newGuestPlan.operation.perform, { authData });
    expect(second[0].id).toBe(`${added.token}|${added.guest_plan_name}|${added.guest_plan_start}`);
  });

  it('returns three items when Zapier loads samples', async () => {
    const sample = await h.run<unknown[]>(triggers().newConnection.operation.perform, { authData, meta: { isLoadingSample: true } });
    expect(sample).toHaveLength(3);
  });

  it('surfaces a 429 from SmartWiFi as a ThrottledError with its delay', async () => {
    h.sandbox.faults.inject({ vendor: 'smartwifi', fault: 'rate-limit', retryAfterSeconds: 30 });
    const error = await h.failure(triggers().newGuest.operation.perform, { authData });
    expect(throttleDelayOf(error)).toBe(30);
  });
});

describe('SmartWiFi dropdown and search', () => {
  it('listHotspots returns the sandbox\'s hotspots', async () => {
    const hotspots = await h.run(triggers().listHotspots.operation.perform, { authData, meta: { page: 0 } });
    expect(idsOf(hotspots)).toEqual(smartwifi().hotspots.map((hotspot) => hotspot.id));
  });

  it('Find Guest finds a guest by token, and nothing for an unknown token', async () => {
    const guest = h.sandbox.insert.smartwifiGuest({ first_name: 'Zapier' });
    const [found] = await h.run<any[]>(h.app.searches.findGuest.operation.perform, { authData, inputData: { guest_token: guest.token } });
    expect(found.profile).toMatchObject({ firstname: 'Zapier', macaddress: guest.macaddress });
    expect(await h.run(h.app.searches.findGuest.operation.perform, { authData, inputData: { guest_token: 'no-such-token' } })).toEqual([]);
  });
});

describe('SmartWiFi secrets', () => {
  it('logged every request, with the token in the query string, through Zapier\'s HTTP log', () => {
    const requests = h.logs.requests();
    expect(requests.some((line) => line.includes('/v2/client/connections') && line.includes('api_token='))).toBe(true);
  });

  it('leaves no token in any error or logged request', () => {
    expect(h.leakedSecrets()).toEqual([]);
  });
});
