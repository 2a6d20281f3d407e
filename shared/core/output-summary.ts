import type * as z from './zod';

/**
 * The fields that matter in an object with many (a guest's id, name and email rather than its ten
 * custom fields): platforms show them when the user asks for a simplified output (n8n's
 * Output: Simplified). Declared once per output schema, next to it.
 */
const summaries = new WeakMap<object, readonly string[]>();

export function withSummary<S extends z.ZodMiniObject>(schema: S, fields: ReadonlyArray<keyof S['shape'] & string>): S {
  summaries.set(schema, fields);
  return schema;
}

export function summaryOf(schema: z.ZodMiniType): readonly string[] | undefined {
  return summaries.get(schema);
}

/** The top-level fields an operation's items may have: its output schema's, then any more in its sample. */
export function outputFieldNames(output: z.ZodMiniType, sample: Record<string, unknown>): string[] {
  const shape = (output as { shape?: Record<string, unknown> }).shape ?? {};
  return [...new Set([...Object.keys(shape), ...Object.keys(sample)])];
}
