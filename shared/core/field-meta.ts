import * as z from './zod';

/** What a nested field (no FieldDeclaration of its own) carries in zod's global registry. */
export interface NestedFieldMeta {
  title?: string;
  description?: string;
  dropdown?: unknown;
}

/**
 * The registry entry of a schema, or of the first schema it wraps that has one: metadata may sit on
 * the optional field or inside it. Read by the input error messages and the Zapier field builder.
 */
export function fieldMetaOf(schema: z.ZodMiniType | undefined): NestedFieldMeta {
  for (let current = schema; current; current = (current._zod.def as { innerType?: z.ZodMiniType }).innerType) {
    const meta = z.globalRegistry.get(current);
    if (meta) return meta as NestedFieldMeta;
  }
  return {};
}
