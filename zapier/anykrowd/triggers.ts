import { inputFieldsFor } from '../common/input-fields';
import { newestPageItems } from '../common/newest-pages';
import { byNumericId } from '../common/polling';
import { pollingTrigger } from '../common/polling-trigger';
import { anykrowdBinding } from './connection';
import { WALLET_HELP, anykrowdPlan } from './plan';

const { listWalletTransactions } = anykrowdPlan.operations;

export const newWalletTransaction = pollingTrigger({
  binding: anykrowdBinding,
  op: listWalletTransactions,
  key: 'newWalletTransaction',
  noun: 'Transaction',
  label: 'New Wallet Transaction',
  description: 'Triggers when a wallet gets a new transaction, such as a top-up, a payment or a revoke.',
  inputFields: inputFieldsFor(listWalletTransactions, { only: ['id'], overrides: { id: { label: 'Wallet ID', helpText: WALLET_HELP } } }),
  fetch: (runner, input, limit) => newestPageItems(runner, listWalletTransactions, input, limit),
  ordering: byNumericId,
});
