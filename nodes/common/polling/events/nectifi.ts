import type { IDataObject } from 'n8n-workflow';
import { listGuests, listSessions } from '../../../../shared/nectifi/operations';
import { searchMethodName } from '../../dropdown-methods';
import { type NewestFirstState, pollNewestFirst, recentNewestFirst } from '../newest-first';
import { consentFilter } from '../../../../shared/lifecycle/consent';
import { MANUAL_SAMPLE_SIZE, type PollEvent, consentOption, locatorValue, lookBackMs, lookBackOption, onlyAcceptedMarketing, optionsCollection } from '../poll-event';
import { lifecyclePollEvents } from './lifecycle';
import { parseVendorTime } from '../vendor-time';

/**
 * Nectifi lists are "newest first" without saying by what (vendor-decisions): rows written up to
 * this many minutes late (by their own time) are still caught when the order is by time.
 */
const LOOK_BACK_MINUTES = 30;
const stateOf = (state: unknown) => state as NewestFirstState | undefined;

const locationFilter = (ctx: Parameters<PollEvent['poll']>[0]): IDataObject => {
  const location = locatorValue(ctx, 'locationId');
  return location ? { location_id: Number(location) } : {};
};

export const NECTIFI_POLL_EVENTS: PollEvent[] = [
  {
    value: 'newGuest',
    name: 'New Guest',
    description: 'A guest profile was created (a WiFi sign-up or a guest added by API)',
    properties: [optionsCollection('newGuest', [lookBackOption(LOOK_BACK_MINUTES, 'guests'), consentOption('marketing_consent is true')])],
    async poll(ctx, runner, previous, nowMs = Date.now()) {
      const lookBack = { timeOf: (item: IDataObject) => parseVendorTime(item.created_at), lookBackMs: lookBackMs(ctx, LOOK_BACK_MINUTES), nowMs };
      const found = await pollNewestFirst(runner, listGuests, {}, stateOf(previous), lookBack);
      return { items: found.items.filter(consentFilter('nectifi', onlyAcceptedMarketing(ctx))), state: found.state };
    },
    async recent(ctx, runner) {
      const items = await recentNewestFirst(runner, listGuests, {}, onlyAcceptedMarketing(ctx) ? 50 : MANUAL_SAMPLE_SIZE);
      return items.filter(consentFilter('nectifi', onlyAcceptedMarketing(ctx))).slice(-MANUAL_SAMPLE_SIZE);
    },
  },
  {
    value: 'newSession',
    name: 'New WiFi Session',
    description: 'A guest connected to your WiFi',
    properties: [
      {
        displayName: 'Location',
        name: 'locationId',
        type: 'resourceLocator',
        default: { mode: 'list', value: '' },
        description: 'Only sessions at this WiFi location. Leave empty for all locations.',
        displayOptions: { show: { event: ['newSession'] } },
        modes: [
          {
            displayName: 'From List',
            name: 'list',
            type: 'list',
            typeOptions: { searchListMethod: searchMethodName(listSessions.fields.location_id.dropdown), searchable: true },
          },
          { displayName: 'By ID', name: 'id', type: 'string', placeholder: '1' },
        ],
      },
      optionsCollection('newSession', [lookBackOption(LOOK_BACK_MINUTES, 'sessions')]),
    ],
    async poll(ctx, runner, previous, nowMs = Date.now()) {
      const lookBack = { timeOf: (item: IDataObject) => parseVendorTime(item.started_at), lookBackMs: lookBackMs(ctx, LOOK_BACK_MINUTES), nowMs };
      return await pollNewestFirst(runner, listSessions, locationFilter(ctx), stateOf(previous), lookBack);
    },
    recent: async (ctx, runner) => await recentNewestFirst(runner, listSessions, locationFilter(ctx), MANUAL_SAMPLE_SIZE),
  },
  ...lifecyclePollEvents('nectifi'),
];
