import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import type { Vendor } from '../../../../shared/core/operation';
import { VendorApiError } from '../../../../shared/core/errors';
import {
  BIRTHDAY_EVENT,
  BIRTHDAY_SOURCES,
  type BirthdaySource,
  DAY_MS,
  type BirthdayState,
  LIFECYCLE_INPUTS,
  LIFECYCLE_INPUTS_OF,
  type LifecycleEventSpec,
  type LifecycleState,
  TIER_EVENT,
  TIER_SOURCES,
  type TierSource,
  type TierState,
  applyTierReadings,
  planTierChecks,
  tierReadWindow,
  tierSettings,
  type NumberInput,
  type VisitSource,
  lifecycleEventsFor,
  lifecycleReadWindow,
  lifecycleSettings,
  readVisits,
  recentLifecycleEvents,
  consentFilter,
  daysBeforeOf,
  recentBirthdays,
  stepBirthdays,
  stepLifecycle,
} from '../../../../shared/lifecycle';
import { MANUAL_SAMPLE_SIZE, type PollEvent, consentOption, lookBackMs, lookBackOption, onlyAcceptedMarketing, optionsCollection } from '../poll-event';

/** Visits written this late (or a vendor clock this far off) are still caught. */
const LOOK_BACK_MINUTES = 30;
/** A manual run shows the events of the last week. */
const SAMPLE_HORIZON_MS = 7 * 86_400_000;

/** A whole-number parameter of one event, from its shared declaration. */
function numberProperty(event: string, name: string, input: NumberInput): INodeProperties {
  const fallback = input.default;
  return {
    displayName: input.label,
    name,
    type: 'number',
    typeOptions: { minValue: input.min, maxValue: input.max, numberPrecision: 0 },
    default: fallback,
    description: input.help,
    displayOptions: { show: { event: [event] } },
  };
}

/** Events come newest first; a manual run shows a few, oldest first. */
function sampleOf(events: { item: unknown }[]): IDataObject[] {
  return events.slice(0, MANUAL_SAMPLE_SIZE).reverse().map((event) => event.item as IDataObject);
}

function inputProperties(spec: LifecycleEventSpec): INodeProperties[] {
  return LIFECYCLE_INPUTS_OF[spec.kind].map((name) => numberProperty(spec.kind, name, LIFECYCLE_INPUTS[name]));
}

function settingsOf(ctx: IPollFunctions, spec: LifecycleEventSpec) {
  const inputs = Object.fromEntries(LIFECYCLE_INPUTS_OF[spec.kind].map((name) => [name, ctx.getNodeParameter(name, LIFECYCLE_INPUTS[name].default)]));
  return lifecycleSettings(inputs, lookBackMs(ctx, LOOK_BACK_MINUTES));
}

function lifecycleEvent(spec: LifecycleEventSpec, source: VisitSource): PollEvent {
  return {
    value: spec.kind,
    name: spec.label,
    description: spec.summary,
    properties: [...inputProperties(spec), optionsCollection(spec.kind, [lookBackOption(LOOK_BACK_MINUTES, `${source.noun}s`)])],
    async poll(ctx, runner, previous, nowMs = Date.now()) {
      const settings = settingsOf(ctx, spec);
      const state = previous as LifecycleState | undefined;
      const { since, until } = lifecycleReadWindow(spec.kind, state, nowMs, settings);
      const visits = await readVisits(runner, source, since, until);
      const { events, state: next } = stepLifecycle(spec.kind, state, visits, nowMs, settings);
      return { items: events.map((event) => event.item as IDataObject), state: next };
    },
    async recent(ctx, runner, nowMs = Date.now()) {
      const events = await recentLifecycleEvents(runner, spec.kind, source, settingsOf(ctx, spec), nowMs, SAMPLE_HORIZON_MS);
      return sampleOf(events);
    },
  };
}

function birthdayEvent(source: BirthdaySource): PollEvent {
  const input = BIRTHDAY_EVENT.daysBefore;
  const fallback = input.default;
  const guests = async (ctx: IPollFunctions, runner: Parameters<PollEvent['poll']>[1]) => {
    const rows = (await runner.call(source.op, {})) as IDataObject[];
    return rows.filter(consentFilter(source.vendor, onlyAcceptedMarketing(ctx)));
  };
  const daysBefore = (ctx: IPollFunctions) => daysBeforeOf(ctx.getNodeParameter('daysBefore', fallback));
  return {
    value: BIRTHDAY_EVENT.kind,
    name: BIRTHDAY_EVENT.label,
    description: BIRTHDAY_EVENT.summary,
    properties: [
      numberProperty(BIRTHDAY_EVENT.kind, 'daysBefore', input),
      optionsCollection(BIRTHDAY_EVENT.kind, [consentOption('unsubscribed is false')]),
    ],
    async poll(ctx, runner, previous, nowMs = Date.now()) {
      const { events, state } = stepBirthdays(source, previous as BirthdayState | undefined, await guests(ctx, runner), nowMs, daysBefore(ctx));
      return { items: events.map((event) => event.item as IDataObject), state };
    },
    async recent(ctx, runner, nowMs = Date.now()) {
      const events = recentBirthdays(source, await guests(ctx, runner), nowMs, daysBefore(ctx));
      return sampleOf(events);
    },
  };
}

type Runner = Parameters<PollEvent['poll']>[1];

/** Each guest's tier, or undefined for a guest the vendor no longer knows (404). */
async function readTiers(runner: Runner, source: TierSource, guests: string[]): Promise<Map<string, IDataObject | undefined>> {
  const readings = new Map<string, IDataObject | undefined>();
  for (const guest of guests) {
    const id = /^\d+$/.test(guest) ? Number(guest) : guest;
    // A guest the vendor no longer knows is dropped; any other failure fails the poll (n8n keeps the old state).
    const gone = (error: unknown) => error instanceof VendorApiError && error.status === 404;
    const row = await runner.call(source.op, { [source.guestField]: id }).catch((error: unknown) => (gone(error) ? undefined : Promise.reject(error)));
    readings.set(guest, row as IDataObject | undefined);
  }
  return readings;
}

function tierEvent(source: TierSource): PollEvent {
  const number = (name: 'watchDays' | 'checksPerPoll') => numberProperty(TIER_EVENT.kind, name, TIER_EVENT[name]);
  const settingsOf = (ctx: IPollFunctions) =>
    tierSettings(
      { watchDays: ctx.getNodeParameter('watchDays', TIER_EVENT.watchDays.default), checksPerPoll: ctx.getNodeParameter('checksPerPoll', TIER_EVENT.checksPerPoll.default) },
      lookBackMs(ctx, LOOK_BACK_MINUTES),
    );
  return {
    value: TIER_EVENT.kind,
    name: TIER_EVENT.label,
    description: TIER_EVENT.summary,
    properties: [number('watchDays'), number('checksPerPoll'), optionsCollection(TIER_EVENT.kind, [lookBackOption(LOOK_BACK_MINUTES, `${source.visits.noun}s`)])],
    async poll(ctx, runner, previous, nowMs = Date.now()) {
      const settings = settingsOf(ctx);
      const state = previous as TierState | undefined;
      const { since, until } = tierReadWindow(state, nowMs, settings);
      const planned = planTierChecks(state, await readVisits(runner, source.visits, since, until), nowMs, settings);
      const { events, state: next } = applyTierReadings(planned.state, await readTiers(runner, source, planned.check), source, nowMs);
      return { items: events.map((event) => event.item as IDataObject), state: next };
    },
    // A change needs two readings apart in time: a manual run shows the current tier of a few recent visitors.
    async recent(ctx, runner, nowMs = Date.now()) {
      const settings = { ...settingsOf(ctx), checksPerPoll: MANUAL_SAMPLE_SIZE };
      const planned = planTierChecks(undefined, await readVisits(runner, source.visits, nowMs - DAY_MS, nowMs + 60_000), nowMs, settings);
      const readings = await readTiers(runner, source, planned.check);
      return [...readings].flatMap(([guest, row]) => (row ? [{ event_id: null, guest_id: guest, previous_tier: null, tier: source.tierOf(row) ?? null, detected_at: new Date(nowMs).toISOString(), loyalty: row }] : []));
    },
  };
}

/** A vendor's lifecycle events, from its visit, birthday and tier declarations (`shared/lifecycle`). */
export function lifecyclePollEvents(vendor: Vendor): PollEvent[] {
  const birthdays = BIRTHDAY_SOURCES[vendor];
  const tiers = TIER_SOURCES[vendor];
  return [
    ...lifecycleEventsFor(vendor).map(({ spec, source }) => lifecycleEvent(spec, source)),
    ...(birthdays ? [birthdayEvent(birthdays)] : []),
    ...(tiers ? [tierEvent(tiers)] : []),
  ];
}
