import * as z from '../../core/zod';
import { f } from '../../core';

// Local input helpers (shared/core is owned elsewhere).

const RELATIVE_UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;
const SEVEN_DAYS_MINUTES = 7 * 1440;

/** `started_since_relative`: a number and a unit (m, h, d), e.g. `10m`, `4h`, `2d`; at most 7 days. */
export const relativeSpan = () =>
  z
    .string({ error: 'expected a number and a unit, e.g. 10m, 4h or 2d' })
    .check(
      z.regex(/^[1-9]\d{0,4}[mhd]$/, 'expected a whole number followed by m (minutes), h (hours) or d (days), e.g. 10m, 4h or 2d'),
      z.refine((value: string) => {
        const unit = value.slice(-1) as keyof typeof RELATIVE_UNIT_MINUTES;
        return Number(value.slice(0, -1)) * RELATIVE_UNIT_MINUTES[unit] <= SEVEN_DAYS_MINUTES;
      }, 'expected at most 7 days (7d, 168h or 10080m)'),
    );

/**
 * `hotspotid`: the doc's URL names it `hotspot_ids` (plural) but shows a single `#####` in the table.
 * Decision: one id (a number, as the hotspot dropdown gives it) or a comma-separated list of ids.
 */
export const hotspotIds = () =>
  z.union(
    [
      f.positiveId(),
      z
        .string()
        .check(
          z.maxLength(1_000, 'must be at most 1000 characters'),
          z.regex(/^[1-9]\d*(,[1-9]\d*)*$/, 'expected a hotspot ID, e.g. 12261, or several separated by commas without spaces, e.g. 12261,12290'),
        ),
    ],
    { error: 'expected a hotspot ID, e.g. 12261, or several separated by commas, e.g. 12261,12290' },
  );

/** A guest token as in the doc's examples, e.g. `1g36ga13-b4fd-4jd3-9bdc-6eb6e7e34cad`. */
export const guestToken = () =>
  f.text(255).check(z.regex(/^[A-Za-z0-9_-]+$/, 'expected a guest token of letters, digits and "-", e.g. 1g36ga13-b4fd-4jd3-9bdc-6eb6e7e34cad'));
