import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { promotion, promotionGrant, promotionRedemption } from '../schemas';
import { guestIdBody, limitField, locationDropdown, noPaging, offsetField, offsetPaging, promotionDropdown } from './local-fields';

/*
 * Promotion API. Doc: "Required scopes: promotions:read (read) · promotions:write (write)";
 * `promotions.grant` is listed in the scope table for granting. Dotted spellings are equivalent
 * (vendor-decisions, scopes).
 */

export const listPromotions = defineOperation({
  vendor: 'nectifi',
  key: 'listPromotions',
  resource: 'promotion',
  label: 'List Promotions',
  description: 'Lists your active promotions, newest first.',
  method: 'GET',
  path: '/promotions',
  fields: {
    limit: limitField('promotions'),
    offset: offsetField('promotions'),
  },
  returns: 'list',
  output: promotion,
  sample: {
    id: 7,
    name: 'Free Coffee',
    description: 'One free coffee on your next visit.',
    status: 'active',
    is_active: true,
    location_id: 1,
    starts_at: '2026-06-01T00:00:00+00:00',
    ends_at: '2026-08-31T23:59:59+00:00',
  },
  paging: offsetPaging,
  safety: 'read',
  scopes: ['promotions:read', 'promotions.read'],
});

export const grantPromotion = defineOperation({
  vendor: 'nectifi',
  key: 'grantPromotion',
  resource: 'promotion',
  label: 'Grant Promotion',
  description: 'Gives a promotion to a guest, creating a grant they can redeem later.',
  method: 'POST',
  path: '/promotions/{promotion_id}/grant',
  // Decision (vendor-decisions, idempotency keys): the doc shows no idempotency key for grant, so none
  // is sent and the call is never retried automatically once it may have reached Nectifi.
  safety: 'unsafe',
  unknownOutcomeHint:
    "Look up the guest's timeline in Nectifi for the grant before granting again.",
  fields: {
    promotion_id: {
      in: 'path',
      schema: () => f.positiveId(),
      label: 'Promotion',
      help: 'The promotion to give. Pick one from the list, or map its numeric ID from an earlier step, e.g. 7.',
      example: 7,
      dropdown: promotionDropdown,
    },
    guest_id: guestIdBody('who receives the promotion'),
    location_id: {
      in: 'json',
      // Decision (doc gap: required fields unstated): required, as in the doc's example.
      schema: () => f.positiveId(),
      label: 'Location',
      help: 'The WiFi location (venue) granting the promotion. Pick one from the list, or map its numeric ID from an earlier step, e.g. 1.',
      example: 1,
      dropdown: locationDropdown,
    },
  },
  returns: 'object',
  output: promotionGrant,
  sample: {
    grant_id: 100,
    promotion_id: 7,
    guest_id: 42,
    location_id: 1,
    status: 'granted',
    created_at: '2026-06-20T12:00:00+00:00',
  },
  paging: noPaging,
  scopes: ['promotions:write', 'promotions.write', 'promotions.grant'],
});

export const redeemPromotion = defineOperation({
  vendor: 'nectifi',
  key: 'redeemPromotion',
  resource: 'promotion',
  label: 'Redeem Promotion',
  description: 'Redeems a guest\'s promotion grant at a location, for example at the point of sale.',
  method: 'POST',
  path: '/promotions/redeem',
  fields: {
    grant_id: {
      in: 'json',
      schema: () => f.positiveId(),
      label: 'Grant ID',
      help: 'The numeric ID of the grant to redeem, e.g. 100. It is returned by Grant Promotion (grant_id).',
      example: 100,
    },
    location_id: {
      in: 'json',
      // Decision (doc gap: required fields unstated): required, a grant is redeemed "at a location".
      schema: () => f.positiveId(),
      label: 'Location',
      help: 'The WiFi location (venue) where the grant is redeemed. Pick one from the list, or map its numeric ID from an earlier step, e.g. 1.',
      example: 1,
      dropdown: locationDropdown,
    },
    idempotency_key: {
      in: 'json',
      schema: () => z.optional(f.idempotencyKey()),
      label: 'Idempotency Key',
      help: 'A unique text for this redemption, e.g. your POS receipt number pos-001. Sending the same key again returns the first result and redeems nothing twice. Leave empty and one is generated for you.',
      example: 'pos-001',
    },
  },
  returns: 'object',
  output: promotionRedemption,
  sample: {
    grant_id: 100,
    promotion_id: 7,
    guest_id: 42,
    location_id: 1,
    status: 'redeemed',
    redeemed_at: '2026-06-20T12:30:00+00:00',
  },
  paging: noPaging,
  // Documented idempotency key: a repeat with the same key applies nothing (vendor-decisions).
  safety: 'idempotent',
  idempotencyKeyField: 'idempotency_key',
  scopes: ['promotions:write', 'promotions.write'],
});
