// Samples shared by several anykrowd declarations, taken from the doc's examples.

export const eurCurrency = { id: 1, default: 1, name: 'EUR', prefix: '€', suffix: 'EUR', exchange_rate: '1.00' };

/** The doc's top-up response (users/topup and wallets/topup): note the numeric `amount`/`balance_after`. */
export const topUpTransaction = {
  id: 80,
  order_id: 92,
  user_id: 1,
  wallet_id: 1,
  rfid_tag_id: null,
  event_id: null,
  device_id: null,
  scanned_by_id: 1,
  scanned_by_type: 'App\\Models\\Tenant\\User',
  amount: 10.24,
  paid: true,
  direction: 'CREDIT',
  reference: 'Partner Top Up',
  nanoid: 'vGA-GognON0g8hU__yz17',
  type: 'top_up',
  created_at: '2025-04-03T05:08:32.000000Z',
  price_vat: '0.00',
  price_excl: '10.24',
  vat_percentage: null,
  balance_before: '24.24',
  balance_after: 34.48,
  currency: eurCurrency,
};
