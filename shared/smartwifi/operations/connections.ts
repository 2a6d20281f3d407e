import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { CONNECTION_SPAN_MS } from '../connection-identity';
import { connection } from '../schemas';
import { hotspotIds } from './inputs';

// `api_token` is not a field: the client adds it from the credential.

export const listConnections = defineOperation({
  vendor: 'smartwifi',
  key: 'listConnections',
  resource: 'connection',
  label: 'List Connections',
  description: 'Lists guest WiFi connections in a date range, as in the Guest Connections report of the dashboard.',
  method: 'GET',
  path: '/v2/client/connections',
  // The endpoint line sends `from=<from_date>&to=<to_date>` while the table names them `from_date` and
  // `to_date`. Decision: we send `from`/`to` (the table names the values).
  fields: {
    from: {
      in: 'query',
      schema: () => z.optional(f.dateOrDateTime()),
      label: 'From',
      help: 'Start of the range, included. Format yyyy-mm-dd or yyyy-mm-ddThh:mm:ss (note the T), e.g. 2026-06-01 or 2026-06-01T08:00:00. SmartWiFi allows at most 30 days per request; longer ranges are fetched in several windows, sized to the data.',
      example: '2026-06-01',
    },
    to: {
      in: 'query',
      schema: () => z.optional(f.dateOrDateTime()),
      label: 'To',
      help: 'End of the range, not included (2026-06-08 stops at the end of June 7). Format yyyy-mm-dd or yyyy-mm-ddThh:mm:ss (note the T). With a time, roaming records outside the range are left out.',
      example: '2026-06-08',
    },
    // The doc's URL says `hotspot_ids`: one id or a comma-separated list (decision).
    hotspotid: {
      in: 'query',
      schema: () => z.optional(hotspotIds()),
      label: 'Hotspot',
      help: 'Only connections at this hotspot. Pick one from the list, or map hotspot IDs from an earlier step, several separated by commas (12261,12290). Note: with a hotspot, SmartWiFi returns only the past 12 hours of data.',
      example: 12261,
      dropdown: { operation: 'listHotspots', value: 'id', label: 'name' },
    },
  },
  returns: 'list',
  output: connection,
  sample: {
    date: '2019-12-30T14:14:44.493576+00:00',
    email: null,
    phone: null,
    device: 'Apple',
    mobile: null,
    identity: 'AA-BB-CC-DD-EE-FF',
    lastname: null,
    uploaded: 481731,
    firstname: null,
    useragent:
      'Mozilla/5.0 (Linux; Android 11; DN2101 Build/RP1A.200720.011; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/99.0.4844.58 Mobile Safari/537.36',
    downloaded: 1641142,
    guesttoken: 'example-guest-token-6eb6e7e34cad',
    macaddress: 'AA-BB-CC-DD-EE-FF',
    hotspotname: 'Hotspot_1',
    online_time: '00:05:14',
    profileuser: null,
    reason_for_termination: 'Idle Timeout',
  },
  // Span at most 30 days (doc); `from` inclusive, `to` exclusive.
  paging: { style: 'window', fromParam: 'from', toParam: 'to', maxSpanDays: 30, whole: { timeField: 'date', spanMs: CONNECTION_SPAN_MS } },
  safety: 'read',
});
