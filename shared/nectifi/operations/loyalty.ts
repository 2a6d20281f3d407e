import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { loyaltyTier, pointsAdjustment, pointsBalance } from '../schemas';
import { guestIdPath, noPaging, points } from './local-fields';

/*
 * Loyalty API. Doc: "Required scopes: loyalty:read (read) · loyalty:write (write)"; `loyalty.adjust`
 * is listed in the scope table for adjusting points. Dotted spellings are equivalent (vendor-decisions).
 */

export const getPoints = defineOperation({
  vendor: 'nectifi',
  key: 'getPoints',
  resource: 'loyalty',
  label: 'Get Points Balance',
  description: 'Gets a guest\'s current loyalty points balance.',
  method: 'GET',
  path: '/loyalty/guests/{guest_id}/points',
  fields: {
    guest_id: guestIdPath('whose points to get'),
  },
  returns: 'object',
  output: pointsBalance,
  sample: { guest_id: 42, points: 250, lifetime_points: 1200, updated_at: '2026-06-20T12:00:00+00:00' },
  paging: noPaging,
  safety: 'read',
  scopes: ['loyalty:read', 'loyalty.read'],
});

export const getTier = defineOperation({
  vendor: 'nectifi',
  key: 'getTier',
  resource: 'loyalty',
  label: 'Get Tier',
  description: 'Gets a guest\'s current loyalty tier.',
  method: 'GET',
  path: '/loyalty/guests/{guest_id}/tier',
  fields: {
    guest_id: guestIdPath('whose tier to get'),
  },
  returns: 'object',
  output: loyaltyTier,
  sample: { guest_id: 42, tier: 'Gold', points: 1200, next_tier: 'Platinum', points_to_next_tier: 300 },
  paging: noPaging,
  safety: 'read',
  scopes: ['loyalty:read', 'loyalty.read'],
});

const idempotencyKeyField = (example: string) => ({
  in: 'json' as const,
  schema: () => z.optional(f.idempotencyKey()),
  label: 'Idempotency Key',
  help: `A unique text for this change, e.g. ${example}. Sending the same key again returns the first result and changes nothing twice. Leave empty and one is generated for you.`,
  example,
});

export const addPoints = defineOperation({
  vendor: 'nectifi',
  key: 'addPoints',
  resource: 'loyalty',
  label: 'Add Points',
  description: 'Adds loyalty points to a guest\'s balance, for example a birthday bonus.',
  method: 'POST',
  path: '/loyalty/guests/{guest_id}/points',
  // Decision (vendor-decisions, "guest_id both in the path and the body"): one input, `guest_id`,
  // declared as a path field; the client also copies it into the JSON body (the sandbox rejects a
  // body guest_id that differs from the path's with 422).
  fields: {
    guest_id: { ...guestIdPath('who receives the points'), alsoInBody: true },
    points: {
      in: 'json',
      // Decision (doc gap: sign unstated): a whole number greater than 0; use Redeem Points to take points away.
      schema: () => points(),
      label: 'Points',
      help: 'How many points to add, a whole number greater than 0, e.g. 50.',
      example: 50,
    },
    note: {
      in: 'json',
      // The docs state no length limit: only the generic bound on any text we send.
      schema: () => z.optional(f.text()),
      label: 'Note',
      help: 'Why the points were added, e.g. Birthday bonus.',
      example: 'Birthday bonus',
    },
    idempotency_key: idempotencyKeyField('adj-001'),
  },
  returns: 'object',
  output: pointsAdjustment,
  sample: {
    id: 9001,
    guest_id: 42,
    points: 50,
    balance: 300,
    note: 'Birthday bonus',
    idempotency_key: 'adj-001',
    created_at: '2026-06-20T12:00:00+00:00',
  },
  paging: noPaging,
  // Documented idempotency key: a repeat with the same key applies nothing (vendor-decisions).
  safety: 'idempotent',
  idempotencyKeyField: 'idempotency_key',
  scopes: ['loyalty:write', 'loyalty.write', 'loyalty.adjust'],
});

export const redeemPoints = defineOperation({
  vendor: 'nectifi',
  key: 'redeemPoints',
  resource: 'loyalty',
  label: 'Redeem Points',
  description: 'Takes loyalty points from a guest\'s balance when they redeem them.',
  method: 'POST',
  path: '/loyalty/guests/{guest_id}/redeem',
  // Decision (vendor-decisions, "guest_id both in the path and the body"): one input, `guest_id`,
  // declared as a path field; the client also copies it into the JSON body.
  fields: {
    guest_id: { ...guestIdPath('whose points to redeem'), alsoInBody: true },
    points: {
      in: 'json',
      schema: () => points(),
      label: 'Points',
      help: 'How many points to redeem, a whole number greater than 0, e.g. 100. The guest must have at least this many.',
      example: 100,
    },
    idempotency_key: idempotencyKeyField('rdm-001'),
  },
  returns: 'object',
  output: pointsAdjustment,
  sample: {
    id: 9002,
    guest_id: 42,
    points: 100,
    balance: 200,
    idempotency_key: 'rdm-001',
    created_at: '2026-06-20T12:10:00+00:00',
  },
  paging: noPaging,
  // Documented idempotency key: a repeat with the same key applies nothing (vendor-decisions).
  safety: 'idempotent',
  idempotencyKeyField: 'idempotency_key',
  scopes: ['loyalty:write', 'loyalty.write'],
});
