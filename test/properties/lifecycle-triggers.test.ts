import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { NECTIFI_POLL_EVENTS, SMARTWIFI_POLL_EVENTS, SPLASH_POLL_EVENTS } from '../../nodes/common';
import type { PollEvent } from '../../nodes/common/polling/poll-event';
import type { LifecycleState } from '../../shared/lifecycle';
import type { Vendor } from '../../shared/core/operation';
import { PROPERTY_TIMEOUT_MS, checkTrigger, recordFigures } from './support/check';
import type { TriggerSpec } from './support/scenario';
import { World } from './support/world';

/*
 * The lifecycle events through the real poll code, real HTTP and the sandbox, with the scenarios of
 * the other trigger properties: clock skew, rows written late, paging while rows arrive, faults and
 * restarts, the state through JSON as n8n saves it. The emitted key is the visit's id.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const HOUR = 60 * MINUTE;
const visitKey = (item: IDataObject) => String(item.visit_id);
const find = (events: PollEvent[], value: string) => events.find((e) => e.value === value)!;
const floorSecond = (ms: number) => Math.floor(ms / 1000) * 1000;
const hms = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

interface EndedConfig {
  lookBackMinutes: number;
  longestVisitHours: number;
}

/** State of Visit Ended: the ended visits emitted, only those that started within the longest visit and look-back of the last poll. */
function endedStateEntries({ lookBackMinutes, longestVisitHours }: EndedConfig, state: unknown): number {
  const { cursor, seen } = state as LifecycleState;
  const from = floorSecond(cursor - longestVisitHours * HOUR - lookBackMinutes * MINUTE);
  for (const [key, start] of seen) if (start < from) throw new Error(`state keeps ${key}, which started before its window`);
  return seen.length;
}

/** Visit Ended: each visit written already ended (its end up to the look-back late), at most the longest visit long. */
function visitEnded(vendor: Vendor, events: PollEvent[], title: string, insert: (world: World, startMs: number, endMs: number) => string): TriggerSpec<EndedConfig> {
  return {
    title,
    vendor,
    event: find(events, 'visitEnded'),
    config: fc.record({ lookBackMinutes: fc.constantFrom(5, 30), longestVisitHours: fc.constantFrom(1, 12) }),
    parameters: ({ lookBackMinutes, longestVisitHours }) => ({ event: 'visitEnded', longestVisitHours, options: { lookBackMinutes } }),
    maxSkewMs: ({ lookBackMinutes }) => (lookBackMinutes * MINUTE) / 2,
    maxLateMs: ({ lookBackMinutes }, skewMs) => lookBackMinutes * MINUTE - Math.abs(skewMs) - 5_000,
    gap: fc.oneof(fc.integer({ min: 0, max: 10 * MINUTE }), fc.integer({ min: 0, max: 2 * DAY })),
    bigBatch: [45, 120],
    insert(world, { lookBackMinutes, longestVisitHours }, row, at) {
      const duration = Math.floor(((row.variant % 50) / 50) * (longestVisitHours * HOUR - lookBackMinutes * MINUTE));
      const end = floorSecond(at);
      return { key: insert(world, end - duration, end), timeMs: end, watched: true };
    },
    keyOf: visitKey,
    stateEntries: endedStateEntries,
  };
}

interface ReturningConfig {
  visitNumber: number;
  countWindowDays: number;
  lookBackMinutes: number;
}

/**
 * Returning Guest over three guests of the run: a visit is due when it is its guest's Nth within the
 * count window; every other visit must not show. Visits are written on time (a visit written late
 * would renumber those written before it), one second apart.
 */
function returningGuest(
  vendor: Vendor,
  events: PollEvent[],
  title: string,
  newGuest: (world: World) => number,
  newVisit: (world: World, guest: number, startMs: number) => string,
): TriggerSpec<ReturningConfig> {
  let guests: number[] = [];
  let visits = new Map<number, number[]>();
  return {
    title,
    vendor,
    event: find(events, 'returningGuest'),
    config: fc.record({ visitNumber: fc.constantFrom(2, 3), countWindowDays: fc.constantFrom(1, 30), lookBackMinutes: fc.constantFrom(2, 10) }),
    parameters: ({ visitNumber, countWindowDays, lookBackMinutes }) => ({ event: 'returningGuest', visitNumber, countWindowDays, options: { lookBackMinutes } }),
    maxSkewMs: ({ lookBackMinutes }) => (lookBackMinutes * MINUTE) / 2,
    maxLateMs: () => 0,
    gap: fc.oneof(fc.integer({ min: 0, max: 10 * MINUTE }), fc.integer({ min: 0, max: 2 * DAY })),
    bigBatch: [20, 60],
    rowSpacingMs: 1000,
    // A visit is taken in once it is a look-back old: the last poll comes after the longest one.
    drainMs: 11 * MINUTE,
    prepare(world) {
      guests = [newGuest(world), newGuest(world), newGuest(world)];
      visits = new Map();
    },
    insert(world, { visitNumber, countWindowDays }, row, at) {
      const guest = guests[row.variant % guests.length];
      const start = floorSecond(at);
      const earlier = visits.get(guest) ?? [];
      const number = earlier.filter((t) => t > start - countWindowDays * DAY).length + 1;
      visits.set(guest, [...earlier, start]);
      return { key: newVisit(world, guest, start), timeMs: start, watched: number === visitNumber };
    },
    keyOf: visitKey,
    stateEntries: ({ countWindowDays, lookBackMinutes }, state) => {
      const { cursor, seen, starts = {} } = state as LifecycleState;
      const from = floorSecond(cursor - lookBackMinutes * MINUTE);
      for (const [key, start] of seen) if (start < from) throw new Error(`state keeps ${key}, older than the look-back`);
      let entries = seen.length;
      for (const [guest, list] of Object.entries(starts)) {
        for (const start of list) if (start <= from - countWindowDays * DAY) throw new Error(`state keeps a visit of ${guest} older than the count window`);
        entries += list.length;
      }
      return entries;
    },
  };
}

const nectifiEnded = visitEnded('nectifi', NECTIFI_POLL_EVENTS, 'Nectifi visit ended', (world, start, end) =>
  String(world.sandbox.insert.nectifiSession({ started_at: start, ended_at: end }).id),
);
const smartwifiEnded = visitEnded('smartwifi', SMARTWIFI_POLL_EVENTS, 'SmartWiFi visit ended', (world, start, end) => {
  const row = world.sandbox.insert.smartwifiConnection({ date: start, online_time: hms(end - start) });
  return `${row.guesttoken}|${row.macaddress}|${row.date}`;
});
const splashReturning = returningGuest(
  'splash',
  SPLASH_POLL_EVENTS,
  'Splash returning guest',
  (world) => world.sandbox.insert.splashCustomer().id as number,
  (world, customer, start) => String(world.sandbox.insert.splashVisit({ customer_id: customer, created_at: start }).id),
);
const nectifiReturning = returningGuest(
  'nectifi',
  NECTIFI_POLL_EVENTS,
  'Nectifi returning guest',
  (world) => world.sandbox.insert.nectifiGuest().id as number,
  (world, guest, start) => String(world.sandbox.insert.nectifiSession({ guest_id: guest, started_at: start, ended_at: start + MINUTE }).id),
);

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => {
  await world.close();
});

test.each([nectifiEnded, smartwifiEnded, splashReturning, nectifiReturning] as TriggerSpec<unknown>[])(
  '$title: nothing lost or emitted twice, nothing on activation, bounded state',
  async (spec) => {
    recordFigures(await checkTrigger(spec, world));
  },
  PROPERTY_TIMEOUT_MS,
);
