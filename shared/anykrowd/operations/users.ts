import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { successResult, wallet, walletTransaction } from '../schemas';
import { externalId, staffMember } from './inputs';
import { eurCurrency, topUpTransaction } from './samples';

// The doc does not cap the number of staff members per sync. Decision: 1 to 500 per call, so that one
// request stays well inside a typical request-size limit; sync more in several calls.
const MAX_STAFF_MEMBERS = 500;

export const listUserWallets = defineOperation({
  vendor: 'anykrowd',
  key: 'listUserWallets',
  resource: 'user',
  label: 'List User Wallets',
  description: 'Lists the wallets (one per currency) of a user you synced, with their current balances.',
  method: 'GET',
  path: '/apix/v1/users/wallets',
  fields: {
    external_id: {
      in: 'query',
      schema: () => externalId(),
      label: 'External ID',
      help: 'Your own ID of the user, the External ID you used in Sync Users, e.g. 1a2b3c4d.',
      example: '1a2b3c4d',
    },
  },
  returns: 'list',
  output: wallet,
  sample: { id: 21, currency: eurCurrency, current_balance: '0.00', is_guest_wallet: 0, metadata: null },
  // Decision: not paged, a bare array.
  paging: { style: 'none' },
  safety: 'read',
});

export const syncUsers = defineOperation({
  vendor: 'anykrowd',
  key: 'syncUsers',
  resource: 'user',
  label: 'Sync Users',
  description: 'Creates or updates staff members by your own External ID, with their QR codes and roles.',
  method: 'POST',
  path: '/apix/v1/users/sync',
  fields: {
    staff_members: {
      in: 'json',
      schema: () =>
        z
          .array(staffMember(), { error: 'expected a list of staff members' })
          .check(
            z.minLength(1, 'expected at least one staff member'),
            z.maxLength(MAX_STAFF_MEMBERS, `expected at most ${MAX_STAFF_MEMBERS} staff members per call`),
          ),
      label: 'Staff Members',
      help: `The staff members to create or update (1 to ${MAX_STAFF_MEMBERS}). Each needs an External ID (your own ID), a QR code, a first and a last name; roles, extra QR codes and a user account are optional.`,
      example: [{ external_id: 3, external_qr_code: '3', first_name: 'John', last_name: 'Doe' }],
    },
  },
  returns: 'object',
  output: successResult,
  sample: { success: true },
  paging: { style: 'none' },
  // An upsert by `external_id`, but without an idempotency key a repeat is still a second write the
  // vendor applies: like every keyless write it is sent again only when it provably never arrived.
  safety: 'unsafe',
  unknownOutcomeHint: 'Look up the wallets of one of the staff members by their External ID: if anykrowd answers, the sync arrived. Syncing again is harmless.',
});

export const topUpUser = defineOperation({
  vendor: 'anykrowd',
  key: 'topUpUser',
  resource: 'user',
  label: 'Top Up User',
  description: 'Adds money to the wallet of a synced user, in the currency you choose.',
  method: 'POST',
  path: '/apix/v1/users/topup',
  fields: {
    external_id: {
      in: 'json',
      schema: () => externalId(),
      label: 'External ID',
      help: 'Your own ID of the user, the External ID you used in Sync Users, e.g. 123abc.',
      example: '123abc',
    },
    currency_id: {
      in: 'json',
      schema: () => f.positiveId(),
      label: 'Currency',
      help: 'The currency of the amount. Pick one from the list, or map its ID from an earlier step.',
      example: 1,
      dropdown: { operation: 'listCurrencies', value: 'id', label: 'name' },
    },
    // The doc types it Decimal and posts a JSON number; decision: a decimal string, sent as a string.
    amount: {
      in: 'json',
      schema: () => f.decimalAmount(),
      label: 'Amount',
      help: 'The amount to add, with at most two decimals and a dot, e.g. 10.50.',
      example: '10.24',
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
    "List the user's wallets, then that wallet's transactions: a 'Partner Top Up' of this amount made just now means it was applied. Undo a duplicate with Revoke Top-Up and its nanoid.",
});
