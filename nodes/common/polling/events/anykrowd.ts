import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import type { OperationRunner } from '../../../../shared/client/runner';
import { listUserWallets } from '../../../../shared/anykrowd/operations/users';
import { listWalletTransactions } from '../../../../shared/anykrowd/operations/wallets';
import { pollNewestFirst, recentNewestFirst } from '../newest-first';
import { MANUAL_SAMPLE_SIZE, type PollEvent, lookBackMs, lookBackOption, optionsCollection } from '../poll-event';
import { parseVendorTime } from '../vendor-time';

/** Transactions synced late (an offline terminal) by up to this many minutes are still caught. */
const LOOK_BACK_MINUTES = 30;

const show = { show: { event: ['newWalletTransaction'] } };

const properties: INodeProperties[] = [
  {
    displayName: 'Watch',
    name: 'watch',
    type: 'options',
    options: [
      { name: 'One Wallet', value: 'wallet', description: 'Transactions of one wallet, by its ID' },
      { name: 'All Wallets of a User', value: 'user', description: 'Transactions of every wallet of a synced user, by External ID' },
    ],
    default: 'wallet',
    displayOptions: show,
  },
  {
    displayName: 'Wallet ID',
    name: 'walletId',
    type: 'number',
    default: 0,
    required: true,
    description: 'The wallet to watch. Find it with List User Wallets.',
    displayOptions: { show: { event: ['newWalletTransaction'], watch: ['wallet'] } },
  },
  {
    displayName: 'External ID',
    name: 'externalId',
    type: 'string',
    default: '',
    required: true,
    description: 'Your own ID of the user, as used in Sync Users. Wallets the user gets later are watched too.',
    displayOptions: { show: { event: ['newWalletTransaction'], watch: ['user'] } },
  },
  optionsCollection('newWalletTransaction', [lookBackOption(LOOK_BACK_MINUTES, 'transactions')]),
];

async function walletIds(ctx: IPollFunctions, runner: OperationRunner): Promise<number[]> {
  if (ctx.getNodeParameter('watch', 'wallet') === 'wallet') return [ctx.getNodeParameter('walletId', 0) as number];
  const wallets = (await runner.call(listUserWallets, { external_id: ctx.getNodeParameter('externalId', '') })) as IDataObject[];
  return wallets.map((w) => Number(w.id)).filter(Number.isFinite);
}

interface TransactionState {
  /** Highest transaction id seen per wallet. */
  cursors: Record<string, number>;
  /** Per wallet: time of the newest transaction seen, and the transactions within the look-back. */
  newest?: Record<string, number>;
  seen?: Record<string, Array<[number, number]>>;
}

export const ANYKROWD_POLL_EVENTS: PollEvent[] = [
  {
    value: 'newWalletTransaction',
    name: 'New Wallet Transaction',
    description: 'A top-up, payment or revoke was booked on a wallet',
    properties,
    async poll(ctx, runner, previous, nowMs = Date.now()) {
      const state = previous as TransactionState | undefined;
      const cursors: Record<string, number> = { ...state?.cursors };
      const newest: Record<string, number> = { ...state?.newest };
      const seen: Record<string, Array<[number, number]>> = { ...state?.seen };
      const lookBack = { timeOf: (item: IDataObject) => parseVendorTime(item.created_at), lookBackMs: lookBackMs(ctx, LOOK_BACK_MINUTES), nowMs };
      const items: IDataObject[] = [];
      for (const wallet of await walletIds(ctx, runner)) {
        // A wallet that appears after the first poll is new: all of its transactions are new too.
        const since = state ? { cursor: state.cursors[wallet] ?? 0, newest: state.newest?.[wallet], seen: state.seen?.[wallet] } : undefined;
        const found = await pollNewestFirst(runner, listWalletTransactions, { id: wallet }, since, lookBack);
        cursors[wallet] = found.state.cursor;
        if (found.state.newest !== undefined) newest[wallet] = found.state.newest;
        if (found.state.seen !== undefined) seen[wallet] = found.state.seen;
        items.push(...found.items);
      }
      return { items, state: { cursors, newest, seen } };
    },
    async recent(ctx, runner) {
      const items: IDataObject[] = [];
      for (const wallet of await walletIds(ctx, runner)) {
        items.push(...(await recentNewestFirst(runner, listWalletTransactions, { id: wallet }, MANUAL_SAMPLE_SIZE)));
      }
      return items.slice(-MANUAL_SAMPLE_SIZE);
    },
  },
];
