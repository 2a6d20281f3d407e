import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { SMARTWIFI_POLL_EVENTS } from '../../nodes/common';
import type { FullListState } from '../../nodes/common/polling/full-list';
import { PROPERTY_TIMEOUT_MS, RUNS_PER_TRIGGER, checkTrigger, recordFigures } from './support/check';
import type { TriggerSpec } from './support/scenario';
import { SMALL_SCALE, World } from './support/world';

const MINUTE = 60_000;
const event = SMARTWIFI_POLL_EVENTS.find((e) => e.value === 'newGuest')!;
/** How the trigger tells guests apart: the id, or the MAC address where SmartWiFi leaves ids blank. */
const guestKey = (item: IDataObject) => (item.id === undefined || item.id === null || item.id === '' ? `mac:${String(item.macaddress)}` : String(item.id));
/** The list comes whole on every poll: start SmartWiFi afresh before it grows past this. */
const MAX_GUESTS = 80;
/** SmartWiFi's data for these runs: a few guests, nothing else. */
const GUESTS_ONLY = { smartwifiGuests: 15, smartwifiConnections: 0, smartwifiGuestPlans: 0 };

/** Full-list strategy: the state is the highest id, or the identities at the top of the list (at most 500). */
function fullListEntries(state: unknown): number {
  const { maxId, recent } = state as FullListState;
  if (recent !== undefined && recent.length > 500) throw new Error(`state keeps ${recent.length} identities`);
  if (maxId !== undefined && typeof maxId !== 'number') throw new Error(`unexpected state ${JSON.stringify(state).slice(0, 200)}`);
  return (recent?.length ?? 0) + (maxId === undefined ? 0 : 1);
}

function guestSpec(title: string, blankIds: boolean, emptyStart: boolean): TriggerSpec<null> {
  return {
    title,
    vendor: 'smartwifi',
    event,
    config: fc.constant(null),
    parameters: () => ({ event: 'newGuest' }),
    maxSkewMs: () => 60 * MINUTE,
    maxLateMs: () => 60 * MINUTE,
    gap: fc.integer({ min: 0, max: 24 * 60 * MINUTE }),
    bigBatch: [10, 40],
    prepare: (world) => {
      if (emptyStart) world.reseedSmartwifi({ smartwifiGuests: 0 });
      else if (world.sandbox.state.smartwifi.guests.size > MAX_GUESTS) world.reseedSmartwifi(GUESTS_ONLY);
    },
    insert(world, _config, _row, at) {
      const guest = world.sandbox.insert.smartwifiGuest({ created_at: at });
      return { key: blankIds ? `mac:${String(guest.macaddress)}` : String(guest.id), timeMs: at, watched: true };
    },
    keyOf: guestKey,
    stateEntries: (_config, state) => fullListEntries(state),
  };
}

const worlds: World[] = [];
const start = async (options: Parameters<typeof World.start>[0]) => {
  const world = await World.start({ ...options, scale: { ...SMALL_SCALE, ...GUESTS_ONLY } });
  worlds.push(world);
  return world;
};
afterAll(async () => {
  await Promise.all(worlds.map((world) => world.close()));
});

test('SmartWiFi new guest (with ids): nothing lost or emitted twice over random inserts, polls, faults and restarts', async () => {
  const world = await start({});
  recordFigures(await checkTrigger(guestSpec('SmartWiFi new guest (ids)', false, false), world));
}, PROPERTY_TIMEOUT_MS);

test('SmartWiFi new guest (ids left blank, known by MAC address): nothing lost or emitted twice', async () => {
  const world = await start({ smartwifiBlankGuestIds: 'omit' });
  // Half the runs of the id case: the same trigger, the same list, only the identity differs.
  recordFigures(await checkTrigger(guestSpec('SmartWiFi new guest (no ids)', true, false), world, Math.ceil(RUNS_PER_TRIGGER / 2)));
}, PROPERTY_TIMEOUT_MS);

test('SmartWiFi new guest, activated while the account has no guests yet: the first guests are not lost', async () => {
  const world = await start({});
  recordFigures(await checkTrigger(guestSpec('SmartWiFi new guest (empty account)', false, true), world, Math.ceil(RUNS_PER_TRIGGER / 4)));
}, PROPERTY_TIMEOUT_MS);
