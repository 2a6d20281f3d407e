import { defineOperation } from '../../core';
import { pingResult } from '../schemas';

export const ping = defineOperation({
  vendor: 'anykrowd',
  key: 'ping',
  resource: 'account',
  label: 'Ping',
  description: 'Checks that your API key and tenant URL work.',
  method: 'GET',
  path: '/apix/v1/ping',
  fields: {},
  returns: 'object',
  output: pingResult,
  sample: { message: 'pong' },
  paging: { style: 'none' },
  safety: 'read',
});
