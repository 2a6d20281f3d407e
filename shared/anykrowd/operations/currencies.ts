import { defineOperation, f } from '../../core';
import { currency } from '../schemas';
import { anykrowdPaging, pagingFields } from './inputs';
import { eurCurrency } from './samples';

const sample = eurCurrency;

export const listCurrencies = defineOperation({
  vendor: 'anykrowd',
  key: 'listCurrencies',
  resource: 'currency',
  label: 'List Currencies',
  description: 'Lists the currencies (euros and event tokens) that wallets can hold.',
  method: 'GET',
  path: '/apix/v1/currencies/list',
  fields: {
    ...pagingFields('currencies'),
  },
  returns: 'list',
  output: currency,
  sample,
  paging: anykrowdPaging,
  safety: 'read',
});

export const getCurrency = defineOperation({
  vendor: 'anykrowd',
  key: 'getCurrency',
  resource: 'currency',
  label: 'Get Currency',
  description: 'Gets one currency with its symbol and exchange rate.',
  method: 'GET',
  path: '/apix/v1/currencies/show/{id}',
  fields: {
    id: {
      in: 'path',
      schema: () => f.positiveId(),
      label: 'Currency',
      help: 'The currency to get. Pick one from the list, or map its ID from an earlier step.',
      example: 1,
      dropdown: { operation: 'listCurrencies', value: 'id', label: 'name' },
    },
  },
  returns: 'object',
  output: currency,
  sample,
  paging: { style: 'none' },
  safety: 'read',
});
