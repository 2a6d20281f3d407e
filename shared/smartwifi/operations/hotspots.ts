import { defineOperation } from '../../core';
import { hotspot } from '../schemas';

// `api_token` is not a field: the client adds it from the credential.

export const listHotspots = defineOperation({
  vendor: 'smartwifi',
  key: 'listHotspots',
  resource: 'hotspot',
  label: 'List Hotspots',
  description: 'Lists the WiFi hotspots of your account with their IDs and names.',
  method: 'GET',
  path: '/v2/zapier/client/dropdown/hotspots',
  fields: {},
  returns: 'list',
  output: hotspot,
  sample: { id: 12261, name: 'ExampleHotspot' },
  paging: { style: 'none' },
  safety: 'read',
});
