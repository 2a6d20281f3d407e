import fc from 'fast-check';
import { SMARTWIFI_POLL_EVENTS } from '../../nodes/common';
import { windowStateEntries } from './support/bounds';
import { PROPERTY_TIMEOUT_MS, checkTrigger, recordFigures } from './support/check';
import type { InsertedRow, PollTime } from './support/ledger';
import type { TriggerSpec } from './support/scenario';
import { World } from './support/world';
import { spacedUtc } from '../../nodes/common/polling/vendor-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const event = SMARTWIFI_POLL_EVENTS.find((e) => e.value === 'newGuestPlan')!;
/** The trigger's own identity of a plan (it has no id). */
const planKey = (item: Record<string, unknown>) => [item.token, item.macaddress, item.guest_plan_start, item.guest_plan_name].map(String).join('|');
/** The sandbox's default plan name when none is given. */
const PLAN_NAME = 'Day Pass';
const DURATIONS = [2 * MINUTE, 30 * MINUTE, HOUR, 6 * HOUR, DAY, 3 * DAY];

interface Options {
  planState: 'any' | 'active' | 'expired';
  lookBackMinutes: number;
}

/**
 * Whether the trigger must emit a plan. SmartWiFi lists plans started in the last 7 days of its
 * clock only, and the trigger asks for a little less by its own (7 days minus the look-back), so
 * a plan older than that at every later poll is past reach (a minute from the edge is left to
 * chance). With a state filter, what counts is the plan's state at the first poll after it
 * started; a plan that changes state later may or may not be emitted then.
 */
function mustEmit({ planState, lookBackMinutes }: Options, row: InsertedRow, later: PollTime[]): boolean {
  const reach = (at: PollTime) => Math.max(at.vendorMs - 7 * DAY, at.machineMs - 7 * DAY + Math.max(10, lookBackMinutes) * MINUTE);
  const inHorizon = (at: PollTime) => row.timeMs >= reach(at) + MINUTE;
  if (planState === 'any') return later.some(inHorizon);
  const first = later[0];
  if (!first || !inHorizon(first)) return false;
  const expires = row.expiresMs as number;
  return planState === 'active' ? expires > first.vendorMs + 1_000 : expires < first.vendorMs - 1_000;
}

let guestCursor = 0;
/** Keys of the plans inserted so far (`token|mac|start|name`). */
const inserted = new Set<string>();

const newGuestPlan: TriggerSpec<Options> = {
  title: 'SmartWiFi new guest plan',
  vendor: 'smartwifi',
  event,
  config: fc.record({ planState: fc.constantFrom('any' as const, 'any' as const, 'active' as const, 'expired' as const), lookBackMinutes: fc.constantFrom(5, 30, 120) }),
  parameters: ({ planState, lookBackMinutes }) => ({ event: 'newGuestPlan', planState, options: { lookBackMinutes } }),
  maxSkewMs: ({ lookBackMinutes }) => (lookBackMinutes * MINUTE) / 2,
  maxLateMs: ({ lookBackMinutes }, skewMs) => lookBackMinutes * MINUTE - Math.abs(skewMs) - 5_000,
  // Up to 9 days: past the 7 days SmartWiFi keeps plans listable.
  gap: fc.oneof(fc.integer({ min: 0, max: 20 * MINUTE }), fc.integer({ min: HOUR, max: 9 * DAY })),
  bigBatch: [10, 30],
  // Plan starts have whole seconds: one plan per second per guest keeps two plans apart.
  rowSpacingMs: 1_000,
  insert(world, _options, row, at) {
    const st = world.sandbox.state.smartwifi;
    const start = Math.floor(at / 1000) * 1000;
    // A plan has no id: the same guest starting the same plan in the same second is the same row to
    // anyone reading the list. A late row could land on an earlier one's second: take another guest.
    const keyOf = (guestId: number) => {
      const guest = st.guests.get(guestId)!;
      return planKey({ token: guest.token, macaddress: guest.macaddress, guest_plan_start: spacedUtc(start), guest_plan_name: PLAN_NAME });
    };
    do guestCursor = (guestCursor % st.guests.size) + 1;
    while (inserted.has(keyOf(guestCursor)));
    const expires = start + DURATIONS[row.variant % DURATIONS.length];
    const made = world.sandbox.insert.smartwifiGuestPlan({ guest_id: guestCursor, guest_plan_start: start, guest_plan_expire: expires });
    inserted.add(planKey(made));
    return { key: planKey(made), timeMs: start, expiresMs: expires, watched: true };
  },
  keyOf: planKey,
  rule: (options) => (row, later) => mustEmit(options, row, later),
  // A plan active at the first poll and expired later is an "expired plan" then: it may show once.
  olderRowsMayShow: ({ planState }) => planState === 'expired',
  stateEntries: ({ lookBackMinutes }, state) => windowStateEntries(state, lookBackMinutes * MINUTE),
  vendorClockAhead: true,
};

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => {
  await world.close();
});

test('SmartWiFi new guest plan: nothing lost or emitted twice across the 7-day limit, state filters, skew, late rows, faults and restarts', async () => {
  recordFigures(await checkTrigger(newGuestPlan, world));
}, PROPERTY_TIMEOUT_MS);
