import { type LifecycleEvent, endedEvent, lapseEvent, returningEvent } from './derive';
import { type Visit, byStart } from './visits';

export type LifecycleKind = 'returningGuest' | 'visitEnded' | 'lapsedGuest';

export interface LifecycleSettings {
  /** Returning Guest: which visit (2 = the second). */
  visitNumber: number;
  /** Returning Guest: visits are counted within this span before each one. */
  countWindowMs: number;
  /** Lapsed Guest: no visit for this long. */
  lapseMs: number;
  /** Visit Ended: visits longer than this are not followed to their end. */
  longestVisitMs: number;
  /** Rows written this late (or a vendor clock this far off) are still caught. */
  lookBackMs: number;
}

/**
 * The state n8n keeps between polls (the node's static data), bounded:
 * - `seen`: keys of visits already taken in, with their start, only within the look-back of `cursor`
 *   (Visit Ended: the ended visits emitted, within the longest visit);
 * - `starts` (Returning Guest): per guest, the starts within the count window;
 * - `last` (Lapsed Guest): per guest with a visit in the last `lapseMs`, its last visit; dropped once the lapse is emitted.
 * Per-guest maps hold at most `MAX_GUESTS`: past it, the guests seen longest ago go first.
 */
export interface LifecycleState {
  cursor: number;
  seen: Array<[string, number]>;
  starts?: Record<string, number[]>;
  last?: Record<string, [number, string]>;
}

export const MAX_GUESTS = 20_000;

/** The visits a poll reads: those that started in `[since, until)`. */
export function lifecycleReadWindow(kind: LifecycleKind, previous: LifecycleState | undefined, now: number, settings: LifecycleSettings): { since: number; until: number } {
  const until = now + Math.max(60_000, settings.lookBackMs);
  const cursor = previous ? Math.min(previous.cursor, now) : undefined;
  // Visit Ended: every visit that can have ended since the last poll, however long ago that was.
  if (kind === 'visitEnded') return { since: (cursor ?? now) - settings.longestVisitMs - settings.lookBackMs, until };
  if (cursor !== undefined) return { since: cursor - settings.lookBackMs, until };
  // The first poll: what numbers a visit (or ends a lapse) up to a look-back before now, as later polls take in visits that far back.
  return { since: now - (kind === 'returningGuest' ? settings.countWindowMs : settings.lapseMs) - settings.lookBackMs, until };
}

/** Whole seconds: vendor filters take whole seconds, so a window may start up to a second early. */
const floorSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

/**
 * One poll of a lifecycle event: the visits read from `lifecycleReadWindow` and the previous state
 * in, the events (oldest first) and the next state out. Without a previous state it records where
 * things are and emits nothing.
 *
 * A visit is taken in once it is *settled*: it started at least the look-back ago, so every visit
 * written up to the look-back late is known by then, and a guest's visits are numbered in the order
 * they happened, not in the order they were written. Likewise a lapse is emitted a look-back after
 * it happened, once no late visit can undo it. The first poll takes in everything it reads.
 */
export function stepLifecycle(
  kind: LifecycleKind,
  previous: LifecycleState | undefined,
  visits: Visit[],
  now: number,
  settings: LifecycleSettings,
): { events: LifecycleEvent[]; state: LifecycleState } {
  if (kind === 'visitEnded') return stepEnded(previous, visits, now, settings);
  const seen = new Map(previous?.seen ?? []);
  const settledBy = previous ? now - settings.lookBackMs : Infinity;
  const fresh: Visit[] = [];
  let cursor = Math.max(previous ? Math.min(previous.cursor, now) : -Infinity, now - settings.lookBackMs);
  for (const visit of [...visits].sort(byStart)) {
    if (seen.has(visit.key) || visit.start > settledBy) continue;
    seen.set(visit.key, visit.start);
    fresh.push(visit);
    if (visit.start <= now) cursor = Math.max(cursor, visit.start);
  }
  const keepFrom = floorSecond(cursor - settings.lookBackMs);
  const state: LifecycleState = { cursor, seen: [...seen].filter(([, start]) => start >= keepFrom) };
  const events = kind === 'returningGuest' ? takeReturning(previous, fresh, state, settings) : takeLapsed(previous, fresh, state, now, settings);
  return { events: events.sort((a, b) => a.at - b.at), state };
}

function takeReturning(previous: LifecycleState | undefined, fresh: Visit[], state: LifecycleState, settings: LifecycleSettings): LifecycleEvent[] {
  const starts: Record<string, number[]> = { ...previous?.starts };
  const events: LifecycleEvent[] = [];
  for (const visit of fresh) {
    const list = [...(starts[visit.guest] ?? []), visit.start].sort((a, b) => a - b);
    starts[visit.guest] = list;
    const number = list.filter((start) => start > visit.start - settings.countWindowMs && start <= visit.start).length;
    if (previous && number === settings.visitNumber) events.push(returningEvent(visit, number));
  }
  // A visit read later starts at or after the next window, `cursor - lookBack`: what counts for it is kept.
  const keepFrom = floorSecond(state.cursor - settings.lookBackMs) - settings.countWindowMs;
  const kept = Object.entries(starts)
    .map(([guest, list]) => [guest, list.filter((start) => start > keepFrom)] as const)
    .filter(([, list]) => list.length > 0)
    .sort(([, a], [, b]) => b[b.length - 1] - a[a.length - 1])
    .slice(0, MAX_GUESTS);
  state.starts = Object.fromEntries(kept);
  return events;
}

function takeLapsed(previous: LifecycleState | undefined, fresh: Visit[], state: LifecycleState, now: number, settings: LifecycleSettings): LifecycleEvent[] {
  const last: Record<string, [number, string]> = { ...previous?.last };
  const events: LifecycleEvent[] = [];
  for (const visit of fresh) {
    const known = last[visit.guest];
    // Lapsed and back between two polls: the lapse still happened.
    if (previous && known && visit.start > known[0] + settings.lapseMs) events.push(lapseEvent(visit.guest, known[0], known[1], settings.lapseMs));
    if (!known || visit.start > known[0]) last[visit.guest] = [visit.start, visit.key];
  }
  for (const [guest, [start, key]] of Object.entries(last)) {
    // A first poll emits nothing and forgets the guests who lapsed before it: not the trigger's news.
    if (start + settings.lapseMs > (previous ? now - settings.lookBackMs : now)) continue;
    if (previous) events.push(lapseEvent(guest, start, key, settings.lapseMs));
    delete last[guest];
  }
  const kept = Object.entries(last)
    .sort(([, a], [, b]) => b[0] - a[0])
    .slice(0, MAX_GUESTS);
  state.last = Object.fromEntries(kept);
  return events;
}

function stepEnded(previous: LifecycleState | undefined, visits: Visit[], now: number, settings: LifecycleSettings) {
  const emitted = new Map(previous?.seen ?? []);
  const events: LifecycleEvent[] = [];
  for (const visit of [...visits].sort(byStart)) {
    if (visit.end === undefined || emitted.has(visit.key)) continue;
    emitted.set(visit.key, visit.start);
    if (previous) events.push(endedEvent(visit as Visit & { end: number }));
  }
  // The next poll reads from `now` less the longest visit and the look-back: keep what it can bring back.
  const keepFrom = floorSecond(now - settings.longestVisitMs - settings.lookBackMs);
  const state: LifecycleState = { cursor: now, seen: [...emitted].filter(([, start]) => start >= keepFrom) };
  return { events: events.sort((a, b) => a.at - b.at), state };
}
