import fc from 'fast-check';
import { recordFigures as record } from '../../support/figures';
import { type RunFigures, type TriggerSpec, runOnce, runPlan } from './scenario';
import type { World } from './world';

/** Randomized runs per trigger: the issue asks for at least 1,000. */
export const RUNS_PER_TRIGGER = Number(process.env.PROPERTY_RUNS ?? 1000);
/** About a minute of CPU per trigger; the margin is for a busy machine, not for normal runs. */
export const PROPERTY_TIMEOUT_MS = 600_000;

export interface TriggerFigures {
  trigger: string;
  seed?: number;
  runs: number;
  polls: number;
  failedPolls: number;
  faults: number;
  requests: number;
  itemsChecked: number;
  required: number;
  lost: number;
  duplicated: number;
  unwatched: number;
  preExisting: number;
  maxStateBytes: number;
  maxStateEntries: number;
}

function describe(figures: RunFigures): string {
  const v = figures.verdict;
  const list = (name: string, keys: string[]) => (keys.length ? `${name}: ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ` (+${keys.length - 5})` : ''}` : '');
  return [list('lost', v.lost), list('duplicated', v.duplicated), list('emitted though filtered out', v.unwatched), list('emitted though older than the trigger', v.preExisting)]
    .filter(Boolean)
    .join('; ');
}

/**
 * A pinned PROPERTY_SEED (CI pins one) gives each trigger its own seed from it, so that two triggers
 * with alike options do not run the very same plans. Unset, fast-check picks a fresh seed.
 */
function seedFor(title: string): number | undefined {
  if (!process.env.PROPERTY_SEED) return undefined;
  let hash = 0;
  for (const char of title) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return (Number(process.env.PROPERTY_SEED) ^ hash) | 0;
}

/**
 * Runs the property over `runs` random plans: zero lost, zero duplicated, nothing filtered out or
 * older than the trigger's first poll emitted. Shrunk counterexamples are reported by fast-check with the seed to replay them.
 */
export async function checkTrigger<C>(spec: TriggerSpec<C>, world: World, runs = RUNS_PER_TRIGGER): Promise<TriggerFigures> {
  const totals = emptyFigures(spec.title);
  const details = await fc.check(
    fc.asyncProperty(runPlan(spec), async (plan) => {
      const figures = await runOnce(spec, world, plan);
      const v = figures.verdict;
      totals.runs += 1;
      totals.polls += figures.polls;
      totals.failedPolls += figures.failedPolls;
      totals.faults += figures.faults;
      totals.requests += figures.requests;
      totals.itemsChecked += v.checked;
      totals.required += v.required;
      totals.lost += v.lost.length;
      totals.duplicated += v.duplicated.length;
      totals.unwatched += v.unwatched.length;
      totals.maxStateBytes = Math.max(totals.maxStateBytes, figures.maxStateBytes);
      totals.maxStateEntries = Math.max(totals.maxStateEntries, figures.maxStateEntries);
      if (spec.olderRowsMayShow?.(plan.config)) v.preExisting = [];
      totals.preExisting += v.preExisting.length;
      const problem = describe(figures);
      if (problem) throw new Error(`${spec.title}: ${problem}`);
    }),
    { numRuns: runs, seed: seedFor(spec.title), endOnFailure: Boolean(process.env.PROPERTY_NO_SHRINK) },
  );
  // The same PROPERTY_SEED replays the same runs.
  totals.seed = details.seed;
  if (details.failed) throw new Error(`${String(details.errorInstance)}\n${fc.defaultReportMessage(details) ?? `seed ${details.seed}`}`);
  return totals;
}

/** Figures of a trigger before its first run. */
export function emptyFigures(trigger: string): TriggerFigures {
  return { trigger, runs: 0, polls: 0, failedPolls: 0, faults: 0, requests: 0, itemsChecked: 0, required: 0, lost: 0, duplicated: 0, unwatched: 0, preExisting: 0, maxStateBytes: 0, maxStateEntries: 0 };
}

/** Kept in test-output/ so that the run's closing summary can add them up, and printed. */
export function recordFigures(figures: TriggerFigures): void {
  const { trigger: name, ...counts } = figures;
  record({ kind: 'trigger', name, ...counts });
  const { trigger, seed, runs, polls, requests, failedPolls, itemsChecked, required, lost, duplicated, preExisting, maxStateEntries, maxStateBytes } = figures;
  console.log(
    `${trigger} (seed ${seed}): ${runs} runs, ${polls} polls (${failedPolls} failed by a fault; a failed poll keeps the state it had), ${requests} requests, ` +
      `${itemsChecked} items checked (${required} due), ${lost} lost, ${duplicated} duplicated, ${preExisting} older rows emitted, ` +
      `max state ${maxStateEntries} entries / ${maxStateBytes} bytes`,
  );
}
