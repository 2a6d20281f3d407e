import { z } from 'zod/v4';
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
    id: z.number().int(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    email: z.string().nullish(),
    phone: z.string().nullish(),
    venue_id: numOrStr().nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  }),
);

export const customerVisit = lazySchema(() =>
  z.looseObject({
    id: z.number().int(),
    customer_id: numOrStr().nullish(),
    venue_id: numOrStr().nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  }),
);

export const venue = lazySchema(() =>
  z.looseObject({
    id: z.number().int(),
    name: z.string().nullish(),
    address: z.string().nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  }),
);

export const voucher = lazySchema(() =>
  z.looseObject({
    id: z.number().int(),
    code: z.string().nullish(),
    venue_id: numOrStr().nullish(),
    number_of_days: numOrStr().nullish(),
    upspeed: numOrStr().nullish(),
    downspeed: numOrStr().nullish(),
    volumecap: numOrStr().nullish(),
    max_devices: numOrStr().nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  }),
);

// Decision: delete answers 200 `{"success": true}`; a 204 with no body is also accepted, so nothing
// is required here.
export const deleteResult = lazySchema(() =>
  z.looseObject({
    success: z.boolean().nullish(),
  }),
);
