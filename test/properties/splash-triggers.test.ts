import fc from 'fast-check';
import { SPLASH_POLL_EVENTS } from '../../nodes/common';
import { windowStateEntries } from './support/bounds';
import { PROPERTY_TIMEOUT_MS, checkTrigger, recordFigures } from './support/check';
import { capPageSize } from './support/interleaving-transport';
import type { TriggerSpec } from './support/scenario';
import { World } from './support/world';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const event = (value: string) => SPLASH_POLL_EVENTS.find((e) => e.value === value)!;
const idKey = (item: Record<string, unknown>) => String(item.id);

interface Options {
  lookBackMinutes: number;
}

/**
 * Splash lists are read by `created_at` since the cursor minus the look-back (time-window strategy),
 * oldest first, page by page. Rows of the other team must never show. Splash dates have whole
 * seconds; the margin below keeps rows a second inside the look-back.
 */
function splashSpec(value: 'newCustomer' | 'newVisit', title: string): TriggerSpec<Options> {
  return {
    title,
    vendor: 'splash',
    event: event(value),
    config: fc.record({ lookBackMinutes: fc.constantFrom(2, 10, 60) }),
    parameters: ({ lookBackMinutes }) => ({ event: value, options: { lookBackMinutes } }),
    // The look-back is what absorbs a clock difference and rows written late: together within it.
    maxSkewMs: ({ lookBackMinutes }) => (lookBackMinutes * MINUTE) / 2,
    maxLateMs: ({ lookBackMinutes }, skewMs) => lookBackMinutes * MINUTE - Math.abs(skewMs) - 5_000,
    gap: fc.oneof(fc.integer({ min: 0, max: 10 * MINUTE }), fc.integer({ min: 0, max: 3 * DAY })),
    bigBatch: [6, 20],
    insert(world, _config, row, at) {
      const team = row.variant % 5 === 0 ? world.sandbox.keys.splash.otherTeam : world.sandbox.keys.splash.team;
      const made = value === 'newCustomer' ? world.sandbox.insert.splashCustomer({ team, created_at: at }) : world.sandbox.insert.splashVisit({ team, created_at: at });
      return { key: idKey(made), timeMs: Math.floor(at / 1000) * 1000, watched: team === world.sandbox.keys.splash.team };
    },
    keyOf: idKey,
    stateEntries: ({ lookBackMinutes }, state) => windowStateEntries(state, lookBackMinutes * MINUTE),
    vendorClockAhead: true,
  };
}

let world: World;
beforeAll(async () => {
  // Five rows a page, so that a handful of new rows already spans several pages.
  world = await World.start({}, capPageSize('per_page', 5));
});
afterAll(async () => {
  await world.close();
});

test.each([splashSpec('newCustomer', 'Splash new customer'), splashSpec('newVisit', 'Splash new visit')])(
  '$title: nothing lost or emitted twice with clock skew, late rows, paging, faults and restarts',
  async (spec) => {
    recordFigures(await checkTrigger(spec, world));
  },
  PROPERTY_TIMEOUT_MS,
);
