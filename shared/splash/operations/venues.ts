import { defineOperation } from '../../core';
import { venue } from '../schemas';
import { pagingFields, splashPaging } from './inputs';

// The team `slug` is not a field: the client adds it from the credential.

export const listVenues = defineOperation({
  vendor: 'splash',
  key: 'listVenues',
  resource: 'venue',
  label: 'List Venues',
  description: 'Lists the venues (WiFi locations) of your Splash Air team.',
  method: 'GET',
  path: '/venues',
  fields: {
    ...pagingFields('venues'),
  },
  returns: 'list',
  output: venue,
  // The doc shows no response body: a realistic guess at one item.
  sample: {
    id: 3,
    name: 'Harbour Café',
    address: 'Kaai 12, 2000 Antwerpen',
    created_at: '2025-11-02 10:00:00',
    updated_at: '2026-01-15 09:30:00',
  },
  paging: splashPaging,
  safety: 'read',
});
