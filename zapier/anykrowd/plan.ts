import { anykrowdOperations } from '../../shared/anykrowd/operations';
import type { InputField } from '../common/input-fields';
import type { AppPlan } from '../common/plan';
import { SYNC_USERS_FIELDS, staffMembersFromLines } from './sync-users';

const WALLET_HELP =
  'The wallet: enter the user\'s External ID above, then pick the wallet (one per currency). Or map a wallet ID from an earlier step, such as Find Wallet or a top-up.';

/** Zapier-only: fills the wallet dropdown with one user's wallets (anykrowd lists wallets per user). */
const WALLET_OWNER: InputField = {
  key: 'external_id',
  label: 'User External ID',
  helpText: 'Your own ID of the user whose wallets the Wallet list shows (the External ID you used in Sync Users). Only fills that list; not sent.',
  required: false,
  altersDynamicFields: true,
};
const WALLET_DROPDOWN = 'listUserWallets.id.label';

export const anykrowdPlan: AppPlan = {
  app: 'anykrowd',
  operations: anykrowdOperations,
  authTest: 'ping',
  // Docs: 1,000 requests an hour per API key.
  throttle: { window: 3600, limit: 1000, scope: ['auth'] },
  triggers: { newWalletTransaction: 'listWalletTransactions' },
  dropdowns: ['listCurrencies', 'listRoles', 'listEvents', 'listUserWallets'],
  dropdownLabels: {
    listUserWallets: (wallet) => {
      const currency = wallet.currency as { name?: string } | undefined;
      return `${currency?.name ?? 'Wallet'} wallet (${String(wallet.current_balance ?? '')}), ID ${String(wallet.id)}`;
    },
  },
  searches: {
    listUserWallets: {
      key: 'findWallet',
      label: 'Find Wallet',
      description: 'Finds the wallets of a user by your External ID, one per currency, with their current balances.',
    },
    getWallet: {
      key: 'findWalletById',
      label: 'Find Wallet by ID',
      description: 'Finds one wallet by its ID, with its currency and current balance.',
      extraFields: [WALLET_OWNER],
      overrides: { id: { label: 'Wallet', helpText: WALLET_HELP, dynamic: WALLET_DROPDOWN } },
    },
    getCurrency: { key: 'findCurrency', label: 'Find Currency', description: 'Finds one currency with its symbol and exchange rate.' },
    getEvent: { key: 'findEvent', label: 'Find Event', description: 'Finds one event with its sales period and start and end times.' },
    getRole: { key: 'findRole', label: 'Find Role', description: 'Finds one staff role with its rights.' },
  },
  // Decision (vendor-decisions, Create or Update): Sync Users is itself anykrowd's create-or-update by
  // External ID, so Find or Create pairs Find Wallet (the only lookup by External ID) with it.
  searchOrCreates: [
    {
      searchKey: 'findWallet',
      create: 'syncUsers',
      label: 'Find Wallet or Sync User',
      description: 'Finds a user\'s wallets by your External ID, or syncs the user (creating them) when anykrowd does not know that External ID yet.',
    },
  ],
  creates: {
    syncUsers: { noun: 'Staff Member', inputFields: SYNC_USERS_FIELDS, inputFrom: staffMembersFromLines },
    topUpUser: { noun: 'Top-Up' },
    topUpWallet: {
      noun: 'Top-Up',
      extraFields: [WALLET_OWNER],
      overrides: { wallet_id: { label: 'Wallet', helpText: WALLET_HELP, dynamic: WALLET_DROPDOWN } },
    },
    revokeTopUp: { noun: 'Top-Up' },
  },
};

export { WALLET_DROPDOWN, WALLET_HELP, WALLET_OWNER };
