import { defineOperation } from '../../core';
import { pingResult } from '../schemas';

// `api_token` is not a field: the client adds it from the credential.

export const ping = defineOperation({
  vendor: 'smartwifi',
  key: 'ping',
  resource: 'account',
  label: 'Ping',
  description: 'Checks that your API token and environment (US-A or US-B) work.',
  method: 'GET',
  path: '/v2/zapier/client/ping',
  fields: {},
  returns: 'object',
  output: pingResult,
  sample: { message: 'success' },
  paging: { style: 'none' },
  safety: 'read',
});
