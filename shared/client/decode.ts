import type * as z from '../core/zod';
import type { OperationDeclaration } from '../core/operation';
import type { HttpResponse } from '../http/transport';
import { shapeGuardFor } from './shape-guard';

export type Decoded = { ok: true; body: unknown } | { ok: false; reason: string };

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/** Parses a response body as JSON; an HTML page or a cut-off body is reported, never thrown. */
export function decodeBody(response: HttpResponse): Decoded {
  const text = response.body;
  // A JSON object or list goes straight to the parser: no HTML page starts with { or [.
  const first = text.charCodeAt(0);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    if (text.trim() === '') return { ok: true, body: null };
    const type = response.headers['content-type'] ?? '';
    if (/text\/html/i.test(type) || /^\s*<(!doctype|html)/i.test(text)) {
      return { ok: false, reason: 'the vendor answered with an HTML page instead of JSON' };
    }
  }
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, reason: `the vendor's response is not valid JSON (${text.length} bytes)` };
  }
}

const LIST_KEYS = ['items', 'data', 'results'];

/** The items of a list response: a bare array, or the array under `items`, `data` or `results`. */
export function itemsOf(body: unknown): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    for (const key of LIST_KEYS) {
      const value = (body as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return undefined;
}

export interface SchemaDrift {
  operation: string;
  issues: Array<{ path: string; message: string }>;
}

export type DriftReporter = (drift: SchemaDrift) => void;

/**
 * Validates what the vendor returned. A drifted field is reported and the raw value is kept:
 * vendors change responses without notice, and a workflow should not stop for it.
 */
export function checkOutput(op: OperationDeclaration, value: unknown, report: DriftReporter): unknown {
  const schema = op.output as z.ZodMiniType;
  if (shapeGuardFor(schema)?.(value)) return value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  report({
    operation: op.id,
    issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
  return value;
}
