import { type Bundle, type Trigger, type ZObject, defineTrigger } from 'zapier-platform-core';
import * as zod from '../../shared/core/zod';
import type { Vendor } from '../../shared/core/operation';
import {
  BIRTHDAY_EVENT,
  BIRTHDAY_SOURCES,
  type BirthdaySource,
  DAY_MS,
  LIFECYCLE_INPUTS,
  LIFECYCLE_INPUTS_OF,
  type LifecycleEvent,
  type LifecycleEventSpec,
  type VisitSource,
  endedEvent,
  lapseEvent,
  lifecycleEventsFor,
  lifecycleSettings,
  recentLifecycleEvents,
  birthdayEvent,
  consentFilter,
  daysBeforeOf,
  recentBirthdays,
  returningEvent,
  toVisit,
  type NumberInput,
} from '../../shared/lifecycle';
import { consentField } from './consent-field';
import { zapierErrors } from './errors';
import type { InputField } from './input-fields';
import type { Item } from './operations';
import { outputFieldsFor } from './output-fields';
import { MAX_RESULTS } from './polling-trigger';
import { asTriggerResults, forBundle } from './polling';
import { type VendorBinding, flagOf, runnerFor } from './runner';
import { sampleWithOutputFields } from './sample';

/**
 * Zapier keeps no state for a polling trigger: it drops the ids it has seen. So each poll derives
 * the events of the last day from one read of the visits (back as far as the event needs: the count
 * window, the lapse or the longest visit), with the same `event_id` n8n gives them; an event is
 * returned by every poll of that day and emitted once. Limits (zapier/README.md): a Zap switched
 * off for more than a day misses what happened meanwhile, and each poll reads the whole span.
 */
const HORIZON_MS = DAY_MS;
/** Late visits and vendor clocks, as the n8n trigger's default look-back. */
const LOOK_BACK_MS = 30 * 60_000;

/** A whole-number input field of one event, from its shared declaration. */
function numberField(key: string, input: NumberInput): InputField {
  return { key, label: input.label, helpText: `${input.help} Default ${input.default}.`, type: 'integer', required: false, default: String(input.default) };
}

function inputFields(spec: LifecycleEventSpec): InputField[] {
  return LIFECYCLE_INPUTS_OF[spec.kind].map((name) => numberField(name, LIFECYCLE_INPUTS[name]));
}

const eventFields: Record<LifecycleEventSpec['kind'], Record<string, zod.ZodMiniType>> = {
  returningGuest: { visit_number: zod.number(), visit_id: zod.string(), visit_started_at: zod.string() },
  visitEnded: { visit_id: zod.string(), visit_started_at: zod.string(), visit_ended_at: zod.string(), duration_seconds: zod.number() },
  lapsedGuest: { last_visit_id: zod.string(), last_visit_at: zod.string(), lapsed_at: zod.string(), days_without_visit: zod.number() },
};

function outputSchema(spec: LifecycleEventSpec, source: VisitSource) {
  const visit = spec.kind === 'lapsedGuest' ? {} : { visit: source.op.output };
  return zod.looseObject({ id: zod.string(), event_id: zod.string(), guest_id: zod.string(), ...eventFields[spec.kind], ...visit });
}

/** The event made from the declaration's sample visit. */
function sampleEvent(spec: LifecycleEventSpec, source: VisitSource): LifecycleEvent {
  const visit = toVisit(source, source.op.sample as Item);
  if (!visit) throw new Error(`${source.op.id}: its sample is not a visit`);
  if (spec.kind === 'returningGuest') return returningEvent(visit, LIFECYCLE_INPUTS.visitNumber.default);
  if (spec.kind === 'lapsedGuest') return lapseEvent(visit.guest, visit.start, visit.key, LIFECYCLE_INPUTS.lapseDays.default * DAY_MS);
  return endedEvent({ ...visit, end: visit.end ?? visit.start + 45 * 60_000 });
}

const asItem = (event: LifecycleEvent): Item => ({ id: event.id, ...event.item });

function lifecycleTrigger<C>(binding: VendorBinding<C>, spec: LifecycleEventSpec, source: VisitSource): Trigger {
  const outputFields = outputFieldsFor(outputSchema(spec, source));
  return defineTrigger({
    key: spec.kind,
    noun: spec.kind === 'visitEnded' ? 'Visit' : 'Guest',
    display: { label: spec.label, description: spec.zapierDescription },
    operation: {
      type: 'polling',
      inputFields: inputFields(spec),
      perform: (z: ZObject, bundle: Bundle) =>
        zapierErrors(z, async () => {
          const settings = lifecycleSettings(bundle.inputData ?? {}, LOOK_BACK_MS);
          const events = await recentLifecycleEvents(runnerFor(binding, z, bundle), spec.kind, source, settings, Date.now(), HORIZON_MS);
          return asTriggerResults(forBundle(bundle, events.slice(0, MAX_RESULTS).map(asItem)));
        }),
      sample: sampleWithOutputFields(asItem(sampleEvent(spec, source)), outputFields),
      outputFields,
    },
  });
}

/** Guest Birthday: the guest list read whole, the birthdays announced today and yesterday. */
function birthdayTrigger<C>(binding: VendorBinding<C>, source: BirthdaySource): Trigger {
  const input = BIRTHDAY_EVENT.daysBefore;
  const schema = zod.looseObject({ id: zod.string(), event_id: zod.string(), guest_id: zod.string(), birthdate: zod.string(), birthday: zod.string(), days_before: zod.number(), age: zod.number(), guest: source.op.output });
  const outputFields = outputFieldsFor(schema);
  const sampleGuest = { ...(source.op.sample as Item), birthdate: '1990-06-21' };
  return defineTrigger({
    key: BIRTHDAY_EVENT.kind,
    noun: 'Guest',
    display: { label: BIRTHDAY_EVENT.label, description: BIRTHDAY_EVENT.zapierDescription },
    operation: {
      type: 'polling',
      inputFields: [
        numberField('daysBefore', input),
        consentField(source.vendor),
      ],
      perform: (z: ZObject, bundle: Bundle) =>
        zapierErrors(z, async () => {
          const daysBefore = daysBeforeOf(bundle.inputData?.daysBefore);
          const rows = ((await runnerFor(binding, z, bundle).call(source.op, {})) as Item[]).filter(consentFilter(source.vendor, flagOf(bundle.inputData?.onlyAcceptedMarketing)));
          return asTriggerResults(forBundle(bundle, recentBirthdays(source, rows, Date.now(), daysBefore).slice(0, MAX_RESULTS).map(asItem)));
        }),
      sample: sampleWithOutputFields(asItem(birthdayEvent(source, sampleGuest, '2026-06-21', 0)), outputFields),
      outputFields,
    },
  });
}

/** A vendor's lifecycle triggers, keyed by event (`shared/lifecycle` says which its visits and guests support). */
export function lifecycleTriggers<C>(binding: VendorBinding<C>, vendor: Vendor): Record<string, Trigger> {
  const birthdays = BIRTHDAY_SOURCES[vendor];
  return {
    ...Object.fromEntries(lifecycleEventsFor(vendor).map(({ spec, source }) => [spec.kind, lifecycleTrigger(binding, spec, source)])),
    ...(birthdays ? { [BIRTHDAY_EVENT.kind]: birthdayTrigger(binding, birthdays) } : {}),
  };
}
