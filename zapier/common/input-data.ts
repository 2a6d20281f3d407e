import type { OperationDeclaration } from '../../shared/core/operation';
import { type Shape, shapeOf } from './schema-shape';

/**
 * Turns Zapier's `bundle.inputData` (values typed or mapped as text, empty fields as "") into the
 * declared input. Values that cannot be converted are passed on as they are, so that the shared
 * validation names the field and what to send instead.
 */
export function declaredInput(op: OperationDeclaration, inputData: Record<string, unknown>, only?: string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of only ?? Object.keys(op.fields)) {
    const field = op.fields[name];
    const raw = inputData[name];
    if (!field || isEmpty(raw)) continue;
    const coerced = coerce(shapeOf(field.schema), raw);
    input[name] = field.schema.safeParse(raw).success ? raw : coerced;
  }
  return input;
}

export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

export function coerce(shape: Shape, raw: unknown): unknown {
  switch (shape.kind) {
    case 'integer':
    case 'number':
      return typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
    case 'boolean':
      return toBoolean(raw);
    case 'string':
    case 'enum':
      return typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : typeof raw === 'string' ? raw.trim() : raw;
    case 'list':
      return toList(raw).filter((item) => !isEmpty(item)).map((item) => coerce(shape.item, item));
    case 'dict':
    case 'object': {
      const parsed = typeof raw === 'string' ? parseJson(raw) : raw;
      if (shape.kind === 'dict' || !isRecord(parsed)) return parsed;
      return coerceObject(shape.fields, parsed);
    }
    case 'union': {
      if (typeof raw === 'string' && shape.options.some((option) => option.kind === 'string')) return raw.trim();
      const numeric = shape.options.find((option) => option.kind === 'integer' || option.kind === 'number');
      return numeric ? coerce(numeric, raw) : raw;
    }
    default:
      return raw;
  }
}

function coerceObject(fields: Record<string, { shape: Shape }>, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const field = fields[key];
    if (isEmpty(item)) continue;
    out[key] = field ? coerce(field.shape, item) : item;
  }
  return out;
}

function toBoolean(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const text = raw.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(text)) return true;
  if (['false', 'no', '0'].includes(text)) return false;
  return raw;
}

/** Zapier list fields arrive as arrays; a mapped value may arrive as "a,b" or as a JSON list. */
function toList(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text.startsWith('[')) {
      const parsed = parseJson(text);
      if (Array.isArray(parsed)) return parsed;
    }
    return text.split(',').map((part) => part.trim());
  }
  return [raw];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
