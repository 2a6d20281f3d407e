import type { z } from 'zod/v4';
import { InputValidationError } from '../core/errors';
import type { OperationDeclaration } from '../core/operation';

/** Parses input against the operation's strict schema; every problem names the field and the fix. */
export function validateInput(op: OperationDeclaration, input: unknown): Record<string, unknown> {
  const result = op.input.safeParse(input ?? {});
  if (result.success) return result.data as Record<string, unknown>;
  throw new InputValidationError(op.id, result.error.issues.flatMap((issue) => describeIssue(op, issue, input)));
}

function describeIssue(op: OperationDeclaration, issue: z.core.$ZodIssue, input: unknown) {
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(op.fields).join(', ') || 'none';
    return issue.keys.map((key) => ({
      field: [...issue.path, key].join('.'),
      label: key,
      problem: `is not a field of ${op.label}; known fields: ${known}`,
    }));
  }
  const field = issue.path.map(String).join('.') || '(input)';
  const declared = op.fields[String(issue.path[0])];
  const label = declared?.label ?? field;
  const missing = valueAt(input, issue.path) === undefined;
  const problem = missing ? `is required: ${declared?.help ?? 'give a value'}` : issue.message;
  return [{ field, label, problem }];
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
