import * as z from '../../core/zod';
import { defineOperation, f } from '../../core';
import { guest, note, tag, timelineEvent } from '../schemas';
import {
  guestIdPath,
  hexColor,
  limitField,
  locationDropdown,
  noPaging,
  offsetField,
  offsetPaging,
  portalDropdown,
  slug,
  tagDropdown,
} from './local-fields';

/*
 * CRM API: guests, timeline, tags, staff notes. Doc: "Required scopes: crm:read (read) · crm:write (write)".
 * Decision (vendor-decisions, scopes): `crm.read` and `crm:read` are equivalent spellings; the finer
 * CRM Public API scopes (guests.*, tags.write, notes.write, events.read) are listed where they name the
 * same thing. Write implies read and wildcards are the scope checker's job, not listed here.
 */

const sampleGuest = {
  id: 42,
  name: 'Alex',
  email: 'alex@example.com',
  phone: null,
  location_id: 1,
  portal_id: 1,
  marketing_consent: true,
  is_vip: false,
  tags: [],
  created_at: '2026-06-20T12:00:00+00:00',
  updated_at: '2026-06-20T12:00:00+00:00',
};

export const listGuests = defineOperation({
  vendor: 'nectifi',
  key: 'listGuests',
  resource: 'guest',
  label: 'List Guests',
  description: 'Lists guest profiles, newest first, optionally filtered by a search term.',
  method: 'GET',
  path: '/crm/guests',
  fields: {
    search: {
      in: 'query',
      schema: () => z.optional(f.text(200)),
      label: 'Search',
      help: 'Text to look for in the guest\'s name, email or phone, e.g. alex. Leave empty to list every guest.',
      example: 'alex',
    },
    limit: limitField('guests'),
    offset: offsetField('guests'),
  },
  returns: 'list',
  output: guest,
  sample: sampleGuest,
  paging: offsetPaging,
  safety: 'read',
  scopes: ['crm:read', 'crm.read', 'guests.read'],
});

export const createGuest = defineOperation({
  vendor: 'nectifi',
  key: 'createGuest',
  resource: 'guest',
  label: 'Create Guest',
  description: 'Creates a guest profile at one of your WiFi locations and captive portals.',
  method: 'POST',
  path: '/crm/guests',
  // Decision (doc gap: required fields are not documented): location_id and portal_id are required,
  // as a guest always belongs to a location and the portal they signed up on; the rest is optional.
  // Only the fields of the doc's example are accepted (phone, tags etc. are not documented for create).
  fields: {
    location_id: {
      in: 'json',
      schema: () => f.positiveId(),
      label: 'Location',
      help: 'The WiFi location (venue) the guest belongs to. Pick one from the list, or map its numeric ID from an earlier step, e.g. 1.',
      example: 1,
      dropdown: locationDropdown,
    },
    // The docs' example sends portal_id but does not say it is required: optional (decision). It was
    // required in the n8n node before version 1.1, which keeps it so for workflows saved at 1.
    portal_id: {
      in: 'json',
      schema: () => z.optional(f.positiveId()),
      n8nRequiredUntil: 1.1,
      label: 'Portal',
      help: 'The captive portal the guest signed up on, if any. Pick one from the list, or map its numeric ID from an earlier step, e.g. 1.',
      example: 1,
      dropdown: portalDropdown,
    },
    name: {
      in: 'json',
      schema: () => z.optional(f.text()),
      label: 'Name',
      help: 'The guest\'s full name, e.g. Alex.',
      example: 'Alex',
    },
    email: {
      in: 'json',
      schema: () => z.optional(f.email()),
      label: 'Email',
      help: 'The guest\'s email address, e.g. alex@example.com.',
      example: 'alex@example.com',
    },
    marketing_consent: {
      in: 'json',
      schema: () => z.optional(f.booleanFlag()),
      label: 'Marketing Consent',
      help: 'Set to true only if the guest agreed to receive marketing messages. Leave empty if unknown.',
      example: true,
    },
  },
  returns: 'object',
  output: guest,
  sample: sampleGuest,
  paging: noPaging,
  safety: 'unsafe',
  unknownOutcomeHint: 'Search your Nectifi guests for the email: if the guest is there, it was created.',
  scopes: ['crm:write', 'crm.write', 'guests.write'],
});

export const getGuest = defineOperation({
  vendor: 'nectifi',
  key: 'getGuest',
  resource: 'guest',
  label: 'Get Guest',
  description: 'Gets one guest profile by its ID.',
  method: 'GET',
  path: '/crm/guests/{guest_id}',
  fields: {
    guest_id: guestIdPath('to get'),
  },
  returns: 'object',
  output: guest,
  sample: sampleGuest,
  paging: noPaging,
  safety: 'read',
  scopes: ['crm:read', 'crm.read', 'guests.read'],
});

export const updateGuest = defineOperation({
  vendor: 'nectifi',
  key: 'updateGuest',
  resource: 'guest',
  label: 'Update Guest',
  description: 'Changes a guest\'s name, VIP status or tags; fields you leave empty stay as they are.',
  method: 'PATCH',
  path: '/crm/guests/{guest_id}',
  // Only the fields of the doc's example (name, is_vip, tags) are documented as updatable.
  fields: {
    guest_id: guestIdPath('to update'),
    name: {
      in: 'json',
      schema: () => z.optional(f.text()),
      label: 'Name',
      help: 'The guest\'s new full name, e.g. Alex M. Leave empty to keep the current name.',
      example: 'Alex M.',
    },
    is_vip: {
      in: 'json',
      schema: () => z.optional(f.booleanFlag()),
      label: 'VIP',
      help: 'true to mark the guest as a VIP, false to remove the mark. Leave empty to keep it as it is.',
      example: true,
    },
    tags: {
      in: 'json',
      // Decision (doc gap: PATCH semantics of `tags` unstated): the list replaces the guest's tags,
      // as a PATCH sets the fields it carries. An empty list removes every tag.
      schema: () => z.optional(z.array(f.text(), { error: 'expected a list of tag slugs, e.g. ["vip"]' })),
      label: 'Tags',
      help: 'The guest\'s tags as a list of tag slugs, e.g. ["vip"]. Replaces the current tags; an empty list removes all. Pick them from the list of your tags (Create Tag adds a new one). Leave empty to keep the current tags.',
      example: ['vip'],
      dropdown: tagDropdown,
    },
  },
  returns: 'object',
  output: guest,
  sample: { ...sampleGuest, name: 'Alex M.', is_vip: true, tags: ['vip'], updated_at: '2026-06-21T09:30:00+00:00' },
  paging: noPaging,
  // Keyless: a repeat would be a second write (and could undo a change made in between).
  safety: 'unsafe',
  unknownOutcomeHint: 'Look at the guest in Nectifi to see whether the change is there before updating again.',
  scopes: ['crm:write', 'crm.write', 'guests.write'],
});

export const getGuestTimeline = defineOperation({
  vendor: 'nectifi',
  key: 'getGuestTimeline',
  resource: 'guest',
  label: 'Get Guest Timeline',
  description: 'Lists a guest\'s activity, such as WiFi visits, promotions, points and emails, newest first.',
  method: 'GET',
  path: '/crm/guests/{guest_id}/timeline',
  // Decision (doc gap: the example shows no paging parameters): every list endpoint takes limit and
  // offset (doc, Pagination: "List endpoints use limit and offset"; vendor-decisions: lists return
  // {items, total, limit, offset}), and a timeline grows without bound, so it is paged.
  fields: {
    guest_id: guestIdPath('whose activity to list'),
    limit: limitField('events'),
    offset: offsetField('events'),
  },
  returns: 'list',
  output: timelineEvent,
  sample: {
    id: 5001,
    type: 'visit.started',
    title: 'Connected to WiFi',
    guest_id: 42,
    location_id: 1,
    occurred_at: '2026-06-20T12:00:00+00:00',
  },
  paging: offsetPaging,
  safety: 'read',
  // events.read: the CRM Public API scope for activity events (our reading; the doc lists it without a description).
  scopes: ['crm:read', 'crm.read', 'guests.read', 'events.read'],
});

export const listTags = defineOperation({
  vendor: 'nectifi',
  key: 'listTags',
  resource: 'tag',
  label: 'List Tags',
  description: 'Lists the tags defined in your workspace, which you can put on guests.',
  method: 'GET',
  path: '/crm/tags',
  // Decision (doc gap: no paging parameters in the example): paged with limit/offset like every list
  // endpoint (doc, Pagination; vendor-decisions: lists return {items, total, limit, offset}).
  fields: {
    limit: limitField('tags'),
    offset: offsetField('tags'),
  },
  returns: 'list',
  output: tag,
  sample: { slug: 'vip', label: 'VIP', color: '#6366f1' },
  paging: offsetPaging,
  safety: 'read',
  scopes: ['crm:read', 'crm.read'],
});

export const createTag = defineOperation({
  vendor: 'nectifi',
  key: 'createTag',
  resource: 'tag',
  label: 'Create Tag',
  description: 'Creates a tag definition that you can then put on guests.',
  method: 'POST',
  path: '/crm/tags',
  // Decision (doc gap: required fields and formats unstated): slug and label are required, color is
  // optional; a slug has no spaces; color is #rrggbb as in the example.
  fields: {
    slug: {
      in: 'json',
      schema: () => slug('tag slug', 'vip'),
      label: 'Slug',
      help: 'The tag\'s short unique code, used when tagging guests, without spaces, e.g. vip.',
      example: 'vip',
    },
    label: {
      in: 'json',
      schema: () => f.text(),
      label: 'Label',
      help: 'The name people see for the tag, e.g. VIP.',
      example: 'VIP',
    },
    color: {
      in: 'json',
      schema: () => z.optional(hexColor()),
      label: 'Color',
      help: 'The tag\'s colour as # followed by six hex digits (#rrggbb), e.g. #6366f1. Leave empty for the default.',
      example: '#6366f1',
    },
  },
  returns: 'object',
  output: tag,
  sample: { slug: 'vip', label: 'VIP', color: '#6366f1' },
  paging: noPaging,
  safety: 'unsafe',
  unknownOutcomeHint: 'Look for the slug among your Nectifi tags: if it is there, the tag was created.',
  scopes: ['crm:write', 'crm.write', 'tags.write'],
});

export const listNotes = defineOperation({
  vendor: 'nectifi',
  key: 'listNotes',
  resource: 'note',
  label: 'List Notes',
  description: 'Lists the staff notes written about a guest, newest first.',
  method: 'GET',
  path: '/crm/guests/{guest_id}/notes',
  // Decision (doc gap: no paging parameters in the example): paged with limit/offset like every list
  // endpoint (doc, Pagination; vendor-decisions: lists return {items, total, limit, offset}).
  fields: {
    guest_id: guestIdPath('whose notes to list'),
    limit: limitField('notes'),
    offset: offsetField('notes'),
  },
  returns: 'list',
  output: note,
  sample: { id: 301, guest_id: 42, text: 'Prefers window seat.', created_at: '2026-06-20T12:05:00+00:00' },
  paging: offsetPaging,
  safety: 'read',
  scopes: ['crm:read', 'crm.read'],
});

export const addNote = defineOperation({
  vendor: 'nectifi',
  key: 'addNote',
  resource: 'note',
  label: 'Add Note',
  description: 'Adds a staff note to a guest\'s profile.',
  method: 'POST',
  path: '/crm/guests/{guest_id}/notes',
  fields: {
    guest_id: guestIdPath('to add the note to'),
    text: {
      in: 'json',
      // The docs state no length limit: only the generic bound on any text we send.
      schema: () => f.text(f.MAX_TEXT),
      label: 'Text',
      help: 'The note, e.g. Prefers window seat.',
      example: 'Prefers window seat.',
    },
  },
  returns: 'object',
  output: note,
  sample: { id: 301, guest_id: 42, text: 'Prefers window seat.', created_at: '2026-06-20T12:05:00+00:00' },
  paging: noPaging,
  safety: 'unsafe',
  unknownOutcomeHint: 'Look at the guest\'s notes in Nectifi: if the note is there, it was added.',
  scopes: ['crm:write', 'crm.write', 'notes.write'],
});
