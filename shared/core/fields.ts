import * as z from './zod';

/** Reusable input schemas whose error messages say what to send instead. */

export const MAX_TEXT = 10_000;

export const text = (max = 1_000) =>
  z.string({ error: 'expected text' }).check(z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));

export const positiveId = () =>
  z
    .number({ error: 'expected a whole number ID, e.g. 42' })
    .check(z.int('expected a whole number ID, e.g. 42'), z.positive('expected an ID greater than 0'), z.lte(Number.MAX_SAFE_INTEGER));

export const pageSize = (max: number) =>
  z
    .number({ error: `expected a whole number from 1 to ${max}` })
    .check(
      z.int(`expected a whole number from 1 to ${max}`),
      z.gte(1, `expected a whole number from 1 to ${max}`),
      z.lte(max, `expected a whole number from 1 to ${max}`),
    );

export const nonNegativeInt = (what: string) =>
  z
    .number({ error: `expected a whole number of ${what}, e.g. 50` })
    .check(z.int(`expected a whole number of ${what}, e.g. 50`), z.gte(0, `expected 0 or more ${what}`), z.lte(Number.MAX_SAFE_INTEGER));

/**
 * Money travels as a decimal string with at most two places, never a float, so that
 * 0.1 + 0.2 can never become 0.30000000000000004 on its way to a wallet.
 */
export const decimalAmount = () =>
  z
    .string({ error: 'expected the amount as a decimal string such as "10.50" (text, not a number)' })
    .check(
      z.regex(/^\d{1,9}(\.\d{1,2})?$/, 'expected a decimal string with at most two decimal places, e.g. "10.50"'),
      z.refine((value) => Number(value) > 0, 'expected an amount greater than 0'),
    );

export const email = () => z.email({ error: 'expected an email address, e.g. alex@example.com' }).check(z.maxLength(320));

/** `yyyy-mm-dd` */
export const isoDate = () =>
  z.iso.date({ error: 'expected a date as yyyy-mm-dd, e.g. 2026-06-20' });

/** `yyyy-mm-dd` or `yyyy-mm-ddThh:mm:ss` (SmartWiFi connections). */
export const dateOrDateTime = () =>
  z
    .string({ error: 'expected a date as yyyy-mm-dd or yyyy-mm-ddThh:mm:ss' })
    .check(
      z.regex(
        /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:[0-5]\d)?$/,
        'expected a date as yyyy-mm-dd or yyyy-mm-ddThh:mm:ss (note the T), e.g. 2026-06-20T08:00:00',
      ),
    );

/** `yyyy-mm-dd hh:mm:ss` (SmartWiFi guest plans, anykrowd roles). */
export const spacedDateTime = () =>
  z
    .string({ error: 'expected a date and time as yyyy-mm-dd hh:mm:ss' })
    .check(
      z.regex(
        /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/,
        'expected a date and time as yyyy-mm-dd hh:mm:ss, e.g. 2026-06-20 08:00:00',
      ),
    );

export const idempotencyKey = () =>
  z
    .string({ error: 'expected a text key, e.g. pos-001' })
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(255, 'must be at most 255 characters'),
      z.regex(/^[\w.:-]+$/, 'may use only letters, digits, "_", "-", "." and ":"'),
    );

export const booleanFlag = () => z.boolean({ error: 'expected true or false' });

/** Tolerant money in responses: anykrowd sends `10.24` or `"10.24"`; both become `"10.24"`. */
export const moneyOut = () =>
  z.pipe(
    z.union([z.number(), z.string()]),
    z.transform((value: number | string) => (typeof value === 'number' ? value.toFixed(2) : twoPlaces(value))),
  );

/** `"10.5"` → `"10.50"` without going through a float; anything else is kept as sent. */
function twoPlaces(value: string): string {
  const match = /^(-?\d+)(?:\.(\d{0,2}))?$/.exec(value.trim());
  return match ? `${match[1]}.${(match[2] ?? '').padEnd(2, '0')}` : value;
}
