import * as z from '../core/zod';
import { lazySchema } from '../core/lazy';
import { withSummary } from '../core/output-summary';

/*
 * Output schemas for the Nectifi Global API V1.
 *
 * Decision (docs/vendor-decisions.md, "Response bodies are not documented"): objects are returned
 * bare, lists as {"items": [...], "total", "limit", "offset"} — these schemas describe one object
 * (or one list item). Every schema is a loose object: unknown fields pass through. Only the field
 * that identifies the object is required; everything else is nullish (`z.nullish`) because the doc does not
 * promise it exists.
 */

const str = () => z.nullish(z.string());
const num = () => z.nullish(z.number());
const bool = () => z.nullish(z.boolean());
/** ISO 8601 timestamp, e.g. 2026-06-20T12:00:00+00:00 (the webhook example's format). */
const timestamp = () => z.nullish(z.string());
/** An id that may arrive as a number or a string. */
const looseId = () => z.union([z.number(), z.string()]);

// ---- CRM ----

export const guest = lazySchema(() =>
  withSummary(
    z.looseObject({
      id: z.number(),
      name: str(),
      email: str(),
      phone: str(),
      location_id: num(),
      portal_id: num(),
      marketing_consent: bool(),
      is_vip: bool(),
      /** Tag slugs, as sent by Update Guest (`"tags": ["vip"]`). */
      tags: z.nullish(z.array(z.string())),
      created_at: timestamp(),
      updated_at: timestamp(),
    }),
    ['id', 'name', 'email', 'phone', 'location_id', 'is_vip', 'marketing_consent', 'tags', 'created_at'],
  ),
);

/** One entry of a guest's activity timeline (visits, grants, redemptions, points, emails...). */
export const timelineEvent = lazySchema(() =>
  z.looseObject({
    id: z.nullish(looseId()),
    /** e.g. visit.started, promotion.granted (the webhook event names). */
    type: str(),
    title: str(),
    description: str(),
    guest_id: num(),
    location_id: num(),
    occurred_at: timestamp(),
    created_at: timestamp(),
    data: z.nullish(z.record(z.string(), z.unknown())),
  }),
);

export const tag = lazySchema(() =>
  z.looseObject({
    slug: z.string(),
    label: str(),
    color: str(),
    id: num(),
    created_at: timestamp(),
  }),
);

export const note = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    guest_id: num(),
    text: str(),
    author: str(),
    created_at: timestamp(),
  }),
);

// ---- Promotions ----

export const promotion = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    name: str(),
    description: str(),
    type: str(),
    status: str(),
    is_active: bool(),
    location_id: num(),
    starts_at: timestamp(),
    ends_at: timestamp(),
    created_at: timestamp(),
  }),
);

/** Result of granting a promotion: identified by `grant_id` or `id`, whichever the API sends. */
export const promotionGrant = lazySchema(() =>
  z
    .looseObject({
      grant_id: num(),
      id: num(),
      promotion_id: num(),
      guest_id: num(),
      location_id: num(),
      status: str(),
      code: str(),
      expires_at: timestamp(),
      created_at: timestamp(),
    })
    .check(
      z.refine((grant) => grant.grant_id != null || grant.id != null, {
        message: 'expected a grant_id or an id',
      }),
    ),
);

export const promotionRedemption = lazySchema(() =>
  z.looseObject({
    id: num(),
    grant_id: num(),
    promotion_id: num(),
    guest_id: num(),
    location_id: num(),
    status: str(),
    redeemed_at: timestamp(),
  }),
);

// ---- Loyalty ----

// The balance's name is undocumented: `points`, `balance` and `points_balance` are all read, and
// `points` always carries it so that a workflow can rely on one field.
export const pointsBalance = lazySchema(() =>
  z.pipe(
    z.looseObject({
      guest_id: num(),
      points: num(),
      balance: num(),
      points_balance: num(),
      lifetime_points: num(),
      updated_at: timestamp(),
    }),
    z.transform((value) => ({ ...value, points: value.points ?? value.points_balance ?? value.balance })),
  ),
);

export const loyaltyTier = lazySchema(() =>
  z.looseObject({
    guest_id: num(),
    tier: str(),
    points: num(),
    next_tier: str(),
    points_to_next_tier: num(),
  }),
);

/** Result of Add Points or Redeem Points. */
export const pointsAdjustment = lazySchema(() =>
  z.looseObject({
    id: num(),
    guest_id: num(),
    /** Points added (positive) or redeemed. */
    points: num(),
    /** Balance after the adjustment. */
    balance: num(),
    note: str(),
    idempotency_key: str(),
    created_at: timestamp(),
  }),
);

// ---- Wallet ----

export const walletReward = lazySchema(() =>
  z.looseObject({
    id: num(),
    name: str(),
    description: str(),
    points_cost: num(),
    is_redeemable: bool(),
  }),
);

export const walletPayload = lazySchema(() =>
  z.looseObject({
    guest_id: num(),
    guest: z.nullish(guest()),
    points: num(),
    tier: str(),
    rewards: z.nullish(z.array(walletReward())),
    promotions: z.nullish(z.array(z.looseObject({}))),
    wallet_url: str(),
  }),
);

export const walletLink = lazySchema(() =>
  z.looseObject({
    url: z.string(),
    expires_at: timestamp(),
    guest_id: num(),
    portal_id: num(),
  }),
);

export const walletRedemption = lazySchema(() =>
  z.looseObject({
    id: num(),
    guest_id: num(),
    reward_id: num(),
    location_id: num(),
    status: str(),
    points_balance: num(),
    redeemed_at: timestamp(),
  }),
);

// ---- Communication ----

/** Result of Send Email. `request_id` is what Get Delivery Status takes (decision: an integer, e.g. 1001). */
export const emailSendResult = lazySchema(() =>
  z.looseObject({
    request_id: looseId(),
    status: str(),
  }),
);

export const emailDelivery = lazySchema(() =>
  z.looseObject({
    request_id: z.nullish(looseId()),
    /** e.g. queued, sent, delivered, bounced, failed. */
    status: str(),
    guest_id: num(),
    email: str(),
    template_slug: str(),
    sent_at: timestamp(),
    delivered_at: timestamp(),
    error: str(),
  }),
);

// ---- WiFi ----

export const location = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    name: str(),
    address: str(),
    city: str(),
    country: str(),
    timezone: str(),
    created_at: timestamp(),
  }),
);

export const portal = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    name: str(),
    location_id: num(),
    slug: str(),
    url: str(),
    created_at: timestamp(),
  }),
);

export const wifiSession = lazySchema(() =>
  z.looseObject({
    id: z.number(),
    guest_id: num(),
    location_id: num(),
    portal_id: num(),
    mac_address: str(),
    is_active: bool(),
    started_at: timestamp(),
    ended_at: timestamp(),
    duration_seconds: num(),
  }),
);

/** A guest connected right now. Which field identifies it is undocumented, so none is required. */
export const liveGuest = lazySchema(() =>
  z.looseObject({
    id: num(),
    guest_id: num(),
    session_id: num(),
    name: str(),
    email: str(),
    location_id: num(),
    portal_id: num(),
    mac_address: str(),
    connected_at: timestamp(),
  }),
);

// ---- Analytics ----

export const analyticsOverview = lazySchema(() =>
  z.looseObject({
    location_id: num(),
    total_guests: num(),
    new_guests: num(),
    returning_guests: num(),
    visits: num(),
    active_sessions: num(),
    live_guests: num(),
    promotions_granted: num(),
    promotions_redeemed: num(),
  }),
);

const seriesPoint = lazySchema(() =>
  z.looseObject({
    date: str(),
    new_guests: num(),
    returning_guests: num(),
    visits: num(),
  }),
);

/** Guest KPIs plus a 30-day series. */
export const guestAnalytics = lazySchema(() =>
  z.looseObject({
    total_guests: num(),
    new_guests: num(),
    returning_guests: num(),
    marketing_consent_rate: num(),
    series: z.nullish(z.array(seriesPoint())),
  }),
);

export const promotionAnalytics = lazySchema(() =>
  z.looseObject({
    grants: num(),
    redemptions: num(),
    redemption_rate: num(),
    promotions: z.nullish(
      z.array(
        z.looseObject({
          promotion_id: num(),
          name: str(),
          grants: num(),
          redemptions: num(),
        }),
      ),
    ),
  }),
);
