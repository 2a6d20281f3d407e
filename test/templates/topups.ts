import type { Sandbox } from '../sandbox';
import { type TemplateSpec, same } from '../../scripts/templates/spec';

interface Transaction {
  nanoid: string;
  amount: string;
  balance_after: string;
}

/** Five new transactions on the watched user's wallet: three top-ups and two bar payments. */
export const topups: TemplateSpec<{ topUps: Transaction[] }> = {
  file: '4-anykrowd-topups-to-google-sheets.json',
  prepare(sandbox: Sandbox) {
    const wallet = sandbox.keys.anykrowd.walletId;
    const add = (partial: Record<string, unknown>) => sandbox.insert.anykrowdTransaction(wallet, partial) as unknown as Transaction;
    const all = [add({ amount: '12.50' }), add({ direction: 'DEBIT', amount: '4.00' }), add({ amount: '20.00' }), add({ direction: 'DEBIT', amount: '7.50' }), add({ amount: '5.00' })];
    return { topUps: [all[0], all[2], all[4]] };
  },
  pinned: {
    'Log top-up': ({ topUps }) => topUps.map((t) => ({ Transaction: t.nanoid, Amount: t.amount, 'Balance after': t.balance_after })),
  },
  expect({ sandbox, fixture, run }) {
    const { topUps } = fixture;
    const stored = topUps.map((t) => sandbox.state.anykrowd.transactions.find((s) => s.nanoid === t.nanoid));
    const rows = run.resolved('Log top-up');
    return [
      same('sandbox: the three top-ups are booked', stored.map((s) => [s?.type, s?.amount_cents]), [['top_up', 1250], ['top_up', 2000], ['top_up', 500]]),
      same('Google Sheets received the three top-ups, no payment', run.input('Log top-up').map((t) => t.nanoid), topUps.map((t) => t.nanoid)),
      same('Google Sheets: one row per top-up with its amount and balance', rows.map((r) => [r['columns.value.Transaction'], r['columns.value.Amount'], r['columns.value.Balance after'], r['columns.value.Currency']]), topUps.map((t) => [t.nanoid, t.amount, t.balance_after, 'EUR'])),
    ];
  },
};
