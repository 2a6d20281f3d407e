import * as z from '../core/zod';
import { lazySchema } from '../core/lazy';

// Splash Air documents no response bodies at all (the doc only shows screenshots). Decision
// (docs/vendor-decisions.md): lists come in Laravel's paginator envelope `{"current_page", "data": [...],
// "per_page", "total", "last_page", ...}` (the client also accepts a bare array); these are the shapes of
// one item. They are guesses, so they are tolerant: only `id` is required (Laravel auto-increment
// integers), every other field is nullish, numbers may arrive as strings (Laravel echoes form input
// uncast), and unknown fields pass through.

const numOrStr = () => z.union([z.number(), z.string()]);

export const customer = lazySchema(() =>
  z.looseObject({
    id: z.number().check(z.int()),
    first_name: z.nullish(z.string()),
    last_name: z.nullish(z.string()),
    email: z.nullish(z.string()),
    phone: z.nullish(z.string()),
    venue_id: z.nullish(numOrStr()),
    created_at: z.nullish(z.string()),
    updated_at: z.nullish(z.string()),
  }),
);

export const customerVisit = lazySchema(() =>
  z.looseObject({
    id: z.number().check(z.int()),
    customer_id: z.nullish(numOrStr()),
    venue_id: z.nullish(numOrStr()),
    created_at: z.nullish(z.string()),
    updated_at: z.nullish(z.string()),
  }),
);

export const venue = lazySchema(() =>
  z.looseObject({
    id: z.number().check(z.int()),
    name: z.nullish(z.string()),
    address: z.nullish(z.string()),
    created_at: z.nullish(z.string()),
    updated_at: z.nullish(z.string()),
  }),
);

export const voucher = lazySchema(() =>
  z.looseObject({
    id: z.number().check(z.int()),
    code: z.nullish(z.string()),
    venue_id: z.nullish(numOrStr()),
    number_of_days: z.nullish(numOrStr()),
    upspeed: z.nullish(numOrStr()),
    downspeed: z.nullish(numOrStr()),
    volumecap: z.nullish(numOrStr()),
    max_devices: z.nullish(numOrStr()),
    created_at: z.nullish(z.string()),
    updated_at: z.nullish(z.string()),
  }),
);

// Decision: delete answers 200 `{"success": true}`; a 204 with no body is also accepted, so nothing
// is required here.
export const deleteResult = lazySchema(() =>
  z.looseObject({
    success: z.nullish(z.boolean()),
  }),
);
