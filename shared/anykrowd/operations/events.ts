import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { event } from '../schemas';
import { anykrowdPaging, pagingFields } from './inputs';

const sample = {
  id: 1,
  name: 'Demo event',
  summary: null,
  description: '',
  main_image: 'https://[image_url]',
  start_sales_timestamp: '2024-10-31 12:00:00',
  end_sales_timestamp: '2025-11-02 12:00:00',
  is_running: true,
  start_datetime: '2024-11-01 12:00:00',
  end_datetime: '2025-11-01 12:00:00',
};

export const listEvents = defineOperation({
  vendor: 'anykrowd',
  key: 'listEvents',
  resource: 'event',
  label: 'List Events',
  description: 'Lists your events, or only those running right now.',
  method: 'GET',
  path: '/apix/v1/events/list',
  fields: {
    // The doc types `active` as a String with values `true`/`false` (default `false` = all events).
    // Decision: a yes/no input, sent as the text `true` or `false`.
    active: {
      in: 'query',
      schema: () => z.optional(f.booleanFlag()),
      label: 'Only Running Events',
      help: 'True: only events running at this moment. False or empty: all events.',
      example: true,
    },
    ...pagingFields('events'),
  },
  returns: 'list',
  output: event,
  sample,
  paging: anykrowdPaging,
  safety: 'read',
});

export const getEvent = defineOperation({
  vendor: 'anykrowd',
  key: 'getEvent',
  resource: 'event',
  label: 'Get Event',
  description: 'Gets one event with its sales period and start and end times.',
  method: 'GET',
  path: '/apix/v1/events/show/{id}',
  fields: {
    id: {
      in: 'path',
      schema: () => f.positiveId(),
      label: 'Event',
      help: 'The event to get. Pick one from the list, or map its ID from an earlier step.',
      example: 1,
      dropdown: { operation: 'listEvents', value: 'id', label: 'name' },
    },
  },
  returns: 'object',
  output: event,
  sample,
  paging: { style: 'none' },
  safety: 'read',
});
