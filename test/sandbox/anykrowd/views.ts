import { laravelIso, sqlDateTime } from '../lib/time';
import { money, moneyNumber } from './money';
import type { AkCurrency, AkEvent, AkTransaction, AkWallet, AnykrowdState } from './state';

export function currencyView(c: AkCurrency) {
  return { id: c.id, default: c.default, name: c.name, prefix: c.prefix, suffix: c.suffix, exchange_rate: c.exchange_rate };
}

export function eventView(e: AkEvent, now: number) {
  return {
    id: e.id,
    name: e.name,
    summary: e.summary,
    description: e.description,
    main_image: e.main_image,
    start_sales_timestamp: sqlDateTime(e.start_sales),
    end_sales_timestamp: sqlDateTime(e.end_sales),
    is_running: e.start <= now && now <= e.end,
    start_datetime: sqlDateTime(e.start),
    end_datetime: sqlDateTime(e.end),
  };
}

export function walletView(st: AnykrowdState, w: AkWallet) {
  return {
    id: w.id,
    currency: currencyView(st.currency(w.currency_id) as AkCurrency),
    current_balance: money(w.balance_cents),
    is_guest_wallet: w.is_guest_wallet,
    metadata: w.metadata,
  };
}

function vat(t: AkTransaction): { excl: number; vat: number } {
  if (!t.vat_percentage) return { excl: t.amount_cents, vat: 0 };
  const excl = Math.round((t.amount_cents * 100) / (100 + t.vat_percentage));
  return { excl, vat: t.amount_cents - excl };
}

/** A transaction as read back from the database (the wallet transactions example: strings, `paid: 1`). */
export function transactionView(st: AnykrowdState, t: AkTransaction) {
  const v = vat(t);
  return {
    id: t.id,
    order_id: t.order_id,
    user_id: t.user_id,
    wallet_id: t.wallet_id,
    rfid_tag_id: t.rfid_tag_id,
    event_id: t.event_id,
    device_id: t.device_id,
    scanned_by_id: t.scanned_by_id,
    scanned_by_type: t.scanned_by_type,
    amount: money(t.amount_cents),
    paid: 1,
    direction: t.direction,
    reference: t.reference,
    nanoid: t.nanoid,
    type: t.type,
    created_at: laravelIso(t.created_at),
    price_vat: money(v.vat),
    price_excl: money(v.excl),
    vat_percentage: t.vat_percentage === null ? null : money(t.vat_percentage * 100),
    balance_before: money(t.balance_before_cents),
    balance_after: money(t.balance_after_cents),
    currency: currencyView(st.currency(t.currency_id) as AkCurrency),
  };
}

/**
 * A freshly created top-up, as the doc's top-up examples show it: `amount` echoes the input's JSON type,
 * `paid` is a boolean, `balance_after` a number while `balance_before` is a string.
 */
export function freshTopUpView(st: AnykrowdState, t: AkTransaction, amountInput: unknown) {
  return {
    ...transactionView(st, t),
    amount: typeof amountInput === 'number' ? amountInput : String(amountInput).trim(),
    paid: true,
    balance_after: moneyNumber(t.balance_after_cents),
  };
}
