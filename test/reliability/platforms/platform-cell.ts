import { runnerFor } from '../../support/runners';
import { sandboxCredentials } from '../../support/sandbox';
import type { FaultKind, Sandbox } from '../../sandbox';
import { CELL_BUDGET_MS, type CellResult, countersFor, fingerprint, relativePath } from '../matrix';
import type { Platform, PlatformCase } from './cases';
import type { PlatformAttempt, PlatformCaller } from './call-platform';

/** How long each platform waits for an answer (n8n's runner 30 s, Zapier's 25 s): a slow cell gets that on top. */
export const PLATFORM_TIMEOUT_MS: Record<Platform, number> = { n8n: 30_000, Zapier: 25_000 };

/**
 * Faults a platform can only notice by waiting out its timeout: no answer at all. (A body cut
 * short is noticed when the connection closes, also inside Zapier: see shared/http/cut-body-agent.ts.)
 */
export const SLOW_FAULTS: Record<Platform, FaultKind[]> = { n8n: ['timeout'], Zapier: ['timeout'] };
/** The sandbox holds a 'timeout' answer longer than either platform waits. */
const HELD_MS = 32_000;

export interface PlatformCellResult extends CellResult {
  platform: Platform;
  /** What the platform showed, kept for the secret scan. */
  shown: string;
}

let unique = 0;

/**
 * One representative operation under one fault, run through a platform. Judged as RELIABILITY.md
 * judges the shared client, from what the platform shows the user and from the sandbox's counters.
 * Counters are read as differences, so cells on different operations may run at the same time.
 */
export async function runPlatformCell(sandbox: Sandbox, caller: PlatformCaller, platform: Platform, c: PlatformCase, fault: FaultKind): Promise<PlatformCellResult> {
  const ctx = { sandbox, unique: `PLAT-${process.pid}-${++unique}` };
  const runner = runnerFor(c.op.vendor, sandboxCredentials(sandbox));
  const path = relativePath(c.op, runner, c.input(ctx), sandbox);
  const expected = c.op.method === 'GET' ? await caller.call(platform, c, ctx) : undefined;
  if (expected?.errorText) throw new Error(`${platform} ${c.op.id} fails without a fault: ${expected.errorText}`);
  const before = countersFor(sandbox, c.op, path);
  sandbox.faults.inject({ vendor: c.op.vendor, method: c.op.method, path, fault, retryAfterSeconds: 1, delayMs: fault === 'timeout' ? HELD_MS : 400 });
  const started = Date.now();
  const attempt = await caller.call(platform, c, ctx);
  const ms = Date.now() - started;
  const after = countersFor(sandbox, c.op, path);
  const applied = after.applied - before.applied;
  const verdict =
    expected && !attempt.errorText && fingerprint(attempt.items) !== fingerprint(expected.items) ? { pass: false, outcome: 'wrong data' } : judge(c, fault, attempt, applied);
  const budget = CELL_BUDGET_MS + (SLOW_FAULTS[platform].includes(fault) ? PLATFORM_TIMEOUT_MS[platform] : 0);
  return {
    platform,
    operation: c.op.id,
    fault,
    attempts: after.requests - before.requests,
    applied,
    ms,
    ...verdict,
    pass: verdict.pass && ms <= budget,
    shown: attempt.errorText ?? JSON.stringify(attempt.items),
  };
}

/** RELIABILITY.md's rules, read from the words the platform shows (the shared layer writes them). */
function judge(c: PlatformCase, fault: FaultKind, attempt: PlatformAttempt, applied: number): { pass: boolean; outcome: string; why?: string } {
  const { op } = c;
  const text = attempt.errorText;
  if (fault === 'quota-exceeded') {
    const clear = text !== undefined && /api_monthly_quota_exceeded/.test(text) && !/safe to try again/.test(text);
    return { pass: clear && applied === 0, outcome: clear ? 'clear quota error' : 'unclear' };
  }
  if (text === undefined) {
    if (op.safety !== 'read' && applied !== 1) return { pass: false, outcome: 'ok', why: `applied ${applied} times` };
    return { pass: true, outcome: 'ok' };
  }
  if (applied > 1) return { pass: false, outcome: 'applied twice' };
  const unknown = /outcome is unknown/i.test(text);
  if (op.safety === 'unsafe' && applied === 1 && !unknown) return { pass: false, outcome: 'hid an applied write', why: text };
  if (unknown) return { pass: op.safety === 'unsafe', outcome: 'unknown outcome' };
  const retryable = /safe to try again later/.test(text) && applied === 0;
  return { pass: retryable, outcome: retryable ? 'retryable error' : 'error', why: text };
}
