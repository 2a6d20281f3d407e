import fc from 'fast-check';
import {
  BIRTHDAY_CATCH_UP_DAYS,
  BIRTHDAY_SOURCES,
  type BirthdayState,
  type LifecycleKind,
  type LifecycleSettings,
  type LifecycleState,
  TIER_SOURCES,
  type TierState,
  type Visit,
  type VisitSource,
  applyTierReadings,
  planTierChecks,
  recentLifecycleEvents,
  tierReadWindow,
  lifecycleReadWindow,
  stepBirthdays,
  stepLifecycle,
  utcDay,
} from '../../shared/lifecycle';
import { RUNS_PER_TRIGGER, type TriggerFigures, emptyFigures, recordFigures } from './support/check';

/*
 * The lifecycle derivation as n8n runs it (one `stepLifecycle` per poll, the state through JSON as
 * n8n's static data), against a vendor simulated in memory and a model written independently of it:
 * visits arrive up to the look-back late, sessions end later, polls fail (n8n keeps the old state),
 * guests come back, lapse and come back again. Every event due is emitted once, nothing else is,
 * the first poll emits nothing, and the state stays within its bounds.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const EPOCH = Date.UTC(2026, 5, 20, 12);

interface SimVisit {
  guest: string;
  key: string;
  start: number;
  /** When the vendor lists it. */
  arrival: number;
  end?: number;
  /** When the vendor shows its end. */
  endArrival?: number;
}

type Step = { kind: 'visit'; guest: number; lateMs: number; durationMs: number | null; endLateMs: number } | { kind: 'wait'; ms: number } | { kind: 'poll'; fails: boolean };

interface Plan {
  settings: LifecycleSettings;
  before: Step[];
  after: Step[];
}

const order = (a: { start: number; key: string }, b: { start: number; key: string }) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function planOf(kind: LifecycleKind): fc.Arbitrary<Plan> {
  const settings = fc.record({
    visitNumber: fc.integer({ min: 2, max: 4 }),
    countWindowMs: fc.constantFrom(1, 3, 30).map((d) => d * DAY),
    lapseMs: fc.constantFrom(1, 2, 7).map((d) => d * DAY),
    longestVisitMs: fc.constantFrom(1, 12).map((h) => h * 60 * MINUTE),
    lookBackMs: fc.constantFrom(1, 5, 30).map((m) => m * MINUTE),
  });
  return settings.chain((s) => {
    const visit = fc.record({
      kind: fc.constant('visit' as const),
      guest: fc.integer({ min: 0, max: 3 }),
      lateMs: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: s.lookBackMs - 1000 }) }),
      durationMs: kind === 'visitEnded' ? fc.option(fc.integer({ min: 0, max: s.longestVisitMs - s.lookBackMs }), { freq: 5 }) : fc.constant(null),
      endLateMs: fc.integer({ min: 0, max: s.lookBackMs - 1000 }),
    });
    const longest = kind === 'lapsedGuest' ? s.lapseMs * 2 : kind === 'returningGuest' ? s.countWindowMs : s.longestVisitMs * 2;
    const wait = fc.record({ kind: fc.constant('wait' as const), ms: fc.oneof(fc.integer({ min: 0, max: 10 * MINUTE }), fc.integer({ min: 0, max: longest })) });
    const poll = fc.record({ kind: fc.constant('poll' as const), fails: fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 3, arbitrary: fc.constant(true) }) });
    const step = fc.oneof({ weight: 4, arbitrary: visit }, { weight: 3, arbitrary: wait }, { weight: 3, arbitrary: poll });
    return fc.record({ settings: fc.constant(s), before: fc.array(fc.oneof(visit, wait), { maxLength: 6 }), after: fc.array(step, { minLength: 1, maxLength: 25 }) });
  });
}

/** The vendor's answer to a read of `[since, until)` at `now`: what has arrived, ends only once shown. */
function vendorRead(visits: SimVisit[], since: number, until: number, now: number): Visit[] {
  return visits
    .filter((v) => v.arrival <= now && v.start >= since && v.start < until)
    .map((v) => ({ guest: v.guest, key: v.key, start: v.start, row: { id: v.key }, ...(v.end !== undefined && (v.endArrival as number) <= now ? { end: v.end } : {}) }));
}

/** The events due, from all visits, by the definitions (not by the code under test). */
function expected(kind: LifecycleKind, visits: SimVisit[], activatedAt: number, s: LifecycleSettings, unsettledMs = 0): string[] {
  const after = visits.filter((v) => v.arrival > activatedAt || v.start > activatedAt - unsettledMs);
  if (kind === 'visitEnded') return visits.filter((v) => v.end !== undefined && (v.endArrival as number) > activatedAt).map((v) => `visitEnded:${v.key}`);
  if (kind === 'returningGuest') {
    return after
      .filter((v) => visits.filter((u) => u.guest === v.guest && order(u, v) <= 0 && u.start > v.start - s.countWindowMs).length === s.visitNumber)
      .map((v) => `returningGuest:${v.guest}:${v.key}`);
  }
  const due: string[] = [];
  const guests = new Set(visits.map((v) => v.guest));
  for (const guest of guests) {
    const list = visits.filter((v) => v.guest === guest).sort(order);
    list.forEach((v, i) => {
      const next = list[i + 1];
      const lapsedAt = v.start + s.lapseMs;
      if ((!next || next.start > lapsedAt) && lapsedAt > activatedAt - unsettledMs) due.push(`lapsedGuest:${guest}:${v.key}`);
    });
  }
  return due;
}

/** Checks the saved state keeps only what its rules allow; returns its number of entries. */
function stateEntries(kind: LifecycleKind, state: LifecycleState, now: number, s: LifecycleSettings): number {
  const floor = (ms: number) => Math.floor(ms / 1000) * 1000;
  const seenFrom = kind === 'visitEnded' ? floor(now - s.longestVisitMs - s.lookBackMs) : floor(state.cursor - s.lookBackMs);
  for (const [key, start] of state.seen) if (start < seenFrom) throw new Error(`state keeps ${key}, older than its window`);
  let entries = state.seen.length;
  for (const [guest, starts] of Object.entries(state.starts ?? {})) {
    for (const start of starts) if (start <= floor(state.cursor - s.lookBackMs) - s.countWindowMs) throw new Error(`state keeps a visit of ${guest} older than the count window`);
    entries += starts.length;
  }
  for (const [guest, [start]] of Object.entries(state.last ?? {})) {
    if (start + s.lapseMs <= now - s.lookBackMs) throw new Error(`state keeps ${guest}, whose lapse is due`);
    entries += 1;
  }
  return entries;
}

function runOnce(kind: LifecycleKind, plan: Plan, figures: TriggerFigures): void {
  const s = plan.settings;
  const visits: SimVisit[] = [];
  let now = EPOCH;
  let next = 1;
  let saved: string | undefined;
  const emitted = new Map<string, number>();
  const apply = (step: Step) => {
    if (step.kind === 'wait') now += step.ms;
    else if (step.kind === 'visit') {
      now += 1000;
      const start = now - step.lateMs;
      const visit: SimVisit = { guest: `g${step.guest}`, key: `v${next++}`, start, arrival: now };
      if (step.durationMs !== null) {
        visit.end = start + step.durationMs;
        visit.endArrival = Math.max(now, visit.end + step.endLateMs);
      }
      visits.push(visit);
    } else poll(step.fails);
  };
  const poll = (fails = false) => {
    figures.polls += 1;
    const previous = saved === undefined ? undefined : (JSON.parse(saved) as LifecycleState);
    const { since, until } = lifecycleReadWindow(kind, previous, now, s);
    const { events, state } = stepLifecycle(kind, previous, vendorRead(visits, since, until, now), now, s);
    if (fails) {
      figures.failedPolls += 1;
      return;
    }
    if (!previous && events.length > 0) throw new Error(`the first poll emitted ${events.map((e) => e.id).join(', ')}`);
    saved = JSON.stringify(state);
    figures.maxStateBytes = Math.max(figures.maxStateBytes, saved.length);
    figures.maxStateEntries = Math.max(figures.maxStateEntries, stateEntries(kind, JSON.parse(saved), now, s));
    for (const event of events) emitted.set(event.id, (emitted.get(event.id) ?? 0) + 1);
  };
  plan.before.forEach(apply);
  now += 1000;
  const activatedAt = now;
  poll();
  plan.after.forEach(apply);
  // Past every end and lapse still to come, plus the look-back: all that is due by then.
  now = Math.max(now, ...visits.map((v) => Math.max(v.endArrival ?? 0, v.start + s.lapseMs))) + s.lookBackMs + MINUTE;
  poll();
  const due = expected(kind, visits, activatedAt, s);
  figures.itemsChecked += visits.length;
  figures.required += due.length;
  const lost = due.filter((id) => !emitted.has(id));
  const duplicated = [...emitted].filter(([, count]) => count > 1).map(([id]) => id);
  const extra = [...emitted.keys()].filter((id) => !due.includes(id));
  figures.lost += lost.length;
  figures.duplicated += duplicated.length;
  figures.preExisting += extra.length;
  if (lost.length || duplicated.length || extra.length) {
    throw new Error(`lost ${lost.join(', ') || '-'}; duplicated ${duplicated.join(', ') || '-'}; emitted though not due ${extra.join(', ') || '-'}`);
  }
}

/** A property's end: its seed kept, a failure reported with its counterexample, the figures recorded, something was due. */
function settle<Ts>(figures: TriggerFigures, details: fc.RunDetails<Ts>): void {
  figures.seed = details.seed;
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `seed ${details.seed}`);
  recordFigures(figures);
  expect(figures.required).toBeGreaterThan(0);
}

test.each(['returningGuest', 'visitEnded', 'lapsedGuest'] as LifecycleKind[])('%s: every event due emitted once, nothing else, nothing on activation, bounded state', (kind) => {
  const figures = emptyFigures(`lifecycle ${kind} (derivation)`);
  const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) ^ kind.length : undefined;
  const details = fc.check(
    fc.property(planOf(kind), (plan) => {
      figures.runs += 1;
      runOnce(kind, plan, figures);
    }),
    { numRuns: RUNS_PER_TRIGGER, seed },
  );
  settle(figures, details);
});

/*
 * Guest Birthday as n8n runs it: guests (some born on 29 February, some without a date) join over
 * two years, polls come at most a few days apart. Each birthday announced on a day after the first
 * poll's (or on that day, for a guest who joined after it) is emitted once; a guest who joined after
 * the day is not owed it.
 */
test('guestBirthday: each birthday due emitted once, nothing on activation, one day of state', () => {
  const source = BIRTHDAY_SOURCES.smartwifi!;
  const figures = emptyFigures('lifecycle guestBirthday (derivation)');
  const birthdate = fc.oneof(
    // Mostly in the months the runs cover (they start on 2 December), so that many birthdays fall due.
    fc.record({ y: fc.integer({ min: 1950, max: 2010 }), m: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(12, 1) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }) }), d: fc.integer({ min: 1, max: 28 }) }).map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc.constantFrom('1992-02-29', '2000-02-29', null, ''),
  );
  const step = fc.oneof(
    fc.record({ kind: fc.constant('guest' as const), birthdate }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: BIRTHDAY_CATCH_UP_DAYS * DAY - MINUTE }) }),
    fc.record({ kind: fc.constant('poll' as const) }),
  );
  const plan = fc.record({ daysBefore: fc.constantFrom(0, 1, 7, 30), before: fc.array(fc.record({ birthdate }), { maxLength: 5 }), after: fc.array(step, { minLength: 1, maxLength: 60 }) });
  const details = fc.check(
    fc.property(plan, ({ daysBefore, before, after }) => {
      figures.runs += 1;
      let now = EPOCH - 200 * DAY;
      const guests: Array<{ row: Record<string, unknown>; joined: number }> = [];
      let next = 1;
      const add = (date: string | null) => guests.push({ row: { id: next++, macaddress: `m${next}`, birthdate: date }, joined: now });
      let saved: string | undefined;
      const emitted = new Map<string, number>();
      const log: Array<{ from: string; day: string; time: number }> = [];
      const poll = () => {
        figures.polls += 1;
        const previous = saved === undefined ? undefined : (JSON.parse(saved) as BirthdayState);
        // After a pause of more than a week, only the last week is caught up on (the documented limit).
        const catchUpFrom = utcDay(now - BIRTHDAY_CATCH_UP_DAYS * DAY);
        if (previous) log.push({ from: previous.day > catchUpFrom ? previous.day : catchUpFrom, day: utcDay(now), time: now });
        const { events, state } = stepBirthdays(source, previous, guests.map((g) => g.row), now, daysBefore);
        if (!previous && events.length) throw new Error('the first poll emitted');
        saved = JSON.stringify(state);
        figures.maxStateBytes = Math.max(figures.maxStateBytes, saved.length);
        figures.maxStateEntries = Math.max(figures.maxStateEntries, state.emitted.length);
        for (const event of events) emitted.set(event.id, (emitted.get(event.id) ?? 0) + 1);
      };
      for (const guest of before) add(guest.birthdate);
      const firstDay = utcDay(now);
      poll();
      for (const s of after) {
        if (s.kind === 'guest') add(s.birthdate);
        else if (s.kind === 'wait') now += s.ms;
        else poll();
        now += 1000;
      }
      poll();
      // A poll announces the birthdays of every day from the previous poll's day to its own.
      const due: string[] = [];
      guests.forEach(({ row, joined }, index) => {
        for (let ms = Date.parse(`${firstDay}T00:00:00Z`); utcDay(ms) <= utcDay(now); ms += DAY) {
          const day = utcDay(ms);
          const target = utcDay(ms + daysBefore * DAY);
          const [, m, d] = String(row.birthdate).split('-').map(Number);
          const year = Number(target.slice(0, 4));
          const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
          if (Number(target.slice(5, 7)) !== m || Number(target.slice(8, 10)) !== (m === 2 && d === 29 && !leap ? 28 : d)) continue;
          if (day === firstDay && index < before.length) continue;
          if (log.some((p) => p.from <= day && day <= p.day && joined <= p.time)) due.push(`guestBirthday:${row.id}:${target}`);
        }
      });
      figures.itemsChecked += guests.length;
      figures.required += due.length;
      const lost = due.filter((id) => !emitted.has(id));
      const duplicated = [...emitted].filter(([, c]) => c > 1).map(([id]) => id);
      const extra = [...emitted.keys()].filter((id) => !due.includes(id));
      figures.lost += lost.length;
      figures.duplicated += duplicated.length;
      if (lost.length || duplicated.length || extra.length) throw new Error(`lost ${lost.join(', ') || '-'}; duplicated ${duplicated.join(', ') || '-'}; not due ${extra.join(', ') || '-'}`);
    }),
    { numRuns: RUNS_PER_TRIGGER, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) ^ 13 : undefined },
  );
  settle(figures, details);
});

/*
 * Loyalty Tier Changed as n8n runs it: every watched guest's tier is read within ⌈guests ÷ checks
 * per poll⌉ polls, and a tier that holds that long is reported once, with the tier before it; the
 * first reading of a guest reports nothing.
 */
test('loyaltyTierChanged: every lasting change once, with the tier before, every guest read in turn', () => {
  const source = TIER_SOURCES.nectifi!;
  const figures = emptyFigures('lifecycle loyaltyTierChanged (derivation)');
  const TIERS = ['bronze', 'silver', 'gold', 'platinum'];
  const plan = fc.record({
    guests: fc.integer({ min: 1, max: 8 }),
    checksPerPoll: fc.integer({ min: 1, max: 3 }),
    polls: fc.array(fc.record({ changes: fc.array(fc.record({ guest: fc.nat(7), tier: fc.nat(3) }), { maxLength: 3 }), fails: fc.boolean() }), { minLength: 1, maxLength: 40 }),
  });
  const details = fc.check(
    fc.property(plan, ({ guests, checksPerPoll, polls }) => {
      figures.runs += 1;
      const settings = { watchMs: 30 * DAY, checksPerPoll, lookBackMs: 5 * MINUTE };
      const turn = Math.ceil(guests / checksPerPoll);
      const tier = Array.from({ length: guests }, () => 'bronze');
      const changedAt = Array.from({ length: guests }, () => -Infinity);
      const firstRead = new Map<string, number>();
      const transitions = new Map<string, string[]>();
      const reported = new Map<string, string[]>();
      let now = EPOCH;
      let saved: string | undefined;
      let next = 1;
      let successes = 0;
      const pollOnce = (index: number, fails: boolean) => {
        figures.polls += 1;
        now += MINUTE;
        const visits: Visit[] = tier.map((_, g) => ({ guest: String(g), key: `s${next++}`, start: now - 1000, row: {} }));
        const previous = saved === undefined ? undefined : (JSON.parse(saved) as TierState);
        const { since, until } = tierReadWindow(previous, now, settings);
        const planned = planTierChecks(previous, visits.filter((v) => v.start >= since && v.start < until), now, settings);
        const readings = new Map(planned.check.map((g) => [g, { tier: tier[Number(g)] }]));
        const { events, state } = applyTierReadings(planned.state, readings, source, now);
        if (fails) {
          figures.failedPolls += 1;
          return;
        }
        successes += 1;
        if (!previous && events.length) throw new Error('the first poll emitted');
        saved = JSON.stringify(state);
        figures.maxStateBytes = Math.max(figures.maxStateBytes, saved.length);
        figures.maxStateEntries = Math.max(figures.maxStateEntries, Object.keys(state.guests).length + state.seen.length);
        for (const g of planned.check) {
          if (!firstRead.has(g)) firstRead.set(g, index);
        }
        for (const event of events) reported.set(String(event.item.guest_id), [...(reported.get(String(event.item.guest_id)) ?? []), `${event.item.previous_tier}>${event.item.tier}`]);
      };
      pollOnce(0, false);
      polls.forEach(({ changes, fails }, i) => {
        const index = i + 1;
        for (const change of changes) {
          const g = change.guest % guests;
          const to = TIERS[change.tier];
          // A change must last a full turn of successful polls to be seen: one that comes sooner waits.
          if (to === tier[g] || successes - changedAt[g] < turn) continue;
          if (firstRead.has(String(g))) transitions.set(String(g), [...(transitions.get(String(g)) ?? []), `${tier[g]}>${to}`]);
          tier[g] = to;
          changedAt[g] = successes;
        }
        pollOnce(index, fails);
      });
      // Enough successful polls for every guest to be read once more.
      for (let extra = 1; extra <= turn; extra++) pollOnce(polls.length + extra, false);
      for (let g = 0; g < guests; g++) {
        const key = String(g);
        const due = transitions.get(key) ?? [];
        const got = reported.get(key) ?? [];
        figures.required += due.length;
        figures.itemsChecked += 1;
        if (JSON.stringify(got) !== JSON.stringify(due)) {
          figures.lost += Math.max(0, due.length - got.length);
          throw new Error(`guest ${g}: changes ${due.join(', ') || '-'}, reported ${got.join(', ') || '-'}`);
        }
      }
    }),
    { numRuns: RUNS_PER_TRIGGER, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) ^ 17 : undefined },
  );
  settle(figures, details);
});

/*
 * The same events as Zapier gets them: no state, each poll derives the last day's events from one
 * read (`recentLifecycleEvents`), Zapier drops the ids it has seen and takes the first poll's as
 * already there. Polls come at most half a day apart (Zapier polls every few minutes).
 */
test.each(['returningGuest', 'visitEnded', 'lapsedGuest'] as LifecycleKind[])('%s on Zapier: every event due emitted once, nothing else', async (kind) => {
  const figures = emptyFigures(`lifecycle ${kind} (Zapier, stateless)`);
  const details = await fc.check(
    fc.asyncProperty(planOf(kind), async (plan) => {
      figures.runs += 1;
      const s = plan.settings;
      const visits: SimVisit[] = [];
      let now = EPOCH;
      let next = 1;
      const seenIds = new Set<string>();
      const emitted = new Map<string, number>();
      let first = true;
      const poll = async () => {
        figures.polls += 1;
        lastPoll = now;
        const runner = { now: () => now } as never;
        const events = await recentWith(runner, kind, s, now, visits);
        for (const event of events) {
          if (seenIds.has(event.id)) continue;
          seenIds.add(event.id);
          if (!first) emitted.set(event.id, (emitted.get(event.id) ?? 0) + 1);
        }
        first = false;
      };
      let on = false;
      let lastPoll = now;
      const advance = async (ms: number) => {
        // Zapier polls on its own schedule, once the Zap is on: never more than half a day apart.
        const until = now + ms;
        while (on && until - lastPoll > 12 * 60 * MINUTE) {
          now = lastPoll + 12 * 60 * MINUTE;
          await poll();
        }
        now = until;
      };
      const apply = async (step: Step) => {
        if (step.kind === 'wait') await advance(step.ms);
        else if (step.kind === 'visit') {
          now += 1000;
          const start = now - step.lateMs;
          const visit: SimVisit = { guest: `g${step.guest}`, key: `v${next++}`, start, arrival: now };
          if (step.durationMs !== null) {
            visit.end = start + step.durationMs;
            visit.endArrival = Math.max(now, visit.end + step.endLateMs);
          }
          visits.push(visit);
        } else if (!step.fails) await poll();
      };
      for (const step of plan.before) await apply(step);
      now += 1000;
      const activatedAt = now;
      on = true;
      await poll();
      for (const step of plan.after) await apply(step);
      const end = Math.max(now, ...visits.map((v) => Math.max(v.endArrival ?? 0, v.start + s.lapseMs))) + s.lookBackMs + MINUTE;
      await advance(end - now);
      await poll();
      // Zapier's first poll takes what it returns as seen; it returns what is a look-back old, so a
      // visit (Returning Guest) or lapse less than a look-back old then comes later, as new.
      const due = expected(kind, visits, activatedAt, s, kind === 'visitEnded' ? 0 : s.lookBackMs);
      figures.itemsChecked += visits.length;
      figures.required += due.length;
      const lost = due.filter((id) => !emitted.has(id));
      const extra = [...emitted.keys()].filter((id) => !due.includes(id));
      figures.lost += lost.length;
      if (lost.length || extra.length) throw new Error(`lost ${lost.join(', ') || '-'}; emitted though not due ${extra.join(', ') || '-'}`);
    }),
    { numRuns: RUNS_PER_TRIGGER, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) ^ (kind.length + 100) : undefined },
  );
  settle(figures, details);
});

/** `recentLifecycleEvents` over the simulated vendor: its reads answered from memory, through a list operation's paging. */
async function recentWith(_runner: unknown, kind: LifecycleKind, s: LifecycleSettings, now: number, visits: SimVisit[]) {
  const source: VisitSource = {
    vendor: 'splash',
    op: { paging: { style: 'none' } } as never,
    noun: 'visit',
    guestOf: (row) => String(row.guest),
    keyOf: (row) => String(row.key),
    startOf: (row) => Number(row.start),
    endOf: (row) => (row.end === undefined ? undefined : Number(row.end)),
    read: { style: 'window', inputs: () => ({}) },
  };
  const rows = vendorRead(visits, -Infinity, Infinity, now).map((v) => ({ guest: v.guest, key: v.key, start: v.start, ...(v.end !== undefined ? { end: v.end } : {}) }));
  const runner = { prepare: () => ({}), send: async () => ({ body: rows }), itemsFrom: (_op: unknown, body: unknown) => body as unknown[] } as never;
  return await recentLifecycleEvents(runner, kind, source, s, now, DAY);
}
