import type { Vendor } from '../core/operation';
import { DAY_MS, HOUR_MS } from './derive';
import { wholeNumber } from './number-input';
import { VISIT_SOURCES } from './sources';
import type { LifecycleKind, LifecycleSettings } from './step';
import type { VisitSource } from './visits';

/** A lifecycle event as both platforms show it; the n8n event value and the Zapier trigger key are `kind`. */
export interface LifecycleEventSpec {
  kind: LifecycleKind;
  label: string;
  /** n8n's event description (no final period). */
  summary: string;
  /** Zapier's "Triggers when ..." */
  zapierDescription: string;
  /** Whether the vendor's visits say when they end (Visit Ended needs it). */
  needsEnd?: boolean;
}

export const LIFECYCLE_EVENTS: LifecycleEventSpec[] = [
  {
    kind: 'returningGuest',
    label: 'Returning Guest',
    summary: "A guest's Nth visit within the counting window (e.g. the 2nd visit in 30 days)",
    zapierDescription: "Triggers when a guest makes their Nth visit within a number of days, for example a second visit within 30 days.",
  },
  {
    kind: 'visitEnded',
    label: 'Visit Ended',
    summary: 'A visit ended, with its start, end and duration (for dwell-time and review-request plays)',
    zapierDescription: 'Triggers when a guest visit ends, with its duration in seconds.',
    needsEnd: true,
  },
  {
    kind: 'lapsedGuest',
    label: 'Lapsed Guest',
    summary: 'A guest has not visited for N days (once per lapse; again only after a new visit and a new lapse)',
    zapierDescription: 'Triggers when a guest has not visited for a number of days, once per lapse.',
  },
];

/** The lifecycle events a vendor's visits support (anykrowd has no visits). */
export function lifecycleEventsFor(vendor: Vendor): Array<{ spec: LifecycleEventSpec; source: VisitSource }> {
  const source = (VISIT_SOURCES as Partial<Record<Vendor, VisitSource>>)[vendor];
  if (!source) return [];
  return LIFECYCLE_EVENTS.filter((spec) => !spec.needsEnd || source.endOf).map((spec) => ({ spec, source }));
}

/** The user's choices, in the units the forms show, with their defaults and bounds. */
export const LIFECYCLE_INPUTS = {
  visitNumber: { label: 'Visit Number', default: 2, min: 2, max: 100, help: 'Which visit triggers: 2 for a guest\'s second visit, 5 for the fifth, counted within the counting window.' },
  countWindowDays: { label: 'Count Visits Within (Days)', default: 30, min: 1, max: 90, help: 'Visits are counted within this many days before each visit (at most 90).' },
  lapseDays: { label: 'Days Without a Visit', default: 30, min: 1, max: 90, help: 'A guest lapses when this many days pass after their last visit (at most 90).' },
  longestVisitHours: { label: 'Longest Visit (Hours)', default: 12, min: 1, max: 72, help: 'Visits are followed to their end for this many hours after they start; a longer visit is not reported.' },
} as const;

export type LifecycleInputName = keyof typeof LIFECYCLE_INPUTS;

/** Which inputs each event shows. */
export const LIFECYCLE_INPUTS_OF: Record<LifecycleKind, LifecycleInputName[]> = {
  returningGuest: ['visitNumber', 'countWindowDays'],
  visitEnded: ['longestVisitHours'],
  lapsedGuest: ['lapseDays'],
};

function bounded(name: LifecycleInputName, value: unknown): number {
  return wholeNumber(name, LIFECYCLE_INPUTS[name], value);
}

/** Settings from the user's inputs (missing ones take their defaults; a bad one fails naming the field). */
export function lifecycleSettings(inputs: Partial<Record<LifecycleInputName, unknown>>, lookBackMs: number): LifecycleSettings {
  return {
    visitNumber: bounded('visitNumber', inputs.visitNumber),
    countWindowMs: bounded('countWindowDays', inputs.countWindowDays) * DAY_MS,
    lapseMs: bounded('lapseDays', inputs.lapseDays) * DAY_MS,
    longestVisitMs: bounded('longestVisitHours', inputs.longestVisitHours) * HOUR_MS,
    lookBackMs,
  };
}
