import { defineOperation } from '../../core';
import { customer, customerVisit } from '../schemas';
import { dateRangeFields, pagingFields, splashPaging } from './inputs';

// The team `slug` the doc lists as required is not a field: it comes from the credential (default
// `default`) and the client adds it to every call.

export const listCustomers = defineOperation({
  vendor: 'splash',
  key: 'listCustomers',
  resource: 'customer',
  label: 'List Customers',
  description: 'Lists the customers who signed in to your Splash Air WiFi, optionally only those created within a date range.',
  method: 'GET',
  path: '/customers',
  fields: {
    ...dateRangeFields('customers'),
    ...pagingFields('customers'),
  },
  returns: 'list',
  output: customer,
  // The doc shows no response body: a realistic guess at one item.
  sample: {
    id: 1042,
    first_name: 'Alex',
    last_name: 'Janssens',
    email: 'alex@example.com',
    phone: '+32470123456',
    venue_id: 3,
    created_at: '2026-06-20 08:15:42',
    updated_at: '2026-06-20 08:15:42',
  },
  paging: splashPaging,
  safety: 'read',
});

export const listCustomerVisits = defineOperation({
  vendor: 'splash',
  key: 'listCustomerVisits',
  resource: 'visit',
  label: 'List Customer Visits',
  description: 'Lists customer visits to your venues, optionally only those recorded within a date range.',
  method: 'GET',
  path: '/customer-visits',
  fields: {
    ...dateRangeFields('visits'),
    ...pagingFields('visits'),
  },
  returns: 'list',
  output: customerVisit,
  // The doc shows no response body: a realistic guess at one item.
  sample: {
    id: 58211,
    customer_id: 1042,
    venue_id: 3,
    created_at: '2026-06-20 08:15:42',
    updated_at: '2026-06-20 08:15:42',
  },
  paging: splashPaging,
  safety: 'read',
});
