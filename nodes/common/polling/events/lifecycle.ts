import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import type { Vendor } from '../../../../shared/core/operation';
import {
  BIRTHDAY_EVENT,
  BIRTHDAY_SOURCES,
  type BirthdaySource,
  type BirthdayState,
  LIFECYCLE_INPUTS,
  LIFECYCLE_INPUTS_OF,
  type LifecycleEventSpec,
  type LifecycleState,
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

function inputProperties(spec: LifecycleEventSpec): INodeProperties[] {
  return LIFECYCLE_INPUTS_OF[spec.kind].map((name) => {
    const input = LIFECYCLE_INPUTS[name];
    const fallback = input.default;
    return {
      displayName: input.label,
      name,
      type: 'number',
      typeOptions: { minValue: input.min, maxValue: input.max, numberPrecision: 0 },
      default: fallback,
      description: input.help,
      displayOptions: { show: { event: [spec.kind] } },
    };
  });
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
      return events.slice(0, MANUAL_SAMPLE_SIZE).reverse().map((event) => event.item as IDataObject);
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
      {
        displayName: input.label,
        name: 'daysBefore',
        type: 'number',
        typeOptions: { minValue: input.min, maxValue: input.max, numberPrecision: 0 },
        default: fallback,
        description: input.help,
        displayOptions: { show: { event: [BIRTHDAY_EVENT.kind] } },
      },
      optionsCollection(BIRTHDAY_EVENT.kind, [consentOption('unsubscribed is false')]),
    ],
    async poll(ctx, runner, previous, nowMs = Date.now()) {
      const { events, state } = stepBirthdays(source, previous as BirthdayState | undefined, await guests(ctx, runner), nowMs, daysBefore(ctx));
      return { items: events.map((event) => event.item as IDataObject), state };
    },
    async recent(ctx, runner, nowMs = Date.now()) {
      const events = recentBirthdays(source, await guests(ctx, runner), nowMs, daysBefore(ctx));
      return events.slice(0, MANUAL_SAMPLE_SIZE).reverse().map((event) => event.item as IDataObject);
    },
  };
}

/** A vendor's lifecycle events, from its visit and birthday declarations (`shared/lifecycle`). */
export function lifecyclePollEvents(vendor: Vendor): PollEvent[] {
  const birthdays = BIRTHDAY_SOURCES[vendor];
  return [...lifecycleEventsFor(vendor).map(({ spec, source }) => lifecycleEvent(spec, source)), ...(birthdays ? [birthdayEvent(birthdays)] : [])];
}
