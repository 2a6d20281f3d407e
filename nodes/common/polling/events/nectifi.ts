import type { IDataObject } from 'n8n-workflow';
import { listGuests, listSessions } from '../../../../shared/nectifi/operations';
import { searchMethodName } from '../../dropdown-methods';
import { pollNewestFirst, recentNewestFirst } from '../newest-first';
import { MANUAL_SAMPLE_SIZE, type PollEvent, locatorValue } from '../poll-event';

const cursorOf = (state: unknown) => (state as { cursor?: number } | undefined)?.cursor;

const locationFilter = (ctx: Parameters<PollEvent['poll']>[0]): IDataObject => {
  const location = locatorValue(ctx, 'locationId');
  return location ? { location_id: Number(location) } : {};
};

export const NECTIFI_POLL_EVENTS: PollEvent[] = [
  {
    value: 'newGuest',
    name: 'New Guest',
    description: 'A guest profile was created (a WiFi sign-up or a guest added by API)',
    properties: [],
    async poll(_ctx, runner, previous) {
      const { items, cursor } = await pollNewestFirst(runner, listGuests, {}, cursorOf(previous));
      return { items, state: { cursor } };
    },
    recent: async (_ctx, runner) => await recentNewestFirst(runner, listGuests, {}, MANUAL_SAMPLE_SIZE),
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
    ],
    async poll(ctx, runner, previous) {
      const { items, cursor } = await pollNewestFirst(runner, listSessions, locationFilter(ctx), cursorOf(previous));
      return { items, state: { cursor } };
    },
    recent: async (ctx, runner) => await recentNewestFirst(runner, listSessions, locationFilter(ctx), MANUAL_SAMPLE_SIZE),
  },
];
