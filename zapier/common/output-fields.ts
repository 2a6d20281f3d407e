import type { PlainOutputField } from 'zapier-platform-core';
import type * as z from '../../shared/core/zod';
import { labelFromKey } from './labels';
import { type NestedField, type Shape, shapeOf } from './schema-shape';

export type OutputField = PlainOutputField;

const DATE_KEY = /(_at|_date|date|_timestamp|_start|_expire|_from|_until|datetime)$/;

/**
 * Output fields from an output schema, flattened the way Zapier shows nested data: `currency__name`
 * for an object inside an object, `rewards[]name` for objects inside a list.
 */
export function outputFieldsFor(output: z.ZodMiniType, extra: OutputField[] = []): OutputField[] {
  const shape = shapeOf(output);
  const fields = shape.kind === 'object' ? flatten(shape.fields, '') : [];
  const extraKeys = new Set(extra.map((field) => field.key));
  return [...extra, ...fields.filter((field) => !extraKeys.has(field.key))];
}

function flatten(fields: Record<string, NestedField>, prefix: string): OutputField[] {
  return Object.entries(fields).flatMap(([key, field]) => {
    const path = `${prefix}${key}`;
    const { shape } = field;
    if (shape.kind === 'object') return flatten(shape.fields, `${path}__`);
    if (shape.kind === 'list' && shape.item.kind === 'object') return flatten(shape.item.fields, `${path}[]`);
    if (shape.kind === 'list') return [{ key: `${path}[]`, label: labelFromKey(path), ...typeOf(shape.item, key) }];
    if (shape.kind === 'dict' || shape.kind === 'unknown') return [];
    return [{ key: path, label: labelFromKey(path), ...typeOf(shape, key) }];
  });
}

function typeOf(shape: Shape, key: string): Partial<OutputField> {
  switch (shape.kind) {
    case 'integer':
      return { type: 'integer' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'string':
      return DATE_KEY.test(key) ? { type: 'datetime' } : { type: 'string' };
    default:
      return {};
  }
}
