import fc from 'fast-check';
import { NECTIFI_POLL_EVENTS } from '../../nodes/common';
import { cursorStateEntries } from './support/bounds';
import { PROPERTY_TIMEOUT_MS, checkTrigger, recordFigures } from './support/check';
import type { TriggerSpec } from './support/scenario';
import { World } from './support/world';

const MINUTE = 60_000;
const event = (value: string) => NECTIFI_POLL_EVENTS.find((e) => e.value === value)!;
const idKey = (item: Record<string, unknown>) => String(item.id);

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
  stateEntries: (_config, state) => cursorStateEntries(state),
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
  stateEntries: (_config, state) => cursorStateEntries(state),
};

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => {
  await world.close();
});

test.each([newGuest, newSession] as TriggerSpec<unknown>[])('$title: nothing lost or emitted twice over random inserts, polls, paging shifts, faults and restarts', async (spec) => {
  recordFigures(await checkTrigger(spec, world));
}, PROPERTY_TIMEOUT_MS);
