import { type Row, type Visit, byStart } from './visits';

/*
 * Lifecycle events derived from visits, as pure functions. Zapier keeps no state of its own and
 * derives from one read (`*Within`); n8n keeps a bounded state in the node's static data and
 * derives from what is new since the last poll (`stepLifecycle` in `step.ts`). Both give each event
 * the same stable `event_id`, so one event is one id on either platform.
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export interface LifecycleEvent {
  id: string;
  /** When it happened (vendor time): a visit's start, a visit's end, the moment a guest lapsed. */
  at: number;
  item: Row;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function returningEvent(visit: Visit, visitNumber: number): LifecycleEvent {
  const id = `returningGuest:${visit.guest}:${visit.key}`;
  return {
    id,
    at: visit.start,
    item: { event_id: id, guest_id: visit.guest, visit_number: visitNumber, visit_id: visit.key, visit_started_at: iso(visit.start), visit: visit.row },
  };
}

export function endedEvent(visit: Visit & { end: number }): LifecycleEvent {
  const id = `visitEnded:${visit.key}`;
  return {
    id,
    at: visit.end,
    item: {
      event_id: id,
      guest_id: visit.guest,
      visit_id: visit.key,
      visit_started_at: iso(visit.start),
      visit_ended_at: iso(visit.end),
      duration_seconds: Math.max(0, Math.round((visit.end - visit.start) / 1000)),
      visit: visit.row,
    },
  };
}

export function lapseEvent(guest: string, lastStart: number, lastKey: string, lapseMs: number): LifecycleEvent {
  const id = `lapsedGuest:${guest}:${lastKey}`;
  const at = lastStart + lapseMs;
  return {
    id,
    at,
    item: { event_id: id, guest_id: guest, last_visit_id: lastKey, last_visit_at: iso(lastStart), lapsed_at: iso(at), days_without_visit: Math.round(lapseMs / DAY_MS) },
  };
}

function byGuest(visits: Visit[]): Map<string, Visit[]> {
  const groups = new Map<string, Visit[]>();
  for (const visit of [...visits].sort(byStart)) {
    const list = groups.get(visit.guest);
    if (list) list.push(visit);
    else groups.set(visit.guest, [visit]);
  }
  return groups;
}

/**
 * Each visit's number among its guest's visits that started in the `countWindowMs` up to it (that
 * visit included; ties by start go by key). Complete for a visit whose window the read covers.
 */
export function visitNumbers(visits: Visit[], countWindowMs: number): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const list of byGuest(visits).values()) {
    let first = 0;
    list.forEach((visit, index) => {
      while (list[first].start <= visit.start - countWindowMs) first += 1;
      numbers.set(visit.key, index - first + 1);
    });
  }
  return numbers;
}

/** Returning Guest from one read: the visits since `since` that are their guest's `visitNumber`th. The read must start `countWindowMs` before `since`. */
export function returningWithin(visits: Visit[], visitNumber: number, countWindowMs: number, since: number): LifecycleEvent[] {
  const numbers = visitNumbers(visits, countWindowMs);
  return visits.filter((v) => v.start >= since && numbers.get(v.key) === visitNumber).map((v) => returningEvent(v, visitNumber));
}

/** Visit Ended from one read: the visits that have ended by `now`. */
export function endedWithin(visits: Visit[], now: number): LifecycleEvent[] {
  return visits.filter((v): v is Visit & { end: number } => v.end !== undefined && v.end <= now).map(endedEvent);
}

/**
 * Lapsed Guest from one read: each visit followed by no other of its guest for `lapseMs` (the guest
 * may have come back since), the lapse falling in `[since, now]`. The read must start `lapseMs`
 * before `since`, so that it holds the visit before each such lapse and any visit after it.
 */
export function lapsedWithin(visits: Visit[], lapseMs: number, since: number, now: number): LifecycleEvent[] {
  const events: LifecycleEvent[] = [];
  for (const [guest, list] of byGuest(visits)) {
    list.forEach((visit, index) => {
      const at = visit.start + lapseMs;
      const next = list[index + 1];
      if ((!next || next.start > at) && at <= now && at >= since) events.push(lapseEvent(guest, visit.start, visit.key, lapseMs));
    });
  }
  return events;
}
