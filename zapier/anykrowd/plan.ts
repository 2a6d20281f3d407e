import { anykrowdOperations } from '../../shared/anykrowd/operations';
import type { AppPlan } from '../common/plan';

const WALLET_HELP = 'The wallet\'s ID, a whole number. Get it with the Find Wallet search (by your External ID), or from a top-up\'s output.';

export const anykrowdPlan: AppPlan = {
  app: 'anykrowd',
  operations: anykrowdOperations,
  authTest: 'ping',
  triggers: { newWalletTransaction: 'listWalletTransactions' },
  dropdowns: ['listCurrencies', 'listRoles', 'listEvents'],
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
      overrides: { id: { helpText: WALLET_HELP } },
    },
    getCurrency: { key: 'findCurrency', label: 'Find Currency', description: 'Finds one currency with its symbol and exchange rate.' },
    getEvent: { key: 'findEvent', label: 'Find Event', description: 'Finds one event with its sales period and start and end times.' },
    getRole: { key: 'findRole', label: 'Find Role', description: 'Finds one staff role with its rights.' },
  },
  creates: {
    syncUsers: { noun: 'Staff Member' },
    topUpUser: { noun: 'Top-Up' },
    topUpWallet: { noun: 'Top-Up', overrides: { wallet_id: { helpText: WALLET_HELP } } },
    revokeTopUp: { noun: 'Top-Up' },
  },
};

export { WALLET_HELP };
