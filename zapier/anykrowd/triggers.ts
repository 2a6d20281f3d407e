import { inputFieldsFor } from '../common/input-fields';
import { newestPageItems } from '../common/newest-pages';
import { byNumericId } from '../common/polling';
import { pollingTrigger } from '../common/polling-trigger';
import { anykrowdBinding } from './connection';
import { WALLET_DROPDOWN, WALLET_HELP, WALLET_OWNER, anykrowdPlan } from './plan';

const { listWalletTransactions } = anykrowdPlan.operations;

export const newWalletTransaction = pollingTrigger({
  binding: anykrowdBinding,
  op: listWalletTransactions,
  key: 'newWalletTransaction',
  noun: 'Transaction',
  label: 'New Wallet Transaction',
  description: 'Triggers when a wallet gets a new transaction, such as a top-up, a payment or a revoke.',
  inputFields: [
    WALLET_OWNER,
    ...inputFieldsFor(listWalletTransactions, { only: ['id'], overrides: { id: { label: 'Wallet', helpText: WALLET_HELP, dynamic: WALLET_DROPDOWN } } }),
  ],
  fetch: (runner, input, limit) => newestPageItems(runner, listWalletTransactions, input, limit),
  ordering: byNumericId,
});
