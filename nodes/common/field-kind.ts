import type * as z from '../../shared/core/zod';

/** How a declared input looks in n8n: the parameter type and how its value is read back. */
export type FieldKind =
  | { type: 'number' }
  | { type: 'string' }
  | { type: 'boolean' }
  | { type: 'options'; values: string[] }
  /** A list of texts: a comma-separated string or an array from an expression. */
  | { type: 'stringList' }
  /** Objects and lists of objects: JSON text or an object from an expression. */
  | { type: 'json' }
  /** Text or a whole number (anykrowd external IDs, SmartWiFi hotspot lists): kept as typed. */
  | { type: 'textOrNumber' };

interface Def {
  type: string;
  innerType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  element?: z.ZodMiniType;
  entries?: Record<string, string>;
  in?: z.ZodMiniType;
}

const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function isRequired(schema: z.ZodMiniType): boolean {
  return !schema.safeParse(undefined).success;
}

/** Reads the zod schema of a declared field (zod v4 internals: `_zod.def.type`). */
export function fieldKind(schema: z.ZodMiniType): FieldKind {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return fieldKind(def.innerType as z.ZodMiniType);
    case 'pipe':
      return fieldKind(def.in as z.ZodMiniType);
    case 'number':
    case 'int':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'string':
      return { type: 'string' };
    case 'enum':
      return { type: 'options', values: Object.values(def.entries ?? {}) };
    case 'union':
      return { type: 'textOrNumber' };
    case 'array':
      return defOf(def.element as z.ZodMiniType).type === 'string' ? { type: 'stringList' } : { type: 'json' };
    default:
      return { type: 'json' };
  }
}
