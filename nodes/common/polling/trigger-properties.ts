import type { INodeProperties } from 'n8n-workflow';
import type { PollEvent } from './poll-event';

/** The event chooser and each event's own parameters. */
export function pollTriggerProperties(events: PollEvent[]): INodeProperties[] {
  const firstEvent = events[0].value;
  return [
    {
      displayName: 'Trigger On',
      name: 'event',
      type: 'options',
      noDataExpression: true,
      required: true,
      options: events.map((e) => ({ name: e.name, value: e.value, description: e.description })),
      default: firstEvent,
    },
    ...events.flatMap((e) => e.properties),
  ];
}
