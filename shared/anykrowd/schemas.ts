import * as z from '../core/zod';
import { lazySchema } from '../core/lazy';
import { withSummary } from '../core/output-summary';
import { f } from '../core';

// Output schemas are loose objects: unknown fields pass through; only identifying fields are required.
// The doc's examples are bare (no `{status, data, message}` wrapper); the client unwraps that wrapper
// when it sees it (decision). Paged lists come in Laravel's `{data, links, meta}`: these are the shapes
// of one item. Money fields arrive as numbers or strings (`10.24` / `"10.24"`) and are normalised with
// `f.moneyOut()`; flags arrive as booleans or 0/1 (`"paid": true` / `"paid": 1`).

const numOrStr = () => z.union([z.number(), z.string()]);
const flag = () => z.union([z.boolean(), z.number()]);

export const pingResult = lazySchema(() =>
  z.looseObject({
    message: z.string(),
  }),
);

export const successResult = lazySchema(() =>
  z.looseObject({
    success: z.boolean(),
  }),
);

export const currency = lazySchema(() =>
  z.looseObject({
    id: z.number().check(z.int()),
    default: z.nullish(flag()),
    name: z.nullish(z.string()),
    prefix: z.nullish(z.string()),
    suffix: z.nullish(z.string()),
    // A rate, not money: kept as sent ("1.20").
    exchange_rate: z.nullish(numOrStr()),
  }),
);

export const event = lazySchema(() =>
  z.looseObject({
    id: z.number().check(z.int()),
    name: z.nullish(z.string()),
    summary: z.nullish(z.string()),
    description: z.nullish(z.string()),
    main_image: z.nullish(z.string()),
    start_sales_timestamp: z.nullish(z.string()),
    end_sales_timestamp: z.nullish(z.string()),
    is_running: z.nullish(flag()),
    start_datetime: z.nullish(z.string()),
    end_datetime: z.nullish(z.string()),
  }),
);

export const role = lazySchema(() =>
  z.looseObject({
    id: z.number().check(z.int()),
    name: z.nullish(z.string()),
    full_rights: z.nullish(flag()),
    // PHP serialises an empty map as `[]`: the doc shows both `{"check_in": true}` and `[]`.
    rights: z.nullish(z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())])),
  }),
);

export const wallet = lazySchema(() =>
  z.looseObject({
    id: z.number().check(z.int()),
    currency: z.nullish(currency()),
    current_balance: z.nullish(f.moneyOut()),
    is_guest_wallet: z.nullish(flag()),
    metadata: z.optional(z.unknown()),
  }),
);

// A transaction is identified by `id`; `nanoid` is what topup-revoke takes.
export const walletTransaction = lazySchema(() =>
  withSummary(
    z.looseObject({
      id: z.number().check(z.int()),
      order_id: z.nullish(z.number().check(z.int())),
      user_id: z.nullish(z.number().check(z.int())),
      wallet_id: z.nullish(z.number().check(z.int())),
      rfid_tag_id: z.nullish(z.number().check(z.int())),
      event_id: z.nullish(z.number().check(z.int())),
      device_id: z.nullish(z.number().check(z.int())),
      scanned_by_id: z.nullish(z.number().check(z.int())),
      scanned_by_type: z.nullish(z.string()),
      amount: z.nullish(f.moneyOut()),
      paid: z.nullish(flag()),
      direction: z.nullish(z.string()),
      reference: z.nullish(z.string()),
      nanoid: z.nullish(z.string()),
      type: z.nullish(z.string()),
      created_at: z.nullish(z.string()),
      price_vat: z.nullish(f.moneyOut()),
      price_excl: z.nullish(f.moneyOut()),
      // A percentage, not money: kept as sent.
      vat_percentage: z.nullish(numOrStr()),
      balance_before: z.nullish(f.moneyOut()),
      balance_after: z.nullish(f.moneyOut()),
      currency: z.nullish(currency()),
    }),
    ['id', 'nanoid', 'type', 'direction', 'amount', 'currency', 'wallet_id', 'user_id', 'balance_after', 'created_at'],
  ),
);
