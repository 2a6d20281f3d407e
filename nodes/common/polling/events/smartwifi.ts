import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { CONNECTION_SPAN_MS, connectionKey } from '../../../../shared/smartwifi/connection-identity';
import { listConnections } from '../../../../shared/smartwifi/operations/connections';
import { listGuestPlans, listGuests } from '../../../../shared/smartwifi/operations/guests';
import { searchMethodName } from '../../dropdown-methods';
import { type FullListState, pollFullList } from '../full-list';
import { consentFilter } from '../../../../shared/lifecycle/consent';
import { MANUAL_SAMPLE_SIZE, type PollEvent, consentOption, locatorValue, lookBackMs, lookBackOption, onlyAcceptedMarketing, optionsCollection } from '../poll-event';
import { lifecyclePollEvents } from './lifecycle';
import { type WindowSource, type WindowState, pollTimeWindow, recentInWindow } from '../time-window';
import { parseVendorTime, spacedUtc, tUtc } from '../vendor-time';

const DAY_MS = 86_400_000;
/** The look-back the option shows, also used while it is not added (it was 10 minutes then). */
const LOOK_BACK_MINUTES = 30;
/** Guest plans can be asked for at most 7 days back; keep a margin for clock differences. */
const PLAN_HORIZON_MS = 7 * DAY_MS - 10 * 60_000;
/**
 * How far back a poll may ask. The margin must cover a vendor clock ahead of ours by up to the
 * look-back (what the look-back promises to absorb): with only 10 minutes, such a vendor answered
 * 400 to every poll after a week without one, and the trigger never recovered (found by the
 * property tests).
 */
const planHorizonMs = (lookBackMs: number) => 7 * DAY_MS - Math.max(10 * 60_000, lookBackMs);

const planKey = (item: IDataObject) => [item.token, item.macaddress, item.guest_plan_start, item.guest_plan_name].map(String).join('|');
/** Where the id is missing, a guest is identified by MAC address (vendor-decisions). */
const guestIdentity = (item: IDataObject) => String(item.id ?? '') || `mac:${String(item.macaddress ?? '')}`;

const hotspotProperty: INodeProperties = {
  displayName: 'Hotspot',
  name: 'hotspot',
  type: 'resourceLocator',
  default: { mode: 'list', value: '' },
  description: 'Only connections at this hotspot. Leave empty for all hotspots. SmartWiFi returns only the last 12 hours when filtering by hotspot.',
  displayOptions: { show: { event: ['newConnection'] } },
  modes: [
    {
      displayName: 'From List',
      name: 'list',
      type: 'list',
      typeOptions: { searchListMethod: searchMethodName(listConnections.fields.hotspotid.dropdown), searchable: true },
    },
    { displayName: 'By ID', name: 'id', type: 'string', placeholder: '12261' },
  ],
};

const planStateProperty: INodeProperties = {
  displayName: 'Plan State',
  name: 'planState',
  type: 'options',
  options: [
    { name: 'Any', value: 'any', description: 'Plans started since the last check, active or already expired' },
    { name: 'Active', value: 'active' },
    { name: 'Expired', value: 'expired' },
  ],
  default: 'any',
  displayOptions: { show: { event: ['newGuestPlan'] } },
};

function connectionSource(hotspot: string | undefined): WindowSource {
  return {
    op: listConnections,
    inputs: (startMs, endMs) => [{ from: tUtc(startMs), to: tUtc(endMs), ...(hotspot ? { hotspotid: hotspot } : {}) }],
    key: connectionKey,
    time: (item) => parseVendorTime(item.date),
    leadMs: CONNECTION_SPAN_MS,
  };
}

function planSource(state: string, nowMs: number, lookBackMs: number): WindowSource {
  const states = state === 'any' ? ['active', 'expired'] : [state];
  return {
    op: listGuestPlans,
    inputs: (startMs) => {
      const since = spacedUtc(Math.max(startMs, nowMs - planHorizonMs(lookBackMs)));
      return states.map((s) => ({ state: s, started_since_timestamp: since }));
    },
    key: planKey,
    time: (item) => parseVendorTime(item.guest_plan_start),
  };
}

export const SMARTWIFI_POLL_EVENTS: PollEvent[] = [
  {
    value: 'newGuest',
    name: 'New Guest',
    description: 'A guest signed in to your WiFi for the first time (checks the whole guest list)',
    properties: [optionsCollection('newGuest', [consentOption('unsubscribed is false')])],
    async poll(ctx, runner, previous) {
      const found = await pollFullList(runner, listGuests, {}, guestIdentity, previous as FullListState | undefined);
      return { items: found.items.filter(consentFilter('smartwifi', onlyAcceptedMarketing(ctx))), state: found.state };
    },
    async recent(ctx, runner) {
      const list = (await runner.call(listGuests, {})) as IDataObject[];
      return list.filter(consentFilter('smartwifi', onlyAcceptedMarketing(ctx))).slice(0, MANUAL_SAMPLE_SIZE).reverse();
    },
  },
  {
    value: 'newConnection',
    name: 'New Connection',
    description: 'A guest connected to one of your hotspots',
    properties: [hotspotProperty, optionsCollection('newConnection', [lookBackOption(LOOK_BACK_MINUTES, 'connections')])],
    async poll(ctx, runner, previous, nowMs = Date.now()) {
      const source = connectionSource(locatorValue(ctx, 'hotspot'));
      return await pollTimeWindow(runner, source, previous as WindowState | undefined, lookBackMs(ctx, LOOK_BACK_MINUTES), nowMs);
    },
    recent: async (ctx, runner, nowMs = Date.now()) =>
      await recentInWindow(runner, connectionSource(locatorValue(ctx, 'hotspot')), DAY_MS / 2, MANUAL_SAMPLE_SIZE, nowMs),
  },
  {
    value: 'newGuestPlan',
    name: 'New Guest Plan',
    description: 'A guest started a guest plan (paid or voucher WiFi access)',
    properties: [planStateProperty, optionsCollection('newGuestPlan', [lookBackOption(LOOK_BACK_MINUTES, 'guest plans')])],
    async poll(ctx, runner, previous, nowMs = Date.now()) {
      const source = planSource(ctx.getNodeParameter('planState', 'any') as string, nowMs, lookBackMs(ctx, LOOK_BACK_MINUTES));
      return await pollTimeWindow(runner, source, previous as WindowState | undefined, lookBackMs(ctx, LOOK_BACK_MINUTES), nowMs);
    },
    recent: async (ctx, runner, nowMs = Date.now()) =>
      await recentInWindow(runner, planSource(ctx.getNodeParameter('planState', 'any') as string, nowMs, 0), PLAN_HORIZON_MS, MANUAL_SAMPLE_SIZE, nowMs),
  },
  ...lifecyclePollEvents('smartwifi'),
];
