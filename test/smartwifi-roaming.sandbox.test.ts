import type { IPollFunctions } from 'n8n-workflow';
import { SMARTWIFI_POLL_EVENTS } from '../nodes/common';
import { paginate } from '../shared/client/paginate';
import { listConnections } from '../shared/smartwifi/operations/connections';
import { World } from './properties/support/world';

// Roaming connections (the doc: a gateway may send several sets of records for one guest connection,
// e.g. when the device roams between APs) come out once and whole, with a key that does not change,
// however a range is cut into windows or a poll's window slides past their first record (issue 13, case 1).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const key = (row: Record<string, unknown>) => `${row.guesttoken}|${row.macaddress}|${row.date}`;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => {
  await world.close();
});

test('List Connections over two days walked in day windows gives a connection roaming across midnight once, whole, as one request does', async () => {
  world.beginRun(0, 2 * DAY, true);
  const midnight = Math.floor(world.clock.vendorMs() / DAY) * DAY - DAY;
  const roaming = world.sandbox.insert.smartwifiRoamingConnection({ guest_id: 1, date: midnight - 20 * MINUTE, online_time: '00:30:00' }, [
    { at: midnight + 10 * MINUTE, hotspot_id: 12290 },
  ]);
  const runner = world.runner('smartwifi');
  const range = { from: day(midnight - DAY), to: day(midnight + DAY) };
  const whole = (await runner.call(listConnections, range)) as Array<Record<string, unknown>>;
  const walked: Array<Record<string, unknown>> = [];
  for await (const row of paginate(runner, listConnections, range)) walked.push(row as Record<string, unknown>);
  expect(world.transport.requests).toBeGreaterThan(2);
  expect(walked.map(key).sort()).toEqual(whole.map(key).sort());
  const mine = walked.filter((row) => row.guesttoken === roaming.guesttoken && Date.parse(String(row.date)) >= midnight - HOUR && Date.parse(String(row.date)) < midnight + HOUR);
  expect(mine).toEqual([roaming]);
});

test('New Connection emits a roaming connection once, though later polls see only its later records', async () => {
  world.beginRun(0, DAY, true);
  const event = SMARTWIFI_POLL_EVENTS.find((e) => e.value === 'newConnection')!;
  const ctx = { getNodeParameter: (name: string, fallback?: unknown) => (name === 'options' ? { lookBackMinutes: 30 } : name === 'event' ? 'newConnection' : fallback) } as unknown as IPollFunctions;
  const runner = world.runner('smartwifi');
  let state: unknown;
  const emitted: string[] = [];
  const poll = async () => {
    const result = await event.poll(ctx, runner, state === undefined ? undefined : JSON.parse(JSON.stringify(state)), world.clock.machineMs);
    state = result.state;
    emitted.push(...result.items.map((row) => key(row)));
  };
  await poll();
  const start = world.clock.vendorMs() + MINUTE;
  const roaming = world.sandbox.insert.smartwifiRoamingConnection({ guest_id: 2, date: start }, [
    { at: start + 2 * HOUR, hotspot_id: 12304 },
    { at: start + 5 * HOUR, hotspot_id: 12377 },
  ]);
  // Other guests keep connecting, so the poll's window moves on past the roaming connection's start.
  const others: string[] = [];
  for (let i = 0; i < 16; i++) {
    world.clock.advance(30 * MINUTE);
    others.push(key(world.sandbox.insert.smartwifiConnection({ guest_id: 3 + (i % 5), date: world.clock.vendorMs() - MINUTE })));
    await poll();
  }
  expect(emitted.filter((k) => !others.includes(k))).toEqual([key(roaming)]);
  expect(emitted.filter((k) => others.includes(k)).sort()).toEqual([...others].sort());
});
