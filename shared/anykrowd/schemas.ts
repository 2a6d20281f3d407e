import { z } from 'zod/v4';
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
    id: z.number().int(),
    default: flag().nullish(),
    name: z.string().nullish(),
    prefix: z.string().nullish(),
    suffix: z.string().nullish(),
    // A rate, not money: kept as sent ("1.20").
    exchange_rate: numOrStr().nullish(),
  }),
);

export const event = lazySchema(() =>
  z.looseObject({
    id: z.number().int(),
    name: z.string().nullish(),
    summary: z.string().nullish(),
    description: z.string().nullish(),
    main_image: z.string().nullish(),
    start_sales_timestamp: z.string().nullish(),
    end_sales_timestamp: z.string().nullish(),
    is_running: flag().nullish(),
    start_datetime: z.string().nullish(),
    end_datetime: z.string().nullish(),
  }),
);

export const role = lazySchema(() =>
  z.looseObject({
    id: z.number().int(),
    name: z.string().nullish(),
    full_rights: flag().nullish(),
    // PHP serialises an empty map as `[]`: the doc shows both `{"check_in": true}` and `[]`.
    rights: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish(),
  }),
);

export const wallet = lazySchema(() =>
  z.looseObject({
    id: z.number().int(),
    currency: currency().nullish(),
    current_balance: f.moneyOut().nullish(),
    is_guest_wallet: flag().nullish(),
    metadata: z.unknown().optional(),
  }),
);

// A transaction is identified by `id`; `nanoid` is what topup-revoke takes.
export const walletTransaction = lazySchema(() =>
  withSummary(
    z.looseObject({
      id: z.number().int(),
      order_id: z.number().int().nullish(),
      user_id: z.number().int().nullish(),
      wallet_id: z.number().int().nullish(),
      rfid_tag_id: z.number().int().nullish(),
      event_id: z.number().int().nullish(),
      device_id: z.number().int().nullish(),
      scanned_by_id: z.number().int().nullish(),
      scanned_by_type: z.string().nullish(),
      amount: f.moneyOut().nullish(),
      paid: flag().nullish(),
      direction: z.string().nullish(),
      reference: z.string().nullish(),
      nanoid: z.string().nullish(),
      type: z.string().nullish(),
      created_at: z.string().nullish(),
      price_vat: f.moneyOut().nullish(),
      price_excl: f.moneyOut().nullish(),
      // A percentage, not money: kept as sent.
      vat_percentage: numOrStr().nullish(),
      balance_before: f.moneyOut().nullish(),
      balance_after: f.moneyOut().nullish(),
      currency: currency().nullish(),
    }),
    ['id', 'nanoid', 'type', 'direction', 'amount', 'currency', 'wallet_id', 'user_id', 'balance_after', 'created_at'],
  ),
);
