import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { successResult, wallet, walletTransaction } from '../schemas';
import { anykrowdPaging, nanoid, pagingFields } from './inputs';
import { eurCurrency, topUpTransaction } from './samples';

// The doc gives no maximum of nanoids per revoke. Decision: 1 to 100 per call.
const MAX_NANOIDS = 100;

const walletId = {
  schema: () => f.positiveId(),
  label: 'Wallet ID',
  help: 'The wallet\'s ID, a whole number. Map it from an earlier step: a wallet search by the user\'s External ID (take the wallet in the right currency) or a top-up\'s output.',
  example: 21,
};

export const getWallet = defineOperation({
  vendor: 'anykrowd',
  key: 'getWallet',
  resource: 'wallet',
  label: 'Get Wallet',
  description: 'Gets one wallet with its currency and current balance.',
  method: 'GET',
  path: '/apix/v1/wallets/show/{id}',
  fields: {
    id: { in: 'path', ...walletId },
  },
  returns: 'object',
  output: wallet,
  sample: { id: 1, currency: eurCurrency, current_balance: '14.00', is_guest_wallet: 0, metadata: null },
  paging: { style: 'none' },
  safety: 'read',
});

export const listWalletTransactions = defineOperation({
  vendor: 'anykrowd',
  key: 'listWalletTransactions',
  resource: 'wallet',
  label: 'List Wallet Transactions',
  description: 'Lists the transactions (top-ups, payments, revokes) of one wallet.',
  method: 'GET',
  path: '/apix/v1/wallets/transactions/{id}',
  fields: {
    id: { in: 'path', ...walletId },
    ...pagingFields('transactions'),
  },
  returns: 'list',
  output: walletTransaction,
  sample: {
    id: 78,
    order_id: 90,
    user_id: 1,
    wallet_id: 1,
    rfid_tag_id: null,
    event_id: null,
    device_id: null,
    scanned_by_id: 1,
    scanned_by_type: 'App\\Models\\Tenant\\User',
    amount: '10.00',
    paid: 1,
    direction: 'CREDIT',
    reference: 'Partner Top Up',
    nanoid: 'X6y4RxJAqwe7xO0-gvFUj',
    type: 'top_up',
    created_at: '2025-03-31T10:04:09.000000Z',
    price_vat: '0.00',
    price_excl: '10.00',
    vat_percentage: null,
    balance_before: '4.00',
    balance_after: '14.00',
    currency: eurCurrency,
  },
  paging: anykrowdPaging,
  safety: 'read',
});

export const topUpWallet = defineOperation({
  vendor: 'anykrowd',
  key: 'topUpWallet',
  resource: 'wallet',
  label: 'Top Up Wallet',
  description: 'Adds money to one wallet.',
  method: 'POST',
  // The doc's example posts to `/topup/123`, but its endpoint line and table put `wallet_id` in the
  // body. Decision: `POST /apix/v1/wallets/topup` with `wallet_id` in the JSON body.
  path: '/apix/v1/wallets/topup',
  fields: {
    wallet_id: { in: 'json', ...walletId },
    // The doc types it Decimal and posts a JSON number; decision: a decimal string, sent as a string.
    amount: {
      in: 'json',
      schema: () => f.decimalAmount(),
      label: 'Amount',
      help: 'The amount to add, with at most two decimals and a dot, e.g. 10.50.',
      example: '10.24',
    },
    currency_id: {
      in: 'json',
      schema: () => f.positiveId(),
      label: 'Currency',
      help: 'The currency of the amount, normally the wallet\'s own. Pick one from the list, or map its ID from an earlier step.',
      example: 1,
      dropdown: { operation: 'listCurrencies', value: 'id', label: 'name' },
    },
  },
  returns: 'object',
  output: walletTransaction,
  sample: topUpTransaction,
  paging: { style: 'none' },
  // No idempotency key: never retried once it may have reached anykrowd. Check List Wallet
  // Transactions; undo with Revoke Top-Ups and the transaction's nanoid.
  safety: 'unsafe',
  unknownOutcomeHint:
    "List this wallet's transactions: a 'Partner Top Up' of this amount made just now means it was applied. Undo a duplicate with Revoke Top-Up and its nanoid.",
});

export const revokeTopUp = defineOperation({
  vendor: 'anykrowd',
  key: 'revokeTopUp',
  resource: 'wallet',
  label: 'Revoke Top-Ups',
  description: 'Reverses one or more top-ups, identified by their transaction nanoids.',
  method: 'POST',
  path: '/apix/v1/wallets/topup-revoke',
  fields: {
    nanoids: {
      in: 'json',
      schema: () =>
        z
          .array(nanoid(), { error: 'expected a list of transaction nanoids' })
          .check(z.minLength(1, 'expected at least one nanoid'), z.maxLength(MAX_NANOIDS, `expected at most ${MAX_NANOIDS} nanoids per call`)),
      label: 'Transaction Nanoids',
      help: `The nanoids of the top-up transactions to revoke (1 to ${MAX_NANOIDS}), e.g. vGA-GognON0g8hU__yz17. A top-up returns its nanoid; the wallet's transactions show older ones (in Zapier, the New Wallet Transaction trigger).`,
      example: ['vGA-GognON0g8hU__yz17'],
    },
  },
  returns: 'object',
  output: successResult,
  sample: { success: true },
  paging: { style: 'none' },
  // A repeat cannot revoke twice, but it would answer with an error after a revoke that worked:
  // keyless, so sent again only when it provably never arrived.
  safety: 'unsafe',
  unknownOutcomeHint: "List the wallet's transactions: a revoke entry for the nanoid means it took effect.",
});
