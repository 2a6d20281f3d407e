import * as z from '../core/zod';
import { InputValidationError } from '../core/errors';
import { fieldMetaOf } from '../core/field-meta';
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
  const label = declared ? labelOf(declared.label, declared.schema, issue.path.slice(1)) : field;
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

type Zod = { _zod: { def: Record<string, unknown> } };

/**
 * The declared label, then each nested step: `Staff Members #1 › Roles #2 › Role`, from the
 * `title` metadata of nested fields (their label), so an error inside a list names the column.
 */
function labelOf(label: string, schema: unknown, path: PropertyKey[]): string {
  const parts = [label];
  let current = schema as Zod | undefined;
  for (const key of path) {
    current = unwrapped(current);
    const def = current?._zod.def;
    if (typeof key === 'number' && def?.type === 'array') {
      parts[parts.length - 1] += ` #${key + 1}`;
      current = def.element as Zod;
    } else if (def?.type === 'object') {
      current = (def.shape as Record<string, Zod>)[String(key)];
      parts.push(titleOf(current) ?? String(key));
    } else {
      parts.push(String(key));
      current = undefined;
    }
  }
  return parts.join(' › ');
}

function titleOf(schema: Zod | undefined): string | undefined {
  return fieldMetaOf(schema as unknown as z.ZodMiniType).title;
}

function innerOf(schema: Zod): Zod | undefined {
  const def = schema._zod.def;
  return def.type === 'optional' || def.type === 'nullable' || def.type === 'default' ? (def.innerType as Zod) : undefined;
}

function unwrapped(schema: Zod | undefined): Zod | undefined {
  let s = schema;
  while (s && innerOf(s)) s = innerOf(s);
  return s;
}
