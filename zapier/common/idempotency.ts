import { createHash } from 'node:crypto';
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { OutputField } from './output-fields';

/**
 * An idempotency key derived from the bundle: the Zap, the operation, the step's input and the UTC
 * day. Zapier retries and replays a step with the same input, so they send the same key and Nectifi
 * applies the change once. The same input twice in one day in one Zap also counts once: users map a
 * unique value (an order or receipt number) into the Idempotency Key field to tell such runs apart.
 */
export function idempotencyKeyFromBundle(operationId: string, bundle: Bundle, input: Record<string, unknown>, nowMs = Date.now()): string {
  const zapId = bundle.meta?.zap?.id ?? '';
  const day = new Date(nowMs).toISOString().slice(0, 10);
  const digest = createHash('sha256').update(canonicalJson({ operationId, zapId, day, input })).digest('hex');
  return `zapier-${digest.slice(0, 40)}`;
}

export const IDEMPOTENCY_HELP =
  'A unique text for this change, e.g. your POS receipt number pos-001: map a value from your trigger that is unique per change. Sending the same key again returns the first result and applies nothing twice. Leave empty and Zapier derives one from this Zap, this step\'s input and the day, so a retried step never applies twice (but the same input twice on one day also counts once, and the second run\'s output says so in Applied by This Run).';

/** A key is remembered a little over a day: a derived key changes with the UTC day anyway. */
const REMEMBER_SECONDS = 26 * 60 * 60;

export interface RepeatOutcome {
  applied_by_this_run: boolean | null;
  not_applied_reason: string | null;
}

export const REPEAT_OUTPUT_FIELDS: OutputField[] = [
  { key: 'applied_by_this_run', label: 'Applied by This Run', type: 'boolean' },
  { key: 'not_applied_reason', label: 'Why Not Applied Again', type: 'string' },
];

/**
 * Whether this run applied the change, or repeated an idempotency key an earlier run of this app
 * already used (Nectifi then returns the first result and applies nothing): remembered in Zapier's
 * cache after each success. The first run that succeeds with a key is the one that applied it, so
 * a run that failed, or timed out before its answer, never counts. Without the cache the outcome
 * is unknown (null), and the log says so.
 */
export async function repeatOutcome(z: ZObject, action: string, key: string, derived: boolean): Promise<RepeatOutcome> {
  const cacheKey = `idempotency:${createHash('sha256').update(`${action}\n${key}`).digest('hex')}`;
  try {
    if ((await z.cache.get(cacheKey)) !== null) {
      const why = derived
        ? `Not applied again: this Zap already ran ${action} with the same input today (UTC), so Nectifi returned the first result. To apply every run, map a value that is unique per run (e.g. an order number) into Idempotency Key.`
        : `Not applied again: the Idempotency Key ${key} was already used for ${action}, so Nectifi returned the first result. Use a new key for a new change.`;
      return { applied_by_this_run: false, not_applied_reason: why };
    }
    await z.cache.set(cacheKey, Date.now(), REMEMBER_SECONDS);
    return { applied_by_this_run: true, not_applied_reason: null };
  } catch (error) {
    z.console.log(`${action}: could not check for an earlier run with the same idempotency key: ${(error as Error).message}`);
    return { applied_by_this_run: null, not_applied_reason: null };
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
