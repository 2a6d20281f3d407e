import { consentField, keepConsenting } from '../common/consent-field';
import { inputFieldsFor } from '../common/input-fields';
import { listPage } from '../common/operations';
import { byNumericId } from '../common/polling';
import { pollingTrigger } from '../common/polling-trigger';
import { nectifiBinding } from './connection';
import { nectifiPlan } from './plan';

const { listGuests, listSessions } = nectifiPlan.operations;

// Nectifi lists are newest first and ids grow with creation time: the first page holds what is new.

export const newGuest = pollingTrigger({
  binding: nectifiBinding,
  op: listGuests,
  key: 'newGuest',
  noun: 'Guest',
  label: 'New Guest',
  description: 'Triggers when a new guest profile is created, for example when someone signs in to your WiFi.',
  inputFields: [consentField('nectifi')],
  fetch: async (runner, input, limit, bundle) => keepConsenting('nectifi', bundle, await listPage(runner, listGuests, input, 0, limit)),
  ordering: byNumericId,
});

export const newConnection = pollingTrigger({
  binding: nectifiBinding,
  op: listSessions,
  key: 'newConnection',
  noun: 'Session',
  label: 'New WiFi Session',
  description: 'Triggers when a guest connects to your WiFi and a new session starts.',
  inputFields: inputFieldsFor(listSessions, { only: ['location_id'] }),
  fetch: (runner, input, limit) => listPage(runner, listSessions, input, 0, limit),
  ordering: byNumericId,
});
