import { ping } from './account';
import { getCurrency, listCurrencies } from './currencies';
import { getEvent, listEvents } from './events';
import { getRole, listRoles } from './roles';
import { listUserWallets, syncUsers, topUpUser } from './users';
import { getWallet, listWalletTransactions, revokeTopUp, topUpWallet } from './wallets';

/** anykrowd APIX v1 operations, keyed by operation key. Paths are relative to the tenant URL. */
export const anykrowdOperations = {
  ping,
  listCurrencies,
  getCurrency,
  listEvents,
  getEvent,
  listRoles,
  getRole,
  listUserWallets,
  syncUsers,
  topUpUser,
  getWallet,
  listWalletTransactions,
  topUpWallet,
  revokeTopUp,
} as const;
