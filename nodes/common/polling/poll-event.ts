import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import type { OperationRunner } from '../../../shared/client/runner';

/** One "new X" event of a polling trigger. */
export interface PollEvent {
  value: string;
  name: string;
  description: string;
  /** Parameters shown for this event (filters, look-back). */
  properties: INodeProperties[];
  /**
   * New items since `previous` state; without state, records where the list is and emits nothing.
   * `nowMs` is this machine's clock (n8n's `Date.now()` when omitted; tests pass a skewed one).
   */
  poll(ctx: IPollFunctions, runner: OperationRunner, previous: unknown, nowMs?: number): Promise<{ items: IDataObject[]; state: unknown }>;
  /** A few recent items, oldest first, for a manual test run. Leaves the state alone. */
  recent(ctx: IPollFunctions, runner: OperationRunner, nowMs?: number): Promise<IDataObject[]>;
}

export const MANUAL_SAMPLE_SIZE = 5;

export const lookBackOption = (defaultMinutes: number, what: string): INodeProperties => ({
  displayName: 'Look Back (Minutes)',
  name: 'lookBackMinutes',
  type: 'number',
  typeOptions: { minValue: 1, maxValue: 1440 },
  default: defaultMinutes,
  description: `Each check also reads ${what} from this many minutes before the newest one seen, so that rows written late or a clock difference with the vendor lose nothing. Items already emitted are never emitted again.`,
});

/** The look-back in ms; `defaultMinutes` is the option's own default, used while it is not added. */
export function lookBackMs(ctx: IPollFunctions, defaultMinutes = 10): number {
  const options = ctx.getNodeParameter('options', {}) as IDataObject;
  const minutes = typeof options.lookBackMinutes === 'number' ? options.lookBackMinutes : undefined;
  return (minutes ?? defaultMinutes) * 60_000;
}

export function optionsCollection(event: string, options: INodeProperties[]): INodeProperties {
  return {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: { show: { event: [event] } },
    options,
  };
}

/** The value of an optional resource locator parameter, or undefined. */
export function locatorValue(ctx: IPollFunctions, name: string): string | undefined {
  const raw = ctx.getNodeParameter(name, undefined) as unknown;
  const value = raw && typeof raw === 'object' && '__rl' in raw ? (raw as { value?: unknown }).value : raw;
  return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim();
}

/** Added to a guest event of a vendor whose guests say whether they accepted marketing; off unless added. */
export const consentOption = (what: string): INodeProperties => ({
  displayName: 'Only Guests Who Accepted Marketing',
  name: 'onlyAcceptedMarketing',
  type: 'boolean',
  default: false,
  description: `Whether to emit only guests who accepted marketing (${what}). Others are skipped, not held back: they are not emitted later either.`,
});

export function onlyAcceptedMarketing(ctx: IPollFunctions): boolean {
  const options = ctx.getNodeParameter('options', {}) as IDataObject;
  return options.onlyAcceptedMarketing === true;
}
