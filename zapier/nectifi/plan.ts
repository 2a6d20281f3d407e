import { TIER_EVENT } from '../../shared/lifecycle/tier';
import { nectifiOperations, nectifiUpserts } from '../../shared/nectifi/operations';
import { type AppPlan, lifecycleTriggerPlan } from '../common/plan';

export const nectifiPlan: AppPlan = {
  app: 'nectifi',
  operations: nectifiOperations,
  authTest: 'listLocations',
  // Docs: 60 requests a minute per key by default (configurable up to 10,000). Zapier's throttle is
  // fixed per app version, so it uses the default: a key set higher still queues at 60 a minute.
  throttle: { window: 60, limit: 60, scope: ['auth'] },
  triggers: { newGuest: 'listGuests', newConnection: 'listSessions', newEvent: null, ...lifecycleTriggerPlan('nectifi') },
  n8nEvents: { 'nectifiPollingTrigger/newSession': 'newConnection', 'nectifiTrigger/*': 'newEvent' },
  notOnZapier: { [TIER_EVENT.kind]: TIER_EVENT.zapierMissing },
  dropdowns: ['listLocations', 'listPortals', 'listPromotions', 'listTags', 'listGuests'],
  // Many guests have no name: the dropdown shows the name, else the email, else the number.
  dropdownLabels: { listGuests: (guest) => String(guest.name ?? guest.email ?? `Guest ${guest.id}`) },
  fieldDefaults: { guest_id: { dynamic: 'listGuests.id.label' } },
  searches: {
    listGuests: {
      key: 'findGuest',
      label: 'Find Guest',
      description: 'Finds guests whose name, email or phone contains your search text, newest first.',
      required: ['search'],
      overrides: {
        search: {
          helpText: 'Text to look for in the guest\'s name, email or phone, e.g. alex@example.com or alex. The newest matching guests come first.',
        },
      },
    },
    getGuest: { key: 'findGuestById', label: 'Find Guest by ID', description: 'Finds one guest profile by its ID.' },
    getGuestTimeline: {
      key: 'findGuestActivity',
      label: 'Find Guest Activity',
      description: 'Finds a guest\'s latest activity, such as WiFi visits, promotions, points and emails, newest first.',
      noun: 'Activity',
    },
    listNotes: {
      key: 'findGuestNotes',
      label: 'Find Guest Notes',
      description: 'Finds the staff notes written about a guest, newest first.',
    },
    getPoints: {
      key: 'findPointsBalance',
      label: 'Find Points Balance',
      description: 'Finds a guest\'s current loyalty points balance.',
      noun: 'Points Balance',
    },
    getTier: { key: 'findTier', label: 'Find Loyalty Tier', description: 'Finds a guest\'s current loyalty tier.', noun: 'Tier' },
    getWallet: {
      key: 'findWallet',
      label: 'Find Wallet',
      description: 'Finds everything in a guest\'s wallet, such as points, tier and rewards.',
    },
    getDeliveryStatus: {
      key: 'findDeliveryStatus',
      label: 'Find Email Delivery Status',
      description: 'Finds whether an email sent with Send Email was delivered.',
      noun: 'Delivery',
    },
    listLiveGuests: {
      key: 'findConnectedGuests',
      label: 'Find Connected Guests',
      description: 'Finds the guests connected to your WiFi right now, optionally at one location.',
      noun: 'Connected Guest',
    },
    getAnalyticsOverview: {
      key: 'findAnalyticsOverview',
      label: 'Find Analytics Overview',
      description: 'Finds your headline numbers, such as guests, visits and redemptions, for all locations or one.',
      noun: 'Overview',
    },
    getGuestAnalytics: {
      key: 'findGuestAnalytics',
      label: 'Find Guest Analytics',
      description: 'Finds guest numbers and a day-by-day series for the last 30 days.',
      noun: 'Guest Analytics',
    },
    getPromotionAnalytics: {
      key: 'findPromotionAnalytics',
      label: 'Find Promotion Analytics',
      description: 'Finds how many promotions were granted and redeemed, overall and per promotion.',
      noun: 'Promotion Analytics',
    },
  },
  // Decision (vendor-decisions, Create or Update Guest): Find Guest matches loosely; Find or Create
  // uses its own exact search by email, and several guests with the email stop the step.
  searchOrCreates: [
    {
      upsert: nectifiUpserts.createOrUpdateGuest,
      search: {
        key: 'findGuestByEmail',
        label: 'Find Guest by Email',
        description: 'Finds the guest whose email is exactly this one, ignoring upper and lower case.',
        keyHelp: 'The guest\'s email address, e.g. alex@example.com. Only a guest with exactly this email counts (upper and lower case aside); when several guests have it, the step stops and names them.',
      },
      label: 'Find or Create Guest',
      description: 'Finds the guest with this email, or creates one when there is none.',
    },
  ],
  creates: {
    createGuest: {},
    updateGuest: {},
    createTag: {},
    addNote: {},
    grantPromotion: {},
    redeemPromotion: {},
    addPoints: { noun: 'Points' },
    redeemPoints: { noun: 'Points' },
    issueWalletLink: { noun: 'Wallet Link' },
    redeemWalletReward: { noun: 'Reward' },
    sendEmail: {},
  },
};
