import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { walletLink, walletPayload, walletRedemption } from '../schemas';
import { guestIdBody, guestIdPath, locationDropdown, noPaging, portalDropdown, ttlDays } from './local-fields';

/* Wallet API. Doc: "Required scopes: wallet:read (read) · wallet:write (write)"; dotted spellings are equivalent. */

export const getWallet = defineOperation({
  vendor: 'nectifi',
  key: 'getWallet',
  resource: 'wallet',
  label: 'Get Wallet',
  description: 'Gets everything in a guest\'s wallet, such as points, tier and rewards.',
  method: 'GET',
  path: '/wallet/guests/{guest_id}',
  fields: {
    guest_id: guestIdPath('whose wallet to get'),
  },
  returns: 'object',
  output: walletPayload,
  sample: {
    guest_id: 42,
    points: 250,
    tier: 'Gold',
    rewards: [{ id: 3, name: 'Free Dessert', points_cost: 200, is_redeemable: true }],
  },
  paging: noPaging,
  safety: 'read',
  scopes: ['wallet:read', 'wallet.read'],
});

export const issueWalletLink = defineOperation({
  vendor: 'nectifi',
  key: 'issueWalletLink',
  resource: 'wallet',
  label: 'Issue Wallet Link',
  description: 'Creates a signed link that opens a guest\'s wallet, to send by email or text message.',
  method: 'POST',
  path: '/wallet/link',
  // Decision (doc gap: required fields unstated): guest_id and portal_id required as in the example;
  // ttl_days optional, 1 to 365 (Nectifi's default applies when left out).
  fields: {
    guest_id: guestIdBody('whose wallet the link opens'),
    portal_id: {
      in: 'json',
      schema: () => f.positiveId(),
      label: 'Portal',
      help: 'The captive portal whose wallet page the link opens. Pick one from the list, or map its numeric ID from an earlier step, e.g. 1.',
      example: 1,
      dropdown: portalDropdown,
    },
    ttl_days: {
      in: 'json',
      schema: () => z.optional(ttlDays()),
      label: 'Valid For (Days)',
      help: 'How many days the link keeps working, a whole number, e.g. 14. Leave empty for Nectifi\'s default.',
      example: 14,
    },
  },
  returns: 'object',
  output: walletLink,
  sample: {
    url: 'https://nectifi.com/wallet/42?sig=3f9a1c2b7d',
    expires_at: '2026-07-04T12:00:00+00:00',
    guest_id: 42,
    portal_id: 1,
  },
  paging: noPaging,
  safety: 'unsafe',
  unknownOutcomeHint: 'Issuing another link is harmless: an earlier one also works until it expires.',
  scopes: ['wallet:write', 'wallet.write'],
});

export const redeemWalletReward = defineOperation({
  vendor: 'nectifi',
  key: 'redeemWalletReward',
  resource: 'wallet',
  label: 'Redeem Wallet Reward',
  description: 'Redeems a reward from a guest\'s wallet at a location, for example after scanning its QR code.',
  method: 'POST',
  path: '/wallet/redeem',
  // Decision (vendor-decisions, idempotency keys): the doc shows no idempotency key for wallet redeem,
  // so none is sent and the call is never retried automatically once it may have reached Nectifi.
  safety: 'unsafe',
  unknownOutcomeHint:
    "Look up the guest's wallet or timeline in Nectifi for the redemption before redeeming again.",
  fields: {
    guest_id: guestIdBody('redeeming the reward'),
    reward_id: {
      in: 'json',
      schema: () => f.positiveId(),
      label: 'Reward ID',
      help: 'The numeric ID of the reward to redeem, e.g. 3. Map it from the rewards of an earlier wallet step (Find Wallet in Zapier).',
      example: 3,
    },
    location_id: {
      in: 'json',
      schema: () => f.positiveId(),
      label: 'Location',
      help: 'The WiFi location (venue) where the reward is redeemed. Pick one from the list, or map its numeric ID from an earlier step, e.g. 1.',
      example: 1,
      dropdown: locationDropdown,
    },
  },
  returns: 'object',
  output: walletRedemption,
  sample: {
    id: 700,
    guest_id: 42,
    reward_id: 3,
    location_id: 1,
    status: 'redeemed',
    points_balance: 50,
    redeemed_at: '2026-06-20T12:30:00+00:00',
  },
  paging: noPaging,
  scopes: ['wallet:write', 'wallet.write'],
});
