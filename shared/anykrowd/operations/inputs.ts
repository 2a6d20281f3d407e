import * as z from '../../core/zod';
import { f } from '../../core';

// Local input helpers (shared/core is owned elsewhere). `pageNumber` is a candidate for `f.pageNumber()`.

/**
 * anykrowd documents `limit` (default 10) but no maximum. We cap it at 100: one page stays small, and
 * the 1,000 requests/hour budget still covers 100,000 items an hour. The walker follows `meta.last_page`
 * / `links.next`, so a lower server-side cap loses nothing.
 */
export const ANYKROWD_MAX_LIMIT = 100;
export const ANYKROWD_DEFAULT_LIMIT = 10;

export const anykrowdPaging = {
  style: 'page',
  pageParam: 'page',
  sizeParam: 'limit',
  defaultSize: ANYKROWD_DEFAULT_LIMIT,
  maxSize: ANYKROWD_MAX_LIMIT,
} as const;

export const pageNumber = () =>
  z
    .number({ error: 'expected a whole page number, e.g. 2' })
    .check(
      z.int('expected a whole page number, e.g. 2'),
      z.gte(1, 'expected a page number of 1 or more (the first page is 1)'),
      z.lte(1_000_000, 'expected a page number of at most 1000000'),
    );

/** `limit` + `page` query fields of a paged anykrowd list; `noun` is plural, e.g. `currencies`. */
export const pagingFields = (noun: string) => ({
  limit: {
    in: 'query' as const,
    schema: () => z.optional(f.pageSize(ANYKROWD_MAX_LIMIT)),
    label: 'Limit',
    help: `How many ${noun} to return per page, 1 to ${ANYKROWD_MAX_LIMIT} (default ${ANYKROWD_DEFAULT_LIMIT}).`,
    example: 50,
  },
  page: {
    in: 'query' as const,
    schema: () => z.optional(pageNumber()),
    label: 'Page',
    help: 'Which page of results to return, starting at 1 (default 1).',
    example: 1,
  },
});

/**
 * The partner platform's user id. The doc types it as an Integer in `users/sync` and as a String in
 * `users/topup` and `users/wallets`. Decision: accepted as text or as a whole number everywhere.
 */
export const externalId = () =>
  z.union(
    [
      z
        .string()
        .check(
          z.minLength(1, 'must not be empty'),
          z.maxLength(255, 'must be at most 255 characters'),
          z.regex(/^\S(.*\S)?$/, 'must not start or end with a space'),
        ),
      z.number().check(z.int('expected a whole number or text, e.g. 3 or 123abc'), z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)),
    ],
    { error: 'expected your own user ID as text or a whole number, e.g. 123abc or 3' },
  );

/** A transaction nanoid, e.g. `vGA-GognON0g8hU__yz17` (the doc's revoke example uses `1a2b3c-1`). */
export const nanoid = () =>
  z
    .string({ error: 'expected a transaction nanoid as text, e.g. vGA-GognON0g8hU__yz17' })
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(64, 'must be at most 64 characters'),
      z.regex(/^[A-Za-z0-9_-]+$/, 'expected a nanoid of letters, digits, "-" and "_", e.g. vGA-GognON0g8hU__yz17'),
    );

const qrCode = () =>
  z
    .string({ error: 'expected a QR code as text, e.g. STAFF-0003' })
    .check(z.minLength(1, 'must not be empty'), z.maxLength(255, 'must be at most 255 characters'));

// Nested fields cannot carry a FieldDeclaration (label/help/dropdown), so they carry the same
// information as zod metadata (in zod's global registry): `title` = label, `description` = help,
// `dropdown` = DropdownSource; shared/core/field-meta.ts reads them.

/** One role assignment of a staff member in `users/sync`. */
export const roleAssignment = () =>
  z.strictObject({
    // The doc marks `role_id` optional, but a role entry without a role means nothing: required here.
    role_id: f.positiveId().register(z.globalRegistry, {
      title: 'Role',
      description: 'The role to give. Pick one from the list, or map its ID from an earlier step.',
      dropdown: { operation: 'listRoles', value: 'id', label: 'name' },
    }),
    valid_from: z.optional(f.spacedDateTime()).register(z.globalRegistry, {
      title: 'Valid From',
      description: 'When the role starts, as yyyy-mm-dd hh:mm:ss, e.g. 2026-06-20 12:00:00. Leave empty for right away.',
    }),
    valid_until: z.optional(f.spacedDateTime()).register(z.globalRegistry, {
      title: 'Valid Until',
      description: 'When the role ends, as yyyy-mm-dd hh:mm:ss, e.g. 2026-06-22 12:00:00. Leave empty for no end.',
    }),
  });

/** One staff member in `users/sync`. */
export const staffMember = () =>
  z.strictObject({
    external_id: externalId().register(z.globalRegistry, {
      title: 'External ID',
      description: 'Your own ID for this staff member (from your staff or HR system), text or a whole number. A member already synced with this ID is updated.',
    }),
    external_qr_code: qrCode().register(z.globalRegistry, {
      title: 'QR Code',
      description: 'The QR code (its text value) the staff member scans in with.',
    }),
    external_qr_codes: z
      .optional(z.array(qrCode(), { error: 'expected a list of QR codes' }).check(z.maxLength(100, 'expected at most 100 additional QR codes')))
      .register(z.globalRegistry, { title: 'Additional QR Codes', description: 'Extra QR codes for the same staff member, up to 100.' }),
    first_name: f.text(255).register(z.globalRegistry, { title: 'First Name', description: 'The staff member\'s first name.' }),
    last_name: f.text(255).register(z.globalRegistry, { title: 'Last Name', description: 'The staff member\'s last name.' }),
    roles: z
      .optional(z.array(roleAssignment(), { error: 'expected a list of roles' }).check(z.maxLength(100, 'expected at most 100 roles')))
      .register(z.globalRegistry, { title: 'Roles', description: 'The roles to give this staff member, each optionally limited in time.' }),
    create_user_account: z
      .optional(f.booleanFlag())
      .register(z.globalRegistry, { title: 'Create User Account', description: 'Whether to also create an anykrowd user (ClientX) account.' }),
  });
