import { createHash } from 'node:crypto';
import type { Bundle } from 'zapier-platform-core';

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
  'A unique text for this change, e.g. your POS receipt number pos-001: map a value from your trigger that is unique per change. Sending the same key again returns the first result and applies nothing twice. Leave empty and Zapier derives one from this Zap, this step\'s input and the day, so a retried step never applies twice (but the same input twice on one day also counts once).';

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
