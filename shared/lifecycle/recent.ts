import type { OperationRunner } from '../client/runner';
import { type LifecycleEvent, endedWithin, lapsedWithin, returningWithin } from './derive';
import type { LifecycleKind, LifecycleSettings } from './step';
import { type Row, type VisitSource, readVisits } from './visits';

/**
 * The lifecycle events of the last `horizonMs` from one read, newest first: what a Zapier poll
 * returns (Zapier drops the ids it has seen) and what n8n's manual run shows. The read reaches back
 * as far as the event needs: the count window, the lapse, or the longest visit.
 */
export async function recentLifecycleEvents(
  runner: OperationRunner,
  kind: LifecycleKind,
  source: VisitSource,
  settings: LifecycleSettings,
  now: number,
  horizonMs: number,
  filter: Row = {},
): Promise<LifecycleEvent[]> {
  const since = now - horizonMs;
  const until = now + Math.max(60_000, settings.lookBackMs);
  let events: LifecycleEvent[];
  if (kind === 'returningGuest') {
    const visits = await readVisits(runner, source, since - settings.countWindowMs, until, filter);
    // A visit counts once it is a look-back old: a visit written late can no longer come before it.
    events = returningWithin(visits, settings.visitNumber, settings.countWindowMs, since).filter((event) => event.at <= now - settings.lookBackMs);
  } else if (kind === 'lapsedGuest') {
    const visits = await readVisits(runner, source, since - settings.lapseMs, until, filter);
    // A lapse counts once a look-back has passed: a visit written late can no longer undo it.
    events = lapsedWithin(visits, settings.lapseMs, since, now - settings.lookBackMs);
  } else {
    const visits = await readVisits(runner, source, since - settings.longestVisitMs, until, filter);
    events = endedWithin(visits, now).filter((event) => event.at >= since);
  }
  return events.sort((a, b) => b.at - a.at);
}
