import * as z from '../../core/zod';
import { f } from '../../core';

// Local input helpers (shared/core is owned elsewhere). `pageNumber` is a candidate for `f.pageNumber()`.

/** Splash Air does not document a maximum `per_page`; we cap it at 500 to keep one response small. */
export const SPLASH_MAX_PER_PAGE = 500;
export const SPLASH_DEFAULT_PER_PAGE = 100;

export const pageNumber = () =>
  z
    .number({ error: 'expected a whole page number, e.g. 2' })
    .check(
      z.int('expected a whole page number, e.g. 2'),
      z.gte(1, 'expected a page number of 1 or more (the first page is 1)'),
      z.lte(1_000_000, 'expected a page number of at most 1000000'),
    );

/**
 * `start_date`/`end_date`: the doc gives no format. Decision: `yyyy-mm-dd` or `yyyy-mm-dd hh:mm:ss`,
 * both inclusive, compared with the record's `created_at`.
 */
export const splashDate = () =>
  z
    .string({ error: 'expected a date as yyyy-mm-dd or yyyy-mm-dd hh:mm:ss' })
    .check(
      z.regex(
        /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])( ([01]\d|2[0-3]):[0-5]\d:[0-5]\d)?$/,
        'expected a date as yyyy-mm-dd or yyyy-mm-dd hh:mm:ss (with a space), e.g. 2026-06-20 or 2026-06-20 08:00:00',
      ),
    );

/** `per_page` + `page` query fields of a Splash list; `noun` is plural, e.g. `customers`. */
export const pagingFields = (noun: string) => ({
  per_page: {
    in: 'query' as const,
    schema: () => z.optional(f.pageSize(SPLASH_MAX_PER_PAGE)),
    label: 'Per Page',
    help: `How many ${noun} to return per page, 1 to ${SPLASH_MAX_PER_PAGE} (default ${SPLASH_DEFAULT_PER_PAGE}).`,
    example: SPLASH_DEFAULT_PER_PAGE,
  },
  page: {
    in: 'query' as const,
    schema: () => z.optional(pageNumber()),
    label: 'Page',
    help: 'Which page of results to return, starting at 1 (default 1).',
    example: 1,
  },
});

/** `start_date` + `end_date` query fields (customers and customer visits). */
export const dateRangeFields = (noun: string) => ({
  start_date: {
    in: 'query' as const,
    schema: () => z.optional(splashDate()),
    label: 'Start Date',
    help: `Only ${noun} created on or after this date. Format yyyy-mm-dd or yyyy-mm-dd hh:mm:ss, e.g. 2026-06-01 or 2026-06-01 08:00:00. Leave empty for no lower limit.`,
    example: '2026-06-01',
  },
  end_date: {
    in: 'query' as const,
    schema: () => z.optional(splashDate()),
    label: 'End Date',
    help: `Only ${noun} created on or before this date (inclusive). Format yyyy-mm-dd or yyyy-mm-dd hh:mm:ss, e.g. 2026-06-30 or 2026-06-30 23:59:59. Leave empty for no upper limit.`,
    example: '2026-06-30',
  },
});

// `page` style paging shared by the four Splash lists (per_page max undocumented: see above).
export const splashPaging = {
  style: 'page',
  pageParam: 'page',
  sizeParam: 'per_page',
  defaultSize: SPLASH_DEFAULT_PER_PAGE,
  maxSize: SPLASH_MAX_PER_PAGE,
} as const;
