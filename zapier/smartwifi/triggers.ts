import { consentField, keepConsenting } from '../common/consent-field';
import { inputFieldsFor } from '../common/input-fields';
import type { Item } from '../common/operations';
import { listPage } from '../common/operations';
import { formatUtc } from '../../shared/client/paginate';
import { CONNECTION_SPAN_MS, connectionKey } from '../../shared/smartwifi/connection-identity';
import { timeOf } from '../common/polling';
import { pollingTrigger } from '../common/polling-trigger';
import { smartwifiBinding } from './connection';
import { smartwifiPlan } from './plan';

const { listGuests, listConnections, listGuestPlans } = smartwifiPlan.operations;
const HOUR_MS = 3_600_000;

/** Guest ids may be blank (the doc's example): a guest is then identified by its MAC address. */
function guestId(item: Item): string | number {
  const id = item.id;
  if (typeof id === 'number' || (typeof id === 'string' && id.trim() !== '')) return id;
  return `mac:${item.macaddress}`;
}

export const newGuest = pollingTrigger({
  binding: smartwifiBinding,
  op: listGuests,
  key: 'newGuest',
  noun: 'Guest',
  label: 'New Guest',
  description: 'Triggers when a new guest signs in to your SmartWiFi hotspots for the first time.',
  inputFields: [...inputFieldsFor(listGuests, { only: ['unsubscribed'] }), consentField('smartwifi')],
  // One unpaged list; SmartWiFi returns it newest first. With numeric ids the order is checked.
  fetch: async (runner, input, _limit, bundle) => keepConsenting('smartwifi', bundle, await listPage(runner, listGuests, input)),
  ordering: {
    id: guestId,
    time: (item) => (typeof item.id === 'number' ? item.id : Number.NaN),
  },
  outputFields: [{ key: 'id', label: 'ID (or MAC address when SmartWiFi gives no ID)', type: 'string' }],
});

/** Connections have no id: the guest token, MAC address and the date of its first record identify one. */
export const connectionId = (item: Item): string => connectionKey(item);

export const newConnection = pollingTrigger({
  binding: smartwifiBinding,
  op: listConnections,
  key: 'newConnection',
  noun: 'Connection',
  label: 'New Connection',
  description: 'Triggers when a guest connects to one of your SmartWiFi hotspots.',
  inputFields: inputFieldsFor(listConnections, { only: ['hotspotid'] }),
  // Connections that started in the last 24 hours (SmartWiFi returns at most 12 with a hotspot
  // filter), until an hour ahead so that a vendor clock slightly ahead of ours loses nothing. The
  // read starts a connection span earlier and what started before the 24 hours is left out: a
  // roaming connection whose first record is past them would otherwise come back under a later
  // date, as a new id (connection-identity). One window, one request.
  fetch: async (runner, input) => {
    const since = Date.now() - 24 * HOUR_MS;
    const window = { from: formatUtc(since - CONNECTION_SPAN_MS, true), to: formatUtc(since + 25 * HOUR_MS, true) };
    const rows = (await runner.call(listConnections, { ...input, ...window })) as Item[];
    return rows.filter((row) => !(timeOf(row.date) < since));
  },
  ordering: { id: connectionId, time: (item) => timeOf(item.date) },
  outputFields: [{ key: 'id', label: 'Connection ID (guest token, MAC address and time)', type: 'string' }],
  sample: { id: connectionId(listConnections.sample), ...listConnections.sample },
});

/** Guest plans have no id: the guest token, plan name and start time together identify one. */
export function guestPlanId(item: Item): string {
  return `${item.token}|${item.guest_plan_name}|${item.guest_plan_start}`;
}

export const newGuestPlan = pollingTrigger({
  binding: smartwifiBinding,
  op: listGuestPlans,
  key: 'newGuestPlan',
  noun: 'Guest Plan',
  label: 'New Guest Plan',
  description: 'Triggers when a guest starts a guest plan, such as a paid or voucher WiFi pass.',
  inputFields: inputFieldsFor(listGuestPlans, {
    only: ['state'],
    overrides: { state: { default: 'active', helpText: 'Active: plans that are still running (default). Expired: plans that have already ended.' } },
  }),
  fetch: (runner, input) => listPage(runner, listGuestPlans, { ...input, started_since_relative: '1d' }),
  ordering: { id: guestPlanId, time: (item) => timeOf(item.guest_plan_start) },
  outputFields: [{ key: 'id', label: 'Guest Plan ID (token, plan name and start)', type: 'string' }],
  sample: { id: guestPlanId(listGuestPlans.sample), ...listGuestPlans.sample },
});
