import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { guest, guestDetails, guestPlan } from '../schemas';
import { guestToken, relativeSpan } from './inputs';

// `api_token` (required on every call) is not a field: it comes from the credential and the client adds
// it to the query string (redacted in everything we surface).

export const listGuestPlans = defineOperation({
  vendor: 'smartwifi',
  key: 'listGuestPlans',
  resource: 'guestPlan',
  label: 'List Guest Plans',
  description: 'Lists the guest plans (paid or voucher WiFi access) that guests started recently, active or expired.',
  method: 'GET',
  path: '/v2/client/guests-guest-plans',
  fields: {
    state: {
      in: 'query',
      schema: () => z.optional(z.enum(['active', 'expired'], { error: 'expected active or expired' })),
      label: 'State',
      help: 'Only plans that are still active, or only expired ones. Default: active.',
      example: 'active',
    },
    // The doc's limit for this field is "7 days ago"; it is relative to now and not checked here.
    started_since_timestamp: {
      in: 'query',
      schema: () => z.optional(f.spacedDateTime()),
      label: 'Started Since (Date and Time)',
      help: 'Only plans started at or after this moment, at most 7 days ago. Format yyyy-mm-dd hh:mm:ss, e.g. 2026-06-18 08:00:00. Use this or Started Since (Relative), not both.',
      example: '2026-06-18 08:00:00',
    },
    started_since_relative: {
      in: 'query',
      schema: () => z.optional(relativeSpan()),
      label: 'Started Since (Relative)',
      help: 'Only plans started within this period before now: a number and m (minutes), h (hours) or d (days), e.g. 10m, 4h or 2d. At most 7 days. Default: 12h.',
      example: '4h',
    },
  },
  returns: 'list',
  output: guestPlan,
  // The doc's example values are descriptions of the fields; realistic values in the same shape
  // (the token says it is an example: n8n's scanner takes an unmarked token-shaped value for a secret).
  sample: {
    token: 'example-guest-token-6eb6e7e34cad',
    macaddress: 'AA-BB-CC-DD-EE-FF',
    email: 'alex@example.com',
    guest_plan_name: '24 Hour Pass',
    guest_plan_start: '2026-06-20 08:00:00',
    guest_plan_expire: '2026-06-21 08:00:00',
    guest_plan_state: 'Active',
    session_profile_name: 'Premium 50 Mbps',
    payment_gateway: 'Voucher',
    gateway_transaction_id: 'SUMMER-2026',
  },
  paging: { style: 'none' },
  safety: 'read',
});

export const getGuest = defineOperation({
  vendor: 'smartwifi',
  key: 'getGuest',
  resource: 'guest',
  label: 'Get Guest',
  description: 'Gets the profile of one WiFi guest by guest token, with the hotspot of their last connection.',
  method: 'GET',
  path: '/v2/guests/get',
  fields: {
    guest_token: {
      in: 'query',
      schema: () => guestToken(),
      label: 'Guest Token',
      help: 'The guest\'s token, e.g. the Guest Token of a new connection or the Token of a new guest plan, mapped from an earlier step. Looks like 1g36ga13-b4fd-4jd3-9bdc-6eb6e7e34cad.',
      example: '1g36ga13-b4fd-4jd3-9bdc-6eb6e7e34cad',
    },
  },
  returns: 'object',
  output: guestDetails,
  sample: {
    custom1: null,
    custom2: null,
    custom3: null,
    custom4: null,
    custom5: null,
    custom6: null,
    custom7: null,
    custom8: null,
    custom9: null,
    custom10: null,
    client: { id: 53, company: 'TECH DEPT' },
    profile: {
      firstname: null,
      lastname: null,
      email: 'myemail@gmail.com',
      mobilephone: null,
      birthdate: null,
      macaddress: '4A-4A-EA-4A-4A-FA',
      gender: null,
      country: null,
      region: null,
      city: null,
      address: null,
      postal_code: null,
    },
    last_connection: { name: 'TECHHOTSPOT', nasidentifier: 'TECHHOTSPOT' },
    unsubscribed: false,
  },
  paging: { style: 'none' },
  safety: 'read',
});

export const listGuests = defineOperation({
  vendor: 'smartwifi',
  key: 'listGuests',
  resource: 'guest',
  label: 'List Guests',
  description: 'Lists all WiFi guests of your account, optionally only those who did or did not unsubscribe from marketing.',
  method: 'GET',
  path: '/v2/zapier/client/guests',
  fields: {
    // Sent as `true`/`false`, as in the doc's example (`unsubscribed=false`).
    unsubscribed: {
      in: 'query',
      schema: () => z.optional(f.booleanFlag()),
      label: 'Unsubscribed',
      help: 'True: only guests who unsubscribed from marketing. False: only guests who did not. Leave empty for all guests.',
      example: false,
    },
  },
  returns: 'list',
  output: guest,
  // The doc's first item, with an integer id (blank in the doc; decision) and its duplicate
  // `birthdate` key resolved to a real date.
  sample: {
    id: 3051,
    macaddress: 'AA-BB-CC-DD-EE-FF',
    email: '',
    profile_url: '',
    first_name: 'First_Name',
    last_name: 'Last_Name',
    country: '',
    region: '',
    city: '',
    address: '',
    gender: '',
    postal_code: '',
    mobile_phone: null,
    birthdate: '1990-05-17',
    custom1: null,
    custom2: null,
    custom3: null,
    custom4: null,
    custom5: null,
    custom6: null,
    custom7: null,
    custom8: null,
    custom9: null,
    custom10: null,
    unsubscribed: false,
  },
  // One unpaged list.
  paging: { style: 'none' },
  safety: 'read',
});
