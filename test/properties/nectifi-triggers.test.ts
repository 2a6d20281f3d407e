import fc from 'fast-check';
import { NECTIFI_POLL_EVENTS } from '../../nodes/common';
import { cursorStateEntries } from './support/bounds';
import { PROPERTY_TIMEOUT_MS, checkTrigger, recordFigures } from './support/check';
import type { TriggerSpec } from './support/scenario';
import { World } from './support/world';

const MINUTE = 60_000;
const event = (value: string) => NECTIFI_POLL_EVENTS.find((e) => e.value === value)!;
const idKey = (item: Record<string, unknown>) => String(item.id);
/** The trigger's look-back: the run's option, else the trigger's default of 30 minutes. */
const lookBackOf = (config: unknown) => ((config as { lookBackMinutes?: number } | null)?.lookBackMinutes ?? 30) * MINUTE;

/** New Guest: newest first by id, read with offset paging (rows added while paging shift the offsets). */
const newGuest: TriggerSpec<null> = {
  title: 'Nectifi new guest',
  vendor: 'nectifi',
  event: event('newGuest'),
  config: fc.constant(null),
  parameters: () => ({ event: 'newGuest' }),
  maxSkewMs: () => 60 * MINUTE,
  maxLateMs: () => 24 * 60 * MINUTE,
  gap: fc.integer({ min: 0, max: 24 * 60 * MINUTE }),
  bigBatch: [45, 120],
  insert(world, _config, _row, at) {
    const guest = world.sandbox.insert.nectifiGuest({ created_at: at });
    return { key: idKey(guest), timeMs: at, watched: true };
  },
  keyOf: idKey,
  stateEntries: (config, state) => cursorStateEntries(state, lookBackOf(config)),
};

/** New WiFi Session, at every location or at one (sessions elsewhere must not be emitted). */
const newSession: TriggerSpec<{ location: number }> = {
  title: 'Nectifi new session',
  vendor: 'nectifi',
  event: event('newSession'),
  config: fc.record({ location: fc.integer({ min: 0, max: 3 }) }),
  parameters: ({ location }) => ({ event: 'newSession', locationId: { __rl: true, mode: 'id', value: location ? String(location) : '' } }),
  maxSkewMs: () => 60 * MINUTE,
  maxLateMs: () => 24 * 60 * MINUTE,
  gap: fc.integer({ min: 0, max: 24 * 60 * MINUTE }),
  bigBatch: [45, 120],
  insert(world, { location }, row, at) {
    const atLocation = (row.variant % 3) + 1;
    const session = world.sandbox.insert.nectifiSession({ location_id: atLocation, started_at: at });
    return { key: idKey(session), timeMs: at, watched: location === 0 || location === atLocation };
  },
  keyOf: idKey,
  stateEntries: (config, state) => cursorStateEntries(state, lookBackOf(config)),
};

/**
 * The same triggers against a Nectifi that sorts "newest first" by time, not by id (the docs do not
 * say which): a row written late sits below rows already seen. Rows up to the look-back late must
 * all come, once.
 */
function byTime<C>(spec: TriggerSpec<C>): TriggerSpec<C & { lookBackMinutes: number }> {
  return {
    ...(spec as unknown as TriggerSpec<C & { lookBackMinutes: number }>),
    title: `${spec.title} (list by time, late rows)`,
    config: spec.config.chain((config) => fc.constantFrom(5, 30, 120).map((lookBackMinutes) => ({ ...(config ?? ({} as C)), lookBackMinutes }))),
    parameters: (config) => ({ ...spec.parameters(config), options: { lookBackMinutes: config.lookBackMinutes } }),
    maxLateMs: ({ lookBackMinutes }) => lookBackMinutes * MINUTE - 5_000,
    // Rows of earlier runs were written up to their own look-back late: under a shorter one, a row
    // from before this run's first poll could pass for new. The vendor starts afresh when it changes.
    prepare(world, config) {
      if (lastLookBack !== undefined && lastLookBack !== config.lookBackMinutes) world.sandbox.reset();
      lastLookBack = config.lookBackMinutes;
      spec.prepare?.(world, config);
    },
  };
}
let lastLookBack: number | undefined;

let world: World;
let byTimeWorld: World;
beforeAll(async () => {
  world = await World.start();
  byTimeWorld = await World.start({ listOrder: 'time' });
});
afterAll(async () => {
  await world.close();
  await byTimeWorld.close();
});

test.each([newGuest, newSession] as TriggerSpec<unknown>[])('$title: nothing lost or emitted twice over random inserts, polls, paging shifts, faults and restarts', async (spec) => {
  recordFigures(await checkTrigger(spec, world));
}, PROPERTY_TIMEOUT_MS);

test.each([byTime(newGuest), byTime(newSession)] as TriggerSpec<unknown>[])('$title: nothing lost or emitted twice when the list is newest first by time', async (spec) => {
  recordFigures(await checkTrigger(spec, byTimeWorld));
}, PROPERTY_TIMEOUT_MS);
