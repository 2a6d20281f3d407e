/** Ids a valid call needs; the sandbox tests fill them with records that exist. */
export interface Ids {
  guestId: number;
  locationId: number;
  portalId: number;
  promotionId: number;
  grantId: number;
  rewardId: number;
  requestId: number;
  venueId: number;
  voucherId: number;
  voucherCode: string;
  guestToken: string;
  hotspotId: number;
  currencyId: number;
  eventId: number;
  roleId: number;
  externalId: string;
  walletId: number;
  nanoid: string;
  tagSlug: string;
}

export const PLACEHOLDER_IDS: Ids = {
  guestId: 42,
  locationId: 1,
  portalId: 1,
  promotionId: 7,
  grantId: 100,
  rewardId: 3,
  requestId: 1001,
  venueId: 1,
  voucherId: 1,
  voucherCode: 'SUMMER-2026',
  guestToken: '1g36ga13-b4fd-4jd3-9bdc-6eb6e7e34cad',
  hotspotId: 12261,
  currencyId: 1,
  eventId: 1,
  roleId: 1,
  externalId: '123abc',
  walletId: 1,
  nanoid: 'vGA-GognON0g8hU__yz17',
  tagSlug: 'vip',
};

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A valid input for every operation, with every optional field a user would commonly set. */
export function validInputs(ids: Ids): Record<string, Record<string, unknown>> {
  return {
    'nectifi.listGuests': { search: 'a', limit: 50, offset: 0 },
    'nectifi.createGuest': { location_id: ids.locationId, portal_id: ids.portalId, name: 'Alex', email: 'alex@example.com', marketing_consent: true },
    'nectifi.getGuest': { guest_id: ids.guestId },
    'nectifi.updateGuest': { guest_id: ids.guestId, name: 'Alex M.', is_vip: true, tags: [ids.tagSlug] },
    'nectifi.getGuestTimeline': { guest_id: ids.guestId },
    'nectifi.listTags': {},
    'nectifi.createTag': { slug: ids.tagSlug, label: 'VIP', color: '#6366f1' },
    'nectifi.listNotes': { guest_id: ids.guestId },
    'nectifi.addNote': { guest_id: ids.guestId, text: 'Prefers window seat.' },
    'nectifi.listPromotions': { limit: 50 },
    'nectifi.grantPromotion': { promotion_id: ids.promotionId, guest_id: ids.guestId, location_id: ids.locationId },
    'nectifi.redeemPromotion': { grant_id: ids.grantId, location_id: ids.locationId },
    'nectifi.getPoints': { guest_id: ids.guestId },
    'nectifi.getTier': { guest_id: ids.guestId },
    'nectifi.addPoints': { guest_id: ids.guestId, points: 50, note: 'Birthday bonus' },
    'nectifi.redeemPoints': { guest_id: ids.guestId, points: 10 },
    'nectifi.getWallet': { guest_id: ids.guestId },
    'nectifi.issueWalletLink': { guest_id: ids.guestId, portal_id: ids.portalId, ttl_days: 14 },
    'nectifi.redeemWalletReward': { guest_id: ids.guestId, reward_id: ids.rewardId, location_id: ids.locationId },
    'nectifi.sendEmail': { guest_id: ids.guestId, template_slug: 'welcome_email', variables: { guest_name: 'Alex' } },
    'nectifi.getDeliveryStatus': { request_id: ids.requestId },
    'nectifi.listLocations': {},
    'nectifi.listPortals': { location_id: ids.locationId },
    'nectifi.listSessions': { location_id: ids.locationId, active_only: false, limit: 50 },
    'nectifi.listLiveGuests': { location_id: ids.locationId },
    'nectifi.getAnalyticsOverview': { location_id: ids.locationId },
    'nectifi.getGuestAnalytics': {},
    'nectifi.getPromotionAnalytics': {},
    'splash.listCustomers': { start_date: daysAgo(30), end_date: daysAgo(0), per_page: 50, page: 1 },
    'splash.listCustomerVisits': { start_date: daysAgo(7), per_page: 50 },
    'splash.listVenues': {},
    'splash.listVouchers': { per_page: 20 },
    'splash.createVoucher': { code: ids.voucherCode, venue_id: ids.venueId, number_of_days: 7, upspeed: 10, downspeed: 50, volumecap: 0, max_devices: 2 },
    'splash.deleteVoucher': { voucher_id: ids.voucherId },
    'smartwifi.listGuestPlans': { state: 'active', started_since_relative: '4d' },
    'smartwifi.listHotspots': {},
    'smartwifi.getGuest': { guest_token: ids.guestToken },
    'smartwifi.listGuests': { unsubscribed: false },
    'smartwifi.ping': {},
    'smartwifi.listConnections': { from: daysAgo(2), to: daysAgo(0) },
    'anykrowd.ping': {},
    'anykrowd.listCurrencies': { limit: 50, page: 1 },
    'anykrowd.getCurrency': { id: ids.currencyId },
    'anykrowd.listEvents': { active: false },
    'anykrowd.getEvent': { id: ids.eventId },
    'anykrowd.listRoles': {},
    'anykrowd.getRole': { id: ids.roleId },
    'anykrowd.listUserWallets': { external_id: ids.externalId },
    'anykrowd.syncUsers': {
      staff_members: [
        {
          external_id: 'staff-3',
          external_qr_code: '3',
          external_qr_codes: ['a1', 'a2'],
          first_name: 'John',
          last_name: 'Doe',
          roles: [{ role_id: ids.roleId, valid_from: '2026-05-16 12:00:00', valid_until: '2026-05-18 12:00:00' }],
          create_user_account: true,
        },
      ],
    },
    'anykrowd.topUpUser': { external_id: ids.externalId, currency_id: ids.currencyId, amount: '10.24' },
    'anykrowd.getWallet': { id: ids.walletId },
    'anykrowd.listWalletTransactions': { id: ids.walletId, limit: 10 },
    'anykrowd.topUpWallet': { wallet_id: ids.walletId, amount: '10.24', currency_id: ids.currencyId },
    'anykrowd.revokeTopUp': { nanoids: [ids.nanoid] },
  };
}
