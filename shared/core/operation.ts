import * as z from './zod';
import { type Built, type SchemaSource, buildSchema, defineLazy } from './lazy';

export type Vendor = 'nectifi' | 'splash' | 'smartwifi' | 'anykrowd';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Where an input field travels on the wire. The field's key is its wire name. */
export type FieldLocation = 'path' | 'query' | 'json' | 'form';

/**
 * How safe it is to send the request again when the first attempt may have reached the vendor.
 * - read: no side effect, always retried.
 * - idempotent: a repeat cannot apply the change twice (an idempotency key, a PATCH, a DELETE).
 * - unsafe: a repeat may apply it twice (a top-up, an email); retried only when the vendor
 *   provably did not receive it.
 */
export type Safety = 'read' | 'idempotent' | 'unsafe';

/** A dropdown that feeds a field: which operation lists the choices and which item fields to show. */
export interface DropdownSource {
  operation: string;
  value: string;
  label: string;
}

export interface FieldDeclaration {
  in: FieldLocation;
  /** zod schema of the value; wrap in `z.optional()` when the field is not required. */
  schema: z.ZodMiniType;
  label: string;
  help: string;
  /** Example value shown as a placeholder. */
  example?: unknown;
  dropdown?: DropdownSource;
  /** Also copy the value into the JSON body (Nectifi repeats `guest_id` in path and body). */
  alsoInBody?: boolean;
  /** The n8n action node version that first shows this field (a field added later); default 1. */
  n8nSince?: number;
  /**
   * An optional field that was required before this n8n node version: older versions keep it as a
   * required parameter of its own (where their saved workflows hold it), this version on lists it
   * among the optional fields.
   */
  n8nRequiredUntil?: number;
}

/** A field as a declaration writes it: the schema may be a function that builds it on first use. */
export interface FieldSpec extends Omit<FieldDeclaration, 'schema'> {
  schema: SchemaSource;
}

export type Paging =
  /** A single response; lists without paging return everything at once. */
  | { style: 'none' }
  /** `limit` + `offset`, newest first (Nectifi). */
  | { style: 'offset'; limitParam: string; offsetParam: string; defaultLimit: number; maxLimit: number }
  /** Page number + page size (Splash `page`/`per_page`, anykrowd Laravel `page`/`limit`). */
  | { style: 'page'; pageParam: string; sizeParam: string; defaultSize: number; maxSize: number }
  /**
   * A time range with a maximum span (SmartWiFi connections): long ranges are walked in windows.
   * `whole`: items built from the records inside the range (roaming connections) are read this far
   * past each window's inner edges and kept by the window their `timeField` falls in, so none is cut.
   */
  | { style: 'window'; fromParam: string; toParam: string; maxSpanDays: number; whole?: { timeField: string; spanMs: number } };

/** What a declaration and the platforms read; see OperationSpec for how one is written. */
interface OperationBase {
  vendor: Vendor;
  /** camelCase, unique within the vendor, e.g. `listGuests`. */
  key: string;
  /** Groups operations in the n8n node and the Zapier app, e.g. `guest`, `voucher`. */
  resource: string;
  /** Title Case, e.g. `List Guests`. */
  label: string;
  /** One sentence, ending with a period. */
  description: string;
  method: HttpMethod;
  /** Relative to the vendor's base URL, `{name}` for path fields, e.g. `/crm/guests/{guest_id}`. */
  path: string;
  /** `object`: the body is the result. `list`: the body carries a list of items (bare or enveloped). */
  returns: 'object' | 'list';
  /** A response (or one item) as the vendor documents it. */
  sample: Record<string, unknown>;
  paging: Paging;
  safety: Safety;
  /** Body field that carries an idempotency key the client fills when the caller gives none. */
  idempotencyKeyField?: string;
  /** For unsafe writes: how a user checks whether a call with an unknown outcome took effect. */
  unknownOutcomeHint?: string;
  /** Nectifi scopes that grant access, any one suffices. */
  scopes?: string[];
  /** The n8n action node version that first offers this operation (one added later); default 1. */
  n8nSince?: number;
}

/** An operation as written in shared/<vendor>/operations/: schemas may be functions (see lazy.ts). */
export interface OperationSpec extends OperationBase {
  fields: Record<string, FieldSpec>;
  /** Schema of the object, or of one item when `returns` is `list`. Tolerant of extra fields. */
  output: SchemaSource;
}

export interface OperationDeclaration extends OperationBase {
  fields: Record<string, FieldDeclaration>;
  /** Schema of the object, or of one item when `returns` is `list`. Tolerant of extra fields. */
  output: z.ZodMiniType;
  /** Strict schema of all fields: unknown keys are rejected before any request is sent. */
  input: z.ZodMiniObject;
  /** `vendor.key`, unique across the project. */
  id: string;
}

type DeclaredFields<F extends Record<string, FieldSpec>> = {
  [K in keyof F]: Omit<F[K], 'schema'> & { schema: Built<F[K]['schema']> };
};

export type Declared<S extends OperationSpec> = Omit<S, 'fields' | 'output'> & {
  fields: DeclaredFields<S['fields']>;
  output: Built<S['output']>;
  input: z.ZodMiniObject;
  id: string;
};

/**
 * The declaration of one vendor operation. Its schemas (each field's, `output` and `input`) are
 * built when first read, once: loading the declarations builds none.
 */
export function defineOperation<const S extends OperationSpec>(spec: S): Declared<S> {
  assertPathFieldsDeclared(spec);
  const fields: Record<string, FieldDeclaration> = {};
  for (const [name, field] of Object.entries(spec.fields)) fields[name] = declareField(field);
  const op = { ...spec, id: `${spec.vendor}.${spec.key}`, fields };
  defineLazy(op, 'output', () => buildSchema(spec.output));
  defineLazy(op, 'input', () => strictInputOf(fields));
  return op as unknown as Declared<S>;
}

/** A field whose schema is built on first read. */
export function declareField(field: FieldSpec): FieldDeclaration {
  if (typeof field.schema !== 'function') return field as FieldDeclaration;
  const source = field.schema;
  return defineLazy({ ...field }, 'schema', source) as FieldDeclaration;
}

/** The strict object schema of a set of fields: unknown keys are rejected. */
export function strictInputOf(fields: Record<string, FieldDeclaration>): z.ZodMiniObject {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [name, field] of Object.entries(fields)) shape[name] = field.schema;
  return z.strictObject(shape);
}

function assertPathFieldsDeclared(spec: OperationBase & { fields: Record<string, { in: FieldLocation }> }): void {
  for (const [, name] of spec.path.matchAll(/\{(\w+)\}/g)) {
    if (spec.fields[name]?.in !== 'path') {
      throw new Error(`${spec.vendor}.${spec.key}: path parameter {${name}} has no path field`);
    }
  }
}

export function isListOperation(op: OperationDeclaration): boolean {
  return op.returns === 'list';
}
