import type { Sandbox } from '../sandbox';
import { fromList, runChain, step } from './support/chain';
import type { CredentialStore } from './support/engine';
import { useEngineSandbox } from './support/sandbox';

let sandbox: Sandbox;
let credentials: CredentialStore;

useEngineSandbox((started, stored) => {
  sandbox = started;
  credentials = stored;
});

const smartwifi = (name: string, resource: string, operation: string, parameters = {}) => step(name, 'smartWifi', resource, operation, parameters);
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

describe('SmartWiFi workflows through the n8n engine', () => {
  test('account, hotspots and guests: ping, list hotspots, list unsubscribed guests, get a guest by token', async () => {
    const result = await runChain(
      [
        smartwifi('Ping', 'account', 'ping'),
        smartwifi('Hotspots', 'hotspot', 'listHotspots', { returnAll: true }),
      ],
      [{}],
      credentials,
    );
    expect(result.output('Ping')[0].json).toEqual({ message: 'success' });
    expect(result.output('Hotspots').map((i) => i.json.id)).toEqual(sandbox.state.smartwifi.hotspots.map((h) => h.id));

    const guests = await runChain(
      [smartwifi('Unsubscribed', 'guest', 'listGuests', { returnAll: true, filters: { unsubscribed: true } })],
      [{}],
      credentials,
    );
    const unsubscribed = guests.output('Unsubscribed');
    expect(unsubscribed.length).toBeGreaterThan(0);
    expect(unsubscribed.every((i) => i.json.unsubscribed === true)).toBe(true);

    const someone = sandbox.state.smartwifi.guest(5);
    const one = await runChain([smartwifi('Get', 'guest', 'getGuest', { guestToken: '={{ $json.token }}' })], [{ token: someone.token }], credentials);
    expect((one.output('Get')[0].json.profile as { macaddress: string }).macaddress).toBe(someone.macaddress);
  });

  test('connections: a 45-day range is fetched in 30-day windows; a hotspot from the list filters', async () => {
    const to = Date.now() + DAY;
    const result = await runChain(
      [smartwifi('Connections', 'connection', 'listConnections', { returnAll: true, filters: { from: ymd(to - 45 * DAY), to: ymd(to) } })],
      [{}],
      credentials,
    );
    const dates = result.output('Connections').map((i) => Date.parse(String(i.json.date)));
    expect(dates.length).toBeGreaterThan(0);
    expect(Math.min(...dates)).toBeLessThan(to - 31 * DAY);
    expect(sandbox.counters.get().requests['smartwifi GET /v2/client/connections']).toBeGreaterThanOrEqual(2);

    const hotspot = sandbox.state.smartwifi.hotspots[0];
    sandbox.insert.smartwifiConnection({ hotspot_id: hotspot.id });
    const filtered = await runChain(
      [smartwifi('At Hotspot', 'connection', 'listConnections', { returnAll: true, filters: { hotspotid: fromList(hotspot.id) } })],
      [{}],
      credentials,
    );
    const names = new Set(filtered.output('At Hotspot').map((i) => i.json.hotspotname));
    expect([...names]).toEqual([hotspot.name]);
  });

  test('guest plans: a plan started now is listed as active', async () => {
    const plan = sandbox.insert.smartwifiGuestPlan() as { token: string; guest_plan_start: string };
    const result = await runChain(
      [smartwifi('Plans', 'guestPlan', 'listGuestPlans', { returnAll: true, filters: { state: 'active', startedSinceRelative: '1h' } })],
      [{}],
      credentials,
    );
    expect(result.output('Plans').map((i) => [i.json.token, i.json.guest_plan_start])).toContainEqual([plan.token, plan.guest_plan_start]);
  });
});
