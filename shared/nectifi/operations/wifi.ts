import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { liveGuest, location, portal, wifiSession } from '../schemas';
import { limitField, locationFilter, offsetField, offsetPaging } from './local-fields';

/*
 * WiFi API. Doc: "Required scopes: wifi:read"; `wifi.read` is the equivalent spelling.
 *
 * Decision (doc gap: only sessions shows `limit` in its example): all four are list endpoints, and
 * the doc's Pagination section says list endpoints use limit and offset (vendor-decisions: lists return
 * {items, total, limit, offset}), so all four are paged with limit/offset.
 */

const WIFI_SCOPES = ['wifi:read', 'wifi.read'];

export const listLocations = defineOperation({
  vendor: 'nectifi',
  key: 'listLocations',
  resource: 'wifi',
  label: 'List Locations',
  description: 'Lists your WiFi locations (venues).',
  method: 'GET',
  path: '/wifi/locations',
  fields: {
    limit: limitField('locations'),
    offset: offsetField('locations'),
  },
  returns: 'list',
  output: location,
  sample: {
    id: 1,
    name: 'Harbour Café',
    address: '1 Quay Street',
    city: 'Amsterdam',
    country: 'NL',
    timezone: 'Europe/Amsterdam',
    created_at: '2025-01-10T09:00:00+00:00',
  },
  paging: offsetPaging,
  safety: 'read',
  scopes: WIFI_SCOPES,
});

export const listPortals = defineOperation({
  vendor: 'nectifi',
  key: 'listPortals',
  resource: 'wifi',
  label: 'List Portals',
  description: 'Lists your captive portals (WiFi sign-in pages), optionally for one location.',
  method: 'GET',
  path: '/wifi/portals',
  fields: {
    location_id: locationFilter('Only list portals at this WiFi location.'),
    limit: limitField('portals'),
    offset: offsetField('portals'),
  },
  returns: 'list',
  output: portal,
  sample: { id: 1, name: 'Harbour Café Guest WiFi', location_id: 1, created_at: '2025-01-10T09:05:00+00:00' },
  paging: offsetPaging,
  safety: 'read',
  scopes: WIFI_SCOPES,
});

export const listSessions = defineOperation({
  vendor: 'nectifi',
  key: 'listSessions',
  resource: 'wifi',
  label: 'List Sessions',
  description: 'Lists WiFi sessions (guest connections), newest first, optionally only the active ones.',
  method: 'GET',
  path: '/wifi/sessions',
  fields: {
    location_id: locationFilter('Only list sessions at this WiFi location.'),
    active_only: {
      in: 'query',
      schema: () => z.optional(f.booleanFlag()),
      label: 'Active Only',
      help: 'true to list only sessions that are still connected. Leave empty or false for all sessions.',
      example: true,
    },
    limit: limitField('sessions'),
    offset: offsetField('sessions'),
  },
  returns: 'list',
  output: wifiSession,
  sample: {
    id: 8001,
    guest_id: 42,
    location_id: 1,
    portal_id: 1,
    mac_address: 'AA:BB:CC:DD:EE:FF',
    is_active: true,
    started_at: '2026-06-20T12:00:00+00:00',
    ended_at: null,
  },
  paging: offsetPaging,
  safety: 'read',
  scopes: WIFI_SCOPES,
});

export const listLiveGuests = defineOperation({
  vendor: 'nectifi',
  key: 'listLiveGuests',
  resource: 'wifi',
  label: 'List Live Guests',
  description: 'Lists the guests connected to your WiFi right now, optionally at one location.',
  method: 'GET',
  path: '/wifi/live-guests',
  fields: {
    location_id: locationFilter('Only list guests connected at this WiFi location.'),
    limit: limitField('guests'),
    offset: offsetField('guests'),
  },
  returns: 'list',
  output: liveGuest,
  sample: {
    guest_id: 42,
    session_id: 8001,
    name: 'Alex',
    email: 'alex@example.com',
    location_id: 1,
    portal_id: 1,
    connected_at: '2026-06-20T12:00:00+00:00',
  },
  paging: offsetPaging,
  safety: 'read',
  scopes: WIFI_SCOPES,
});
