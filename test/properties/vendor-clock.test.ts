import type { IPollFunctions } from 'n8n-workflow';
import { SMARTWIFI_POLL_EVENTS, SPLASH_POLL_EVENTS } from '../../nodes/common';
import type { PollEvent } from '../../nodes/common/polling/poll-event';
import { World } from './support/world';

// A vendor clock a day ahead for a while, then corrected: the rows it dated in the future must not
// carry the time-window triggers' cursor past the vendor's present (issue 13, case 3).

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const context = (parameters: Record<string, unknown>) =>
  ({ getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback) }) as unknown as IPollFunctions;

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => {
  await world.close();
});

interface Case {
  title: string;
  vendor: 'splash' | 'smartwifi';
  event: PollEvent;
  parameters: Record<string, unknown>;
  insert(atMs: number): string;
}

const planKey = (item: Record<string, unknown>) => [item.token, item.macaddress, item.guest_plan_start, item.guest_plan_name].map(String).join('|');
let planGuest = 0;

const cases: Case[] = [
  {
    title: 'Splash new customer',
    vendor: 'splash',
    event: SPLASH_POLL_EVENTS.find((e) => e.value === 'newCustomer')!,
    parameters: { event: 'newCustomer' },
    insert: (at) => String(world.sandbox.insert.splashCustomer({ created_at: at }).id),
  },
  {
    title: 'Splash new customer visit',
    vendor: 'splash',
    event: SPLASH_POLL_EVENTS.find((e) => e.value === 'newVisit')!,
    parameters: { event: 'newVisit' },
    insert: (at) => String(world.sandbox.insert.splashVisit({ created_at: at }).id),
  },
  {
    title: 'SmartWiFi new guest plan',
    vendor: 'smartwifi',
    event: SMARTWIFI_POLL_EVENTS.find((e) => e.value === 'newGuestPlan')!,
    parameters: { event: 'newGuestPlan', planState: 'any' },
    insert: (at) => {
      planGuest = (planGuest % world.sandbox.state.smartwifi.guests.size) + 1;
      const start = Math.floor(at / 1000) * 1000;
      return planKey(world.sandbox.insert.smartwifiGuestPlan({ guest_id: planGuest, guest_plan_start: start, guest_plan_expire: start + DAY }));
    },
  },
];

test.each(cases)('$title: a row dated a day ahead is emitted once, and rows after the clock is corrected still come', async ({ vendor, event, parameters, insert }) => {
  world.beginRun(0, 10 * MINUTE, true);
  const runner = world.runner(vendor);
  const ctx = context(parameters);
  let state: unknown;
  const emitted: string[] = [];
  const keyOf = vendor === 'splash' ? (item: Record<string, unknown>) => String(item.id) : planKey;
  const poll = async () => {
    const result = await event.poll(ctx, runner, state === undefined ? undefined : JSON.parse(JSON.stringify(state)), world.clock.machineMs);
    state = result.state;
    emitted.push(...result.items.map(keyOf));
  };
  await poll();
  world.clock.advance(MINUTE);
  const future = insert(world.clock.vendorMs() + DAY);
  world.clock.advance(MINUTE);
  await poll();
  const corrected: string[] = [];
  for (let i = 0; i < 5; i++) {
    world.clock.advance(5 * MINUTE);
    corrected.push(insert(world.clock.vendorMs()));
    await poll();
  }
  world.clock.advance(DAY + 10 * MINUTE);
  await poll();
  expect(emitted.filter((key) => key === future)).toHaveLength(1);
  expect(corrected.filter((key) => !emitted.includes(key))).toEqual([]);
  expect(new Set(emitted).size).toBe(emitted.length);
});
