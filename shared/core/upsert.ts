import type * as z from './zod';
import { copyLazily, defineLazy } from './lazy';
import { type FieldDeclaration, type FieldSpec, type OperationDeclaration, type Vendor, declareField, strictInputOf } from './operation';

/** What a Create or Update did; every result carries it in `action`. */
export type UpsertAction = 'created' | 'updated' | 'unchanged';
export const UPSERT_ACTION_FIELD = 'action';

/**
 * One record found by a natural key (a guest's email), then updated, or created when there is none:
 * a composite of three declared operations, run by `runUpsert` (shared/client/upsert.ts).
 */
export interface UpsertSpec {
  vendor: Vendor;
  key: string;
  resource: string;
  label: string;
  description: string;
  /** The field of the create (and of the found items) that identifies the record, e.g. `email`. */
  naturalKey: string;
  /** A list operation that finds candidates for the key; only exact matches (`isMatch`) count. */
  find: OperationDeclaration;
  findInput: (key: string) => Record<string, unknown>;
  isMatch: (item: Record<string, unknown>, key: string) => boolean;
  /** Stop looking after this many candidates rather than walk a whole list (a key matched loosely). */
  maxCandidates: number;
  create: OperationDeclaration;
  update: OperationDeclaration;
  /** The update's fields that name the found record, each from a field of it: `{ guest_id: 'id' }`. */
  targetFields: Record<string, string>;
  /** What a user reads to tell two records with the same key apart, e.g. the guest's id. */
  describe: (found: Record<string, unknown>) => string;
  n8nSince?: number;
}

export interface UpsertPlan extends UpsertSpec {
  /** Fields only the create takes: ignored when the record exists. */
  createOnly: string[];
  /** Fields only the update takes: a new record gets them from a second call right after its create. */
  updateOnly: string[];
}

/** An upsert, shaped as an operation so the platforms bind its fields like any other. */
export interface UpsertDeclaration extends OperationDeclaration {
  upsert: UpsertPlan;
}

export function isUpsert(op: OperationDeclaration): op is UpsertDeclaration {
  return 'upsert' in op && op.upsert !== undefined;
}

export function defineUpsert(spec: UpsertSpec): UpsertDeclaration {
  const { create, update, naturalKey, resource } = spec;
  const keyField = create.fields[naturalKey];
  if (!keyField) throw new Error(`${spec.vendor}.${spec.key}: ${create.key} has no field ${naturalKey}`);
  const targetFields = new Set(Object.keys(spec.targetFields));
  const createOnly = Object.keys(create.fields).filter((name) => name !== naturalKey && !(name in update.fields));
  const updateOnly = Object.keys(update.fields).filter((name) => !targetFields.has(name) && !(name in create.fields));
  // Copies keep the fields' schemas lazy: nothing is built until the upsert is first used.
  const fields: Record<string, FieldDeclaration> = {
    [naturalKey]: declareField(
      copyLazily<FieldSpec>(keyField, {
        schema: () => unwrapOptional(keyField.schema),
        help: `${keyField.help} The ${resource} with exactly this ${keyField.label.toLowerCase()} (ignoring upper and lower case) is updated; when there is none, a new ${resource} is created.`,
      }),
    ),
  };
  for (const [name, field] of Object.entries(create.fields)) {
    if (name === naturalKey) continue;
    const onlyHere = createOnly.includes(name);
    fields[name] = onlyHere ? copyLazily(field, { help: `${field.help} Used only when a new ${resource} is created.` }) : field;
  }
  for (const name of updateOnly) {
    const field = update.fields[name];
    fields[name] = copyLazily(field, { help: `${field.help} A new ${resource} gets it right after it is created.` });
  }
  if (UPSERT_ACTION_FIELD in create.sample) throw new Error(`${spec.vendor}.${spec.key}: the record already has a field ${UPSERT_ACTION_FIELD}`);
  const { vendor, key, label, description, n8nSince } = spec;
  const declaration = {
    vendor,
    key,
    resource,
    label,
    description,
    n8nSince,
    id: `${spec.vendor}.${spec.key}`,
    method: create.method,
    path: create.path,
    fields,
    returns: 'object' as const,
    sample: { ...update.sample, [UPSERT_ACTION_FIELD]: 'updated' },
    paging: { style: 'none' as const },
    // A create and an update, neither with an idempotency key: never repeated blindly.
    safety: 'unsafe' as const,
    unknownOutcomeHint: create.unknownOutcomeHint,
    scopes: create.scopes,
    upsert: { ...spec, createOnly, updateOnly },
  };
  const withInput = defineLazy(declaration, 'input', (): z.ZodMiniObject => strictInputOf(fields));
  return defineLazy(withInput, 'output', (): z.ZodMiniType => create.output);
}

function unwrapOptional(schema: z.ZodMiniType): z.ZodMiniType {
  const { def } = schema._zod;
  return def.type === 'optional' ? ((def as z.core.$ZodOptionalDef).innerType as z.ZodMiniType) : schema;
}

/** The update's input that names a found (or just created) record. */
export function targetOf(plan: UpsertSpec, found: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(plan.targetFields).map(([field, from]) => [field, found[from]]));
}
