import fc from 'fast-check';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import type { PollEvent } from '../../../nodes/common/polling/poll-event';
import { VendorApiError } from '../../../shared/core/errors';
import type { Vendor } from '../../../shared/core/operation';
import type { FaultKind } from '../../sandbox';
import { recordError } from '../../support/errors';
import { type InsertedRow, Ledger, type Rule, type Verdict } from './ledger';
import type { World } from './world';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** One row to insert: `variant` picks among a trigger's kinds of row, `lateMs` back-dates it. */
export interface RowPlan {
  variant: number;
  lateMs: number;
  /** Written while the vendor's clock was a day ahead (then corrected): dated a day in the future. */
  ahead?: boolean;
}

export interface PollFault {
  /** Injected after this many responses of the poll (0: before its first request). */
  afterResponses: number;
  kind: FaultKind;
  /** 1: a retry gets through. 5: more than the runner's 4 attempts, so the poll fails. */
  times: 1 | 5;
}

export type Step =
  | { kind: 'insert'; rows: RowPlan[] }
  | { kind: 'wait'; ms: number }
  | { kind: 'poll'; during: RowPlan[][]; fault: PollFault | null }
  | { kind: 'restart' };

/** What one run of a trigger looks like: its options, the clocks, and what happens. */
export interface RunPlan<C> {
  config: C;
  skewMs: number;
  /** Time since the previous run, on the vendor's clock. */
  pauseMs: number;
  steps: Step[];
}

/** A polling trigger event under test, with how to make rows for it and judge them. */
export interface TriggerSpec<C> {
  title: string;
  vendor: Vendor;
  event: PollEvent;
  /** The trigger's options for one run (location, hotspot, plan state, look-back...). */
  config: fc.Arbitrary<C>;
  parameters(config: C): Record<string, unknown>;
  /** Largest clock difference to try (the look-back is what absorbs it). */
  maxSkewMs(config: C): number;
  /** Largest back-dating of a row the trigger promises to catch, given the run's skew. */
  maxLateMs(config: C, skewMs: number): number;
  /** Time between two steps. */
  gap: fc.Arbitrary<number>;
  /** Size range of a large batch of rows: around the page size the trigger reads with. */
  bigBatch: [number, number];
  /** Run-level setup (wallets to watch, an empty account...). */
  prepare?(world: World, config: C): void;
  /** Whether the vendor's data has grown enough to slow polls down: re-seed before the run. */
  crowded?(world: World): boolean;
  insert(world: World, config: C, row: RowPlan, atVendorMs: number): InsertedRow;
  keyOf(item: IDataObject): string;
  rule?(config: C): Rule;
  /** Whether rows older than the first poll may show once (a filter they come to match later). */
  olderRowsMayShow?(config: C): boolean;
  /** Checks the saved state is bounded and returns its number of entries. */
  stateEntries(config: C, state: unknown): number;
  /** Extra waiting before the final poll (beyond the skew). */
  drainMs?: number;
  /** Time between two inserted rows (1 ms unless rows need distinct seconds to be told apart). */
  rowSpacingMs?: number;
  /** Whether some rows are written by a vendor clock a day ahead (then corrected): time-window triggers. */
  vendorClockAhead?: boolean;
}

export interface RunFigures {
  polls: number;
  failedPolls: number;
  faults: number;
  requests: number;
  maxStateBytes: number;
  maxStateEntries: number;
  verdict: Verdict;
}

const RETRYABLE_READ_FAULTS: FaultKind[] = ['rate-limit', 'status-500', 'status-502', 'status-503', 'reset-before', 'reset-after', 'malformed-json', 'html-error', 'truncated-body'];

const rowPlan = (maxVariant: number, clockAhead: boolean) =>
  fc.record({
    variant: fc.integer({ min: 0, max: maxVariant }),
    lateMs: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 24 * 60 * MINUTE }) }),
    ahead: clockAhead ? fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) : fc.constant(false),
  });

/** Mostly a few rows; sometimes about a page or more, so the poll pages while rows keep coming. */
const batch = (row: fc.Arbitrary<RowPlan>, [min, max]: [number, number]) =>
  fc.oneof({ weight: 5, arbitrary: fc.array(row, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(row, { minLength: min, maxLength: max }) });

const fault: fc.Arbitrary<PollFault> = fc.record({
  afterResponses: fc.integer({ min: 0, max: 3 }),
  kind: fc.constantFrom(...RETRYABLE_READ_FAULTS),
  times: fc.constantFrom(1 as const, 5 as const),
});

export function runPlan<C>(spec: TriggerSpec<C>): fc.Arbitrary<RunPlan<C>> {
  const row = rowPlan(99, spec.vendorClockAhead ?? false);
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), rows: batch(row, spec.bigBatch) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: spec.gap }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('poll' as const),
        during: fc.array(fc.oneof({ weight: 2, arbitrary: fc.constant<RowPlan[]>([]) }, { weight: 3, arbitrary: batch(row, spec.bigBatch) }), { maxLength: 3 }),
        fault: fc.option(fault, { freq: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  );
  return spec.config.chain((config) =>
    fc.record({
      config: fc.constant(config),
      skewMs: fc.integer({ min: -spec.maxSkewMs(config), max: spec.maxSkewMs(config) }),
      pauseMs: fc.integer({ min: MINUTE, max: 24 * 60 * MINUTE }),
      steps: fc.array(step, { minLength: 2, maxLength: 8 }),
    }),
  );
}

/** n8n's poll context as a trigger event uses it: its node parameters, with n8n's defaults. */
function pollContext(parameters: Record<string, unknown>): IPollFunctions {
  return {
    getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
  } as unknown as IPollFunctions;
}

/**
 * One run: the first (baseline) poll, the steps, then a last poll once the clocks have moved past
 * any skew. The state goes through JSON between polls, as n8n's static data does.
 */
export async function runOnce<C>(spec: TriggerSpec<C>, world: World, plan: RunPlan<C>): Promise<RunFigures> {
  world.beginRun(plan.skewMs, plan.pauseMs, spec.crowded?.(world));
  spec.prepare?.(world, plan.config);
  const ledger = new Ledger(spec.rule?.(plan.config));
  const ctx = pollContext(spec.parameters(plan.config));
  const maxLate = Math.max(0, spec.maxLateMs(plan.config, plan.skewMs));
  const figures: RunFigures = { polls: 0, failedPolls: 0, faults: 0, requests: 0, maxStateBytes: 0, maxStateEntries: 0, verdict: ledger.verdict() };
  let runner = world.runner(spec.vendor);
  let saved: string | undefined;

  const insert = (rows: RowPlan[]) => {
    for (const row of rows) {
      world.clock.advance(spec.rowSpacingMs ?? 1);
      const late = Math.min(row.lateMs, maxLate);
      const at = row.ahead ? world.clock.vendorMs() + DAY : world.clock.vendorMs() - late;
      ledger.insert(spec.insert(world, plan.config, row, at));
    }
  };

  const poll = async (during: RowPlan[][] = [], injected: PollFault | null = null) => {
    const at = { machineMs: world.clock.machineMs, vendorMs: world.clock.vendorMs() };
    const injectFault = () => {
      if (!injected) return;
      figures.faults += 1;
      world.sandbox.faults.inject({ vendor: spec.vendor, fault: injected.kind, times: injected.times, retryAfterSeconds: 1 });
    };
    world.transport.requests = 0;
    world.transport.afterResponse = (n) => {
      insert(during[n - 1] ?? []);
      if (injected?.afterResponses === n) injectFault();
    };
    if (injected?.afterResponses === 0) injectFault();
    ledger.startPoll();
    figures.polls += 1;
    let result: Awaited<ReturnType<PollEvent['poll']>>;
    try {
      result = await spec.event.poll(ctx, runner, saved === undefined ? undefined : JSON.parse(saved), at.machineMs);
    } catch (error) {
      // Only a fault that outlasts the retries may fail a poll; n8n then keeps the old state.
      if (!injected || injected.times === 1 || !(error instanceof VendorApiError)) throw error;
      recordError(error);
      figures.failedPolls += 1;
      ledger.endPoll(at, null);
      return;
    } finally {
      figures.requests += world.transport.requests;
      world.transport.afterResponse = null;
      world.sandbox.faults.clear();
    }
    saved = JSON.stringify(result.state);
    figures.maxStateBytes = Math.max(figures.maxStateBytes, saved.length);
    figures.maxStateEntries = Math.max(figures.maxStateEntries, spec.stateEntries(plan.config, JSON.parse(saved)));
    ledger.endPoll(at, result.items.map((item) => spec.keyOf(item)));
  };

  await poll();
  for (const step of plan.steps) {
    if (step.kind === 'insert') insert(step.rows);
    else if (step.kind === 'wait') world.clock.advance(step.ms);
    else if (step.kind === 'restart') runner = world.runner(spec.vendor);
    else await poll(step.during, step.fault);
  }
  world.clock.advance(Math.max(0, plan.skewMs) + 2 * MINUTE + (spec.drainMs ?? 0));
  await poll();
  figures.verdict = ledger.verdict();
  return figures;
}
