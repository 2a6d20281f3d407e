import { defineOperation } from '../../core';
import { analyticsOverview, guestAnalytics, promotionAnalytics } from '../schemas';
import { locationFilter, noPaging } from './local-fields';

/* Analytics API. Doc: "Required scopes: analytics:read"; `analytics.read` is the equivalent spelling. */

const ANALYTICS_SCOPES = ['analytics:read', 'analytics.read'];

export const getAnalyticsOverview = defineOperation({
  vendor: 'nectifi',
  key: 'getAnalyticsOverview',
  resource: 'analytics',
  label: 'Get Analytics Overview',
  description: 'Gets your headline numbers, such as guests, visits and redemptions, for all locations or one.',
  method: 'GET',
  path: '/analytics/overview',
  fields: {
    location_id: locationFilter('Only count guests, visits and promotions at this WiFi location.'),
  },
  returns: 'object',
  output: analyticsOverview,
  sample: {
    location_id: 1,
    total_guests: 5230,
    new_guests: 312,
    returning_guests: 1840,
    visits: 9120,
    active_sessions: 37,
    promotions_granted: 640,
    promotions_redeemed: 215,
  },
  paging: noPaging,
  safety: 'read',
  scopes: ANALYTICS_SCOPES,
});

export const getGuestAnalytics = defineOperation({
  vendor: 'nectifi',
  key: 'getGuestAnalytics',
  resource: 'analytics',
  label: 'Get Guest Analytics',
  description: 'Gets guest numbers and a day-by-day series for the last 30 days.',
  method: 'GET',
  path: '/analytics/guests',
  // The doc documents no parameters for this endpoint.
  fields: {},
  returns: 'object',
  output: guestAnalytics,
  sample: {
    total_guests: 5230,
    new_guests: 312,
    returning_guests: 1840,
    series: [
      { date: '2026-06-19', new_guests: 11, returning_guests: 58, visits: 301 },
      { date: '2026-06-20', new_guests: 14, returning_guests: 63, visits: 322 },
    ],
  },
  paging: noPaging,
  safety: 'read',
  scopes: ANALYTICS_SCOPES,
});

export const getPromotionAnalytics = defineOperation({
  vendor: 'nectifi',
  key: 'getPromotionAnalytics',
  resource: 'analytics',
  label: 'Get Promotion Analytics',
  description: 'Gets how many promotions were granted and redeemed, overall and per promotion.',
  method: 'GET',
  path: '/analytics/promotions',
  // The doc documents no parameters for this endpoint.
  fields: {},
  returns: 'object',
  output: promotionAnalytics,
  sample: {
    grants: 640,
    redemptions: 215,
    redemption_rate: 0.336,
    promotions: [{ promotion_id: 7, name: 'Free Coffee', grants: 410, redemptions: 162 }],
  },
  paging: noPaging,
  safety: 'read',
  scopes: ANALYTICS_SCOPES,
});
