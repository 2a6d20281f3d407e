import { ALL_OPERATIONS } from '../../shared/catalog';
import { buildRequest } from '../../shared/client/build-request';
import type { OperationRunner } from '../../shared/client/runner';
import { VendorApiError } from '../../shared/core/errors';
import type { OperationDeclaration, Vendor } from '../../shared/core/operation';
import { FAULT_KINDS, type FaultKind, type Sandbox } from '../sandbox';
import { recordError } from '../support/errors';
import { runnerFor } from '../support/runners';
import { sandboxCredentials } from '../support/sandbox';
import { freshInput } from './fixtures';

/** Every fault the sandbox can inject, in the order of its own list. */
export const MATRIX_FAULTS: FaultKind[] = [...FAULT_KINDS];

/** Faults that only one vendor's API produces. */
const VENDOR_ONLY: Partial<Record<FaultKind, Vendor>> = { 'rate-limit-reset': 'anykrowd', 'quota-exceeded': 'nectifi' };
/** No cell may take longer than this, retries and waits included. */
export const CELL_BUDGET_MS = 15_000;

export interface CellResult {
  operation: string;
  fault: FaultKind;
  pass: boolean;
  /** What happened, for the table: `ok`, `retryable error`, `unknown outcome`, ... */
  outcome: string;
  attempts: number;
  applied: number;
  ms: number;
  why?: string;
}

export function appliesTo(op: OperationDeclaration, fault: FaultKind): boolean {
  const only = VENDOR_ONLY[fault];
  return !only || only === op.vendor;
}

export function matrixRunners(sandbox: Sandbox): Record<Vendor, OperationRunner> {
  const credentials = sandboxCredentials(sandbox);
  const options = { timeoutMs: 1_000, retry: { baseDelayMs: 50 } };
  return {
    nectifi: runnerFor('nectifi', credentials, options),
    splash: runnerFor('splash', credentials, options),
    smartwifi: runnerFor('smartwifi', credentials, options),
    anykrowd: runnerFor('anykrowd', credentials, options),
  };
}

/** The request's path below the vendor's base, as the sandbox's fault filters and counters see it. */
export function relativePath(op: OperationDeclaration, runner: OperationRunner, input: Record<string, unknown>, sandbox: Sandbox): string {
  const url = new URL(buildRequest(op, runner.connection, runner.prepare(op, input), { includeAuth: false, timeoutMs: 0 }).url);
  return url.pathname.slice(new URL(sandbox.urls[op.vendor]).pathname.length);
}

/** Requests received and changes applied for one operation (at one path), since the last counter reset. */
export function countersFor(sandbox: Sandbox, op: OperationDeclaration, path: string) {
  const snapshot = sandbox.counters.get();
  const template = (key: string) => key.split(' ').slice(2).join(' ').replace(/\{[^}]*\}/g, '{}');
  const mine = op.path.replace(/\{[^}]*\}/g, '{}');
  const match = (record: Record<string, number>) =>
    Object.entries(record)
      .filter(([key]) => key.startsWith(`${op.vendor} ${op.method} `) && (template(key).endsWith(mine) || key.endsWith(path)))
      .reduce((sum, [, count]) => sum + count, 0);
  return { requests: match(snapshot.requests), applied: match(snapshot.applied) };
}

/** One operation under one fault: the sandbox's counters decide whether the client behaved. */
export async function runCell(
  sandbox: Sandbox,
  runners: Record<Vendor, OperationRunner>,
  op: OperationDeclaration,
  fault: FaultKind,
): Promise<CellResult> {
  const runner = runners[op.vendor];
  const input = await freshInput(op.id, sandbox, runners);
  const path = relativePath(op, runner, input, sandbox);
  const expected = op.method === 'GET' ? fingerprint(await runner.call(op, input)) : undefined;
  sandbox.faults.clear();
  sandbox.counters.reset();
  sandbox.faults.inject({ vendor: op.vendor, method: op.method, path, fault, retryAfterSeconds: 1, delayMs: fault === 'timeout' ? 3_000 : 400 });
  const started = Date.now();
  let error: unknown;
  let result: unknown;
  try {
    result = await runner.call(op, input, { idempotencyKey: `rel-${op.id}-${fault}-${started}` });
  } catch (caught) {
    error = caught;
    recordError(caught);
  }
  const ms = Date.now() - started;
  const { requests, applied } = countersFor(sandbox, op, path);
  const verdict =
    expected !== undefined && error === undefined && fingerprint(result) !== expected
      ? { pass: false, outcome: 'wrong data' }
      : judge(op, fault, error, applied);
  return { operation: op.id, fault, attempts: requests, applied, ms, ...verdict, pass: verdict.pass && ms <= CELL_BUDGET_MS };
}

function judge(op: OperationDeclaration, fault: FaultKind, error: unknown, applied: number): { pass: boolean; outcome: string; why?: string } {
  const changes = op.method !== 'GET';
  if (error !== undefined && !(error instanceof VendorApiError)) return { pass: false, outcome: 'crash', why: String(error) };
  const vendorError = error as VendorApiError | undefined;
  if (fault === 'quota-exceeded') {
    const clear = vendorError?.status === 429 && !vendorError.retryable && /api_monthly_quota_exceeded/.test(vendorError.message);
    return { pass: clear && applied === 0, outcome: clear ? 'clear quota error' : 'unclear' };
  }
  if (!vendorError) {
    if (changes && op.safety !== 'read' && applied !== 1) return { pass: false, outcome: 'ok', why: `applied ${applied} times` };
    return { pass: true, outcome: 'ok' };
  }
  if (applied > 1) return { pass: false, outcome: 'applied twice' };
  if (op.safety === 'unsafe' && applied === 1 && vendorError.outcome !== 'unknown') {
    return { pass: false, outcome: 'hid an applied write', why: vendorError.message };
  }
  if (vendorError.outcome === 'unknown') {
    const explains = /outcome is unknown/.test(vendorError.message);
    return { pass: op.safety === 'unsafe' && explains, outcome: 'unknown outcome' };
  }
  const retryable = vendorError.retryable && applied === 0;
  return { pass: retryable, outcome: retryable ? 'retryable error' : 'error', why: vendorError.message };
}

export function* cells(faults: FaultKind[] = MATRIX_FAULTS, operations = ALL_OPERATIONS): Generator<[OperationDeclaration, FaultKind]> {
  for (const op of operations) for (const fault of faults) if (appliesTo(op, fault)) yield [op, fault];
}

/** What must not change between a clean read and a read that lived through a fault. */
export function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map(identityOf));
  return JSON.stringify(value && typeof value === 'object' ? Object.keys(value).sort() : value);
}

/**
 * Rows are compared by identity, not by every field: live guests carry `duration_seconds`, which ticks
 * between the clean read and a retried one, so a whole-row comparison fails whenever a retry crosses a second.
 */
const IDENTITY_FIELDS = ['id', 'guesttoken', 'session_id'] as const;

function identityOf(item: unknown): unknown {
  const row = item as Record<string, unknown>;
  for (const field of IDENTITY_FIELDS) if (row?.[field] !== undefined) return row[field];
  return item;
}
