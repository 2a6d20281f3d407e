import type * as z from '../../shared/core/zod';
import { fieldMetaOf } from '../../shared/core/field-meta';
import type { DropdownSource } from '../../shared/core/operation';

/** What a zod schema accepts, reduced to what a Zapier field can express. */
export type Shape =
  | { kind: 'string'; maxLength?: number }
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'list'; item: Shape }
  | { kind: 'dict'; value: Shape }
  | { kind: 'object'; fields: Record<string, NestedField> }
  /** Several accepted types (an ID as text or number): entered as text, coerced at run time. */
  | { kind: 'union'; options: Shape[] }
  | { kind: 'unknown' };

export interface NestedField {
  shape: Shape;
  required: boolean;
  /** From zod metadata `{title, description, dropdown}`: nested fields carry no FieldDeclaration. */
  label?: string;
  help?: string;
  dropdown?: DropdownSource;
}

interface Def {
  type: string;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  out?: z.ZodMiniType;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  shape?: Record<string, z.ZodMiniType>;
}

const def = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const bag = (schema: z.ZodMiniType): Record<string, unknown> =>
  (schema as unknown as { _zod: { bag?: Record<string, unknown> } })._zod.bag ?? {};

/** Strips optional/nullable/default wrappers and reports whether a value may be left out. */
export function unwrap(schema: z.ZodMiniType): { schema: z.ZodMiniType; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const d = def(current);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault') {
      optional = true;
      current = d.innerType as z.ZodMiniType;
    } else if (d.type === 'readonly' || d.type === 'catch' || d.type === 'nonoptional') {
      current = d.innerType as z.ZodMiniType;
    } else {
      return { schema: current, optional };
    }
  }
}

export function shapeOf(schema: z.ZodMiniType): Shape {
  const inner = unwrap(schema).schema;
  const d = def(inner);
  switch (d.type) {
    case 'string':
      return { kind: 'string', maxLength: bag(inner).maximum as number | undefined };
    case 'number':
      return String(bag(inner).format ?? '').includes('int') ? { kind: 'integer' } : { kind: 'number' };
    case 'int':
      return { kind: 'integer' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'enum', values: Object.values(d.entries ?? {}).map(String) };
    case 'literal':
      return { kind: 'enum', values: (d.values ?? []).map(String) };
    case 'array':
      return { kind: 'list', item: shapeOf(d.element as z.ZodMiniType) };
    case 'record':
      return { kind: 'dict', value: shapeOf(d.valueType as z.ZodMiniType) };
    case 'object':
      return { kind: 'object', fields: nestedFields(d.shape ?? {}) };
    case 'union': {
      const options = (d.options ?? []).map(shapeOf);
      return options.length === 1 ? options[0] : { kind: 'union', options };
    }
    case 'pipe':
      // A transform (money normalised to "10.50"): what goes in decides the field.
      return shapeOf(d.in as z.ZodMiniType);
    default:
      return { kind: 'unknown' };
  }
}

function nestedFields(shape: Record<string, z.ZodMiniType>): Record<string, NestedField> {
  const fields: Record<string, NestedField> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const meta = fieldMetaOf(schema);
    fields[key] = {
      shape: shapeOf(schema),
      required: !unwrap(schema).optional,
      label: typeof meta.title === 'string' ? meta.title : undefined,
      help: typeof meta.description === 'string' ? meta.description : undefined,
      dropdown: meta.dropdown as DropdownSource | undefined,
    };
  }
  return fields;
}


