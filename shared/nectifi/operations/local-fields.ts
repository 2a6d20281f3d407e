import * as z from '../../core/zod';
import { f } from '../../core';
import type { FieldSpec } from '../../core';

/*
 * Input helpers used only by the Nectifi declarations. Candidates for `shared/core/fields.ts`
 * (slug, hexColor, templateVariables, points, ttlDays); kept here until core takes them.
 */

/** A lower-case slug such as `vip` or `welcome_email`: letters, digits, `_` and `-`. */
// The docs give no format or length for slugs: only "no spaces" (what a slug is), and the generic
// bound on any text we send.
export const slug = (what: string, example: string) =>
  z
    .string({ error: `expected the ${what} as text, e.g. ${example}` })
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(f.MAX_TEXT, `must be at most ${f.MAX_TEXT} characters`),
      z.regex(/^\S+$/, `expected a ${what} without spaces, e.g. ${example}`),
    );

/** `#rrggbb` */
export const hexColor = () =>
  z
    .string({ error: 'expected a colour as #rrggbb, e.g. #6366f1' })
    .check(z.regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as # followed by six hex digits, e.g. #6366f1'));

/** A whole number of loyalty points greater than 0. */
export const points = () =>
  z
    .number({ error: 'expected a whole number of points, e.g. 50' })
    .check(z.int('expected a whole number of points, e.g. 50'), z.positive('expected more than 0 points'), z.lte(Number.MAX_SAFE_INTEGER));

/** Days a wallet link stays valid. */
export const ttlDays = () =>
  z
    .number({ error: 'expected a whole number of days, e.g. 14' })
    .check(z.int('expected a whole number of days, e.g. 14'), z.gte(1, 'expected at least 1 day, e.g. 14'));

/** Template placeholders: name → text, number or true/false. */
export const templateVariables = () =>
  z
    .record(
      z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, 'variable names use letters, digits and "_", e.g. guest_name')),
      z.union(
        [z.string().check(z.maxLength(f.MAX_TEXT, `must be at most ${f.MAX_TEXT} characters`)), z.number(), z.boolean()],
        { error: 'each variable must be text, a number or true/false' },
      ),
      { error: 'expected an object of variable names and values, e.g. {"guest_name": "Alex"}' },
    )
    .check(z.refine((vars) => Object.keys(vars).length <= 100, 'at most 100 variables'));

// ---- Reusable field declarations ----

/** `limit` for offset-paged lists (doc, Pagination: default 50, maximum 200). */
export const limitField = (items: string) =>
  ({
    in: 'query',
    schema: () => z.optional(f.pageSize(200)),
    label: 'Limit',
    help: `How many ${items} to return per page, 1 to 200. Leave empty for 50.`,
    example: 50,
  }) satisfies FieldSpec;

/** `offset` for offset-paged lists; lists are newest first. */
export const offsetField = (items: string) =>
  ({
    in: 'query',
    schema: () => z.optional(f.nonNegativeInt(`${items} to skip`)),
    label: 'Offset',
    help: `How many ${items} to skip, counting from the newest. Leave empty to start at the newest.`,
    example: 0,
  }) satisfies FieldSpec;

export const guestIdPath = (purpose: string) =>
  ({
    in: 'path',
    schema: () => f.positiveId(),
    label: 'Guest ID',
    help: `The guest ${purpose}. Pick one from the list, or map their numeric ID from an earlier step (a new guest, a guest search or Create Guest), e.g. 42.`,
    example: 42,
  }) satisfies FieldSpec;

export const guestIdBody = (purpose: string) =>
  ({
    in: 'json',
    schema: () => f.positiveId(),
    label: 'Guest ID',
    help: `The guest ${purpose}. Pick one from the list, or map their numeric ID from an earlier step (a new guest, a guest search or Create Guest), e.g. 42.`,
    example: 42,
  }) satisfies FieldSpec;

export const locationDropdown = { operation: 'listLocations', value: 'id', label: 'name' } as const;
export const portalDropdown = { operation: 'listPortals', value: 'id', label: 'name' } as const;
export const promotionDropdown = { operation: 'listPromotions', value: 'id', label: 'name' } as const;
export const tagDropdown = { operation: 'listTags', value: 'slug', label: 'label' } as const;

/** Optional `location_id` query filter. */
export const locationFilter = (onlyWhat: string) =>
  ({
    in: 'query',
    schema: () => z.optional(f.positiveId()),
    label: 'Location',
    help: `${onlyWhat} Pick one from the list, or map its numeric ID from an earlier step, e.g. 1. Leave empty for all locations.`,
    example: 1,
    dropdown: locationDropdown,
  }) satisfies FieldSpec;

export const offsetPaging = {
  style: 'offset',
  limitParam: 'limit',
  offsetParam: 'offset',
  defaultLimit: 50,
  maxLimit: 200,
} as const;

export const noPaging = { style: 'none' } as const;
