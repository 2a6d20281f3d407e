import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { deleteResult, voucher } from '../schemas';
import { pagingFields, splashPaging } from './inputs';

// The team `slug` is not a field: the client adds it from the credential (as a form field on create).

// The docs say only "Voucher code": any non-empty text (Splash Air answers 422 for one it refuses).
const voucherCode = () =>
  z
    .string({ error: 'expected a voucher code as text, e.g. SUMMER-2026' })
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(f.MAX_TEXT, `must be at most ${f.MAX_TEXT} characters`));

// Validity in days: the doc gives no range and, unlike the limits below, no "0 = unlimited".
// Decision: 1 to 3650 (ten years), which also catches a date typed by mistake (20260620).
const numberOfDays = () =>
  z
    .number({ error: 'expected a whole number of days, e.g. 7' })
    .check(z.int('expected a whole number of days, e.g. 7'), z.gte(1, 'expected at least 1 day'), z.lte(3650, 'expected at most 3650 days (ten years)'));

const sample = {
  id: 501,
  code: 'SUMMER-2026',
  venue_id: 3,
  number_of_days: 7,
  upspeed: 10,
  downspeed: 50,
  volumecap: 0,
  max_devices: 2,
  created_at: '2026-06-20 08:00:00',
  updated_at: '2026-06-20 08:00:00',
};

export const listVouchers = defineOperation({
  vendor: 'splash',
  key: 'listVouchers',
  resource: 'voucher',
  label: 'List Vouchers',
  description: 'Lists the WiFi access vouchers of your Splash Air team.',
  method: 'GET',
  path: '/vouchers',
  fields: {
    ...pagingFields('vouchers'),
  },
  returns: 'list',
  output: voucher,
  // The doc shows no response body: a realistic guess at one item.
  sample,
  paging: splashPaging,
  safety: 'read',
});

export const createVoucher = defineOperation({
  vendor: 'splash',
  key: 'createVoucher',
  resource: 'voucher',
  label: 'Create Voucher',
  description: 'Creates a WiFi access voucher code that guests can use at one venue.',
  method: 'POST',
  path: '/vouchers',
  // The doc sends this form-urlencoded (`Content-Type: application/x-www-form-urlencoded`).
  fields: {
    code: {
      in: 'form',
      schema: () => voucherCode(),
      label: 'Voucher Code',
      help: 'The code guests type on the WiFi login page, e.g. SUMMER-2026.',
      example: 'SUMMER-2026',
    },
    venue_id: {
      in: 'form',
      schema: () => f.positiveId(),
      label: 'Venue',
      help: 'The venue where the voucher works. Pick one from the list, or map its ID from an earlier step.',
      example: 3,
      dropdown: { operation: 'listVenues', value: 'id', label: 'name' },
    },
    number_of_days: {
      in: 'form',
      schema: () => numberOfDays(),
      label: 'Number of Days',
      help: 'How many days the voucher stays valid, e.g. 7. At most 3650 (ten years): a larger number is almost always a date typed by mistake.',
      example: 7,
    },
    upspeed: {
      in: 'form',
      schema: () => z.optional(f.nonNegativeInt('Mbps')),
      label: 'Upload Speed (Mbps)',
      help: 'Maximum upload speed in Mbps. 0 = unlimited. Optional.',
      example: 10,
    },
    downspeed: {
      in: 'form',
      schema: () => z.optional(f.nonNegativeInt('Mbps')),
      label: 'Download Speed (Mbps)',
      help: 'Maximum download speed in Mbps. 0 = unlimited. Optional.',
      example: 50,
    },
    volumecap: {
      in: 'form',
      // The docs say "Volume limit in GBs": not that it is whole, so 0.5 GB is sent as it is.
      schema: () => z.optional(z.number({ error: 'expected a number of GB, e.g. 5 or 0.5' }).check(z.gte(0, 'expected 0 (unlimited) or more GB'))),
      label: 'Data Limit (GB)',
      help: 'Maximum data volume in GB, e.g. 5 or 0.5. 0 = unlimited. Optional.',
      example: 0,
    },
    max_devices: {
      in: 'form',
      schema: () => z.optional(f.nonNegativeInt('devices')),
      label: 'Max Devices',
      help: 'How many devices may use the voucher at once. 0 = unlimited. Optional.',
      example: 2,
    },
  },
  returns: 'object',
  output: voucher,
  // Decision: 201 with the created voucher object (the doc shows no body).
  sample,
  paging: { style: 'none' },
  // Creating twice makes a second voucher or fails on the duplicate code: never retried blindly.
  safety: 'unsafe',
  unknownOutcomeHint:
    'Look for the code among your Splash Air vouchers: if it is there, the voucher was created.',
});

export const deleteVoucher = defineOperation({
  vendor: 'splash',
  key: 'deleteVoucher',
  resource: 'voucher',
  label: 'Delete Voucher',
  description: 'Deletes a WiFi access voucher so its code no longer works.',
  method: 'DELETE',
  path: '/vouchers/{voucher_id}',
  // The doc lists `per_page`/`page` for this call too: meaningless for a delete, not sent (decision).
  fields: {
    voucher_id: {
      in: 'path',
      schema: () => f.positiveId(),
      label: 'Voucher',
      help: 'The voucher to delete. Pick one from the list (shown by code), or map its ID (not its code) from an earlier step such as Create Voucher.',
      example: 501,
      dropdown: { operation: 'listVouchers', value: 'id', label: 'code' },
    },
  },
  returns: 'object',
  output: deleteResult,
  // Decision: 200 `{"success": true}`; 204 with no body is accepted too.
  sample: { success: true },
  paging: { style: 'none' },
  // A repeated delete would answer 404 after a delete that worked: keyless, so never repeated blindly.
  safety: 'unsafe',
  unknownOutcomeHint: 'Look for the voucher in Splash Air: if it is gone, the delete took effect.',
});
