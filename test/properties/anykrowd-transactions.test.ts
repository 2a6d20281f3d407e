import fc from 'fast-check';
import { ANYKROWD_POLL_EVENTS } from '../../nodes/common';
import type { AkUser, AkWallet } from '../sandbox/anykrowd/state';
import { cursorStateEntries } from './support/bounds';
import { PROPERTY_TIMEOUT_MS, checkTrigger, recordFigures } from './support/check';
import { capPageSize } from './support/interleaving-transport';
import type { TriggerSpec } from './support/scenario';
import { World } from './support/world';

const MINUTE = 60_000;
const event = ANYKROWD_POLL_EVENTS.find((e) => e.value === 'newWalletTransaction')!;
const idKey = (item: Record<string, unknown>) => String(item.id);

interface Options {
  watch: 'wallet' | 'user';
  lookBackMinutes: number;
}

/** Each run watches a user of its own, made with one or two wallets. */
const run = { user: undefined as AkUser | undefined, watchedWallet: 0, users: 0 };

function walletsOf(world: World, user: AkUser): AkWallet[] {
  return world.sandbox.state.anykrowd.walletsOf(user.id);
}

/**
 * Rows: a transaction on a watched wallet (in "user" mode sometimes on a wallet the user gets only
 * now, which the trigger must pick up), on the user's other wallet, or on someone else's wallet.
 */
function targetWallet(world: World, { watch }: Options, variant: number): { walletId: number; watched: boolean } {
  const user = run.user as AkUser;
  const own = walletsOf(world, user);
  const kind = variant % 10;
  if (kind === 9) return { walletId: 1, watched: false };
  if (watch === 'wallet') {
    const other = own.find((w) => w.id !== run.watchedWallet);
    if (kind >= 7 && other) return { walletId: other.id, watched: false };
    return { walletId: run.watchedWallet, watched: true };
  }
  if (kind === 8 && own.length < 3) return { walletId: world.sandbox.state.anykrowd.addWallet(user.id, 3).id, watched: true };
  return { walletId: own[variant % own.length].id, watched: true };
}

/**
 * `byTime`: anykrowd lists the transactions newest first by `created_at`, not by id (the docs do
 * not say): a transaction synced late from an offline terminal sits below those already seen; it
 * must come once when it is late by no more than the look-back.
 */
const walletTransactionSpec = (byTime: boolean): TriggerSpec<Options> => ({
  title: `anykrowd new wallet transaction${byTime ? ' (list by time, late rows)' : ''}`,
  vendor: 'anykrowd',
  event,
  config: fc.record({ watch: fc.constantFrom('wallet' as const, 'user' as const), lookBackMinutes: fc.constantFrom(5, 30, 120) }),
  parameters: ({ watch, lookBackMinutes }) =>
    watch === 'wallet'
      ? { event: 'newWalletTransaction', watch, walletId: run.watchedWallet, options: { lookBackMinutes } }
      : { event: 'newWalletTransaction', watch, externalId: (run.user as AkUser).external_id, options: { lookBackMinutes } },
  maxSkewMs: () => 60 * MINUTE,
  maxLateMs: ({ lookBackMinutes }) => (byTime ? lookBackMinutes * MINUTE - 5_000 : 24 * 60 * MINUTE),
  gap: fc.integer({ min: 0, max: 24 * 60 * MINUTE }),
  bigBatch: [6, 20],
  prepare(world, _options) {
    const ak = world.sandbox.state.anykrowd;
    const now = Math.floor(world.clock.vendorMs() / 1000) * 1000;
    const externalId = `property-${++run.users}`;
    run.user = ak.addUser({
      external_id: externalId,
      external_qr_code: externalId,
      external_qr_codes: [],
      first_name: 'Property',
      last_name: `Run ${run.users}`,
      roles: [],
      has_account: false,
      created_at: now,
      updated_at: now,
    });
    run.watchedWallet = ak.addWallet(run.user.id, 1).id;
    if (run.users % 2 === 0) ak.addWallet(run.user.id, 3);
  },
  insert(world, options, row, at) {
    const { walletId, watched } = targetWallet(world, options, row.variant);
    const tx = world.sandbox.insert.anykrowdTransaction(walletId, { direction: 'CREDIT', amount: '5.00', created_at: at });
    return { key: idKey(tx), timeMs: at, watched };
  },
  keyOf: idKey,
  stateEntries: ({ watch, lookBackMinutes }, state) => {
    const { cursors, newest = {}, seen = {} } = state as { cursors: Record<string, number>; newest?: Record<string, number>; seen?: Record<string, Array<[number, number]>> };
    const wallets = watch === 'wallet' ? 1 : 3;
    if (Object.keys(cursors).length > wallets) throw new Error(`state keeps ${Object.keys(cursors).length} wallet cursors`);
    let entries = Object.keys(cursors).length;
    for (const wallet of Object.keys(newest)) {
      entries += cursorStateEntries({ cursor: cursors[wallet], newest: newest[wallet], seen: seen[wallet] ?? [] }, lookBackMinutes * MINUTE) - 1;
    }
    return entries;
  },
});

let world: World;
let byTimeWorld: World;
beforeAll(async () => {
  // Seven transactions a page, so that a handful of new ones already spans several pages.
  world = await World.start({}, capPageSize('limit', 7));
  byTimeWorld = await World.start({ listOrder: 'time' }, capPageSize('limit', 7));
});
afterAll(async () => {
  await world.close();
  await byTimeWorld.close();
});

test('anykrowd new wallet transaction: nothing lost or emitted twice over one wallet or all of a user’s (new ones included), paging, faults and restarts', async () => {
  recordFigures(await checkTrigger(walletTransactionSpec(false), world));
}, PROPERTY_TIMEOUT_MS);

test('anykrowd new wallet transaction, listed newest first by time: transactions synced late are not lost', async () => {
  recordFigures(await checkTrigger(walletTransactionSpec(true), byTimeWorld));
}, PROPERTY_TIMEOUT_MS);
