import { type Bundle, type Create, type Search, type Trigger, type ZObject, defineCreate, defineSearch, defineTrigger } from 'zapier-platform-core';
import type { OperationRunner } from '../../shared/client/runner';
import { VendorApiError } from '../../shared/core/errors';
import type { OperationDeclaration } from '../../shared/core/operation';
import { zapierErrors } from './errors';
import { IDEMPOTENCY_HELP, REPEAT_OUTPUT_FIELDS, idempotencyKeyFromBundle, repeatOutcome } from './idempotency';
import { declaredInput } from './input-data';
import { type InputField, inputFieldsFor, pagingParams } from './input-fields';
import { nounFromResource } from './labels';
import { type OutputField, outputFieldsFor } from './output-fields';
import { asTriggerResults } from './polling';
import type { CreatePlan, SearchPlan } from './plan';
import { sampleWithOutputFields } from './sample';
import { type VendorBinding, runnerFor } from './runner';

export type Item = Record<string, unknown>;

/** One page of a list operation: the first (page 0) or the one Zapier asks for. */
export async function listPage(
  runner: OperationRunner,
  op: OperationDeclaration,
  input: Record<string, unknown>,
  page = 0,
  size?: number,
): Promise<Item[]> {
  const valid = runner.prepare(op, input);
  const paging = op.paging;
  let query: Record<string, unknown> | undefined;
  if (paging.style === 'offset') {
    const limit = size ?? paging.maxLimit;
    query = { [paging.limitParam]: limit, [paging.offsetParam]: page * limit };
  } else if (paging.style === 'page') {
    query = { [paging.pageParam]: page + 1, [paging.sizeParam]: size ?? paging.maxSize };
  }
  const { body } = await runner.send(op, valid, query);
  return runner.itemsFrom(op, body) as Item[];
}

/** A search: objects come back as a one-item list, lists as their first page; not found is no result. */
export function searchFor<C>(
  binding: VendorBinding<C>,
  op: OperationDeclaration,
  plan: SearchPlan,
  fieldDefaults: Record<string, Partial<InputField>> = {},
): Search {
  const overrides = withDefaults(fieldDefaults, plan.overrides);
  for (const name of plan.required ?? []) overrides[name] = { ...overrides[name], required: true };
  return defineSearch({
    key: plan.key,
    noun: plan.noun ?? nounFromResource(op.resource),
    display: { label: plan.label, description: plan.description },
    operation: {
      inputFields: [...(plan.extraFields ?? []), ...inputFieldsFor(op, { overrides })],
      perform: (z: ZObject, bundle: Bundle) =>
        zapierErrors(z, async () => {
          const runner = runnerFor(binding, z, bundle);
          const input = declaredInput(op, bundle.inputData);
          try {
            if (op.returns === 'list') return await listPage(runner, op, input, 0, searchPageSize(op));
            return [(await runner.call(op, input)) as Item];
          } catch (error) {
            if (error instanceof VendorApiError && error.status === 404) return [];
            throw error;
          }
        }),
      ...sampleAndOutputFields(op),
    },
  });
}

function withDefaults(
  defaults: Record<string, Partial<InputField>>,
  overrides: Record<string, Partial<InputField>> = {},
): Record<string, Partial<InputField>> {
  const merged: Record<string, Partial<InputField>> = { ...defaults };
  for (const [name, override] of Object.entries(overrides)) merged[name] = { ...merged[name], ...override };
  return merged;
}

function searchPageSize(op: OperationDeclaration): number | undefined {
  if (op.paging.style === 'offset') return op.paging.defaultLimit;
  if (op.paging.style === 'page') return op.paging.defaultSize;
  return undefined;
}

/** A create for a write. A documented idempotency key left empty is derived from the bundle. */
export function createFor<C>(
  binding: VendorBinding<C>,
  op: OperationDeclaration,
  plan: CreatePlan,
  fieldDefaults: Record<string, Partial<InputField>> = {},
): Create {
  const keyField = op.idempotencyKeyField;
  const overrides = withDefaults(fieldDefaults, plan.overrides);
  if (keyField) overrides[keyField] = { helpText: IDEMPOTENCY_HELP, ...overrides[keyField] };
  return defineCreate({
    key: op.key,
    noun: plan.noun ?? nounFromResource(op.resource),
    display: { label: plan.label ?? op.label, description: plan.description ?? op.description },
    operation: {
      inputFields: [...(plan.extraFields ?? []), ...(plan.inputFields ?? inputFieldsFor(op, { overrides }))],
      perform: (z: ZObject, bundle: Bundle) =>
        zapierErrors(z, async () => {
          const runner = runnerFor(binding, z, bundle);
          const input = declaredInput(op, plan.inputFrom ? plan.inputFrom(bundle.inputData ?? {}) : bundle.inputData);
          const idempotencyKey = keyField ? idempotencyKeyFromBundle(op.id, bundle, input) : undefined;
          const result = await runner.call(op, input, { idempotencyKey });
          if (op.method === 'DELETE') return deletedOutput(op, input);
          const output = result && typeof result === 'object' ? (result as Item) : { success: true };
          if (!keyField || !idempotencyKey) return output;
          const typedKey = typeof input[keyField] === 'string' ? (input[keyField] as string) : undefined;
          return { ...output, ...(await repeatOutcome(z, op.label, typedKey ?? idempotencyKey, typedKey === undefined)) };
        }),
      ...(op.method === 'DELETE'
        ? deletedSampleAndOutputFields(op)
        : keyField
          ? sampleAndOutputFields(op, { ...op.sample, applied_by_this_run: true, not_applied_reason: null }, REPEAT_OUTPUT_FIELDS)
          : sampleAndOutputFields(op)),
    },
  });
}

/**
 * A delete says what it deleted: `{deleted: true}` and the IDs it was given. Whatever the vendor
 * answers is not passed on: Splash Air may answer a delete with a page of the remaining vouchers
 * (its docs list paging parameters for it), which says nothing about the deleted one; 204 has no body.
 */
function deletedOutput(op: OperationDeclaration, input: Record<string, unknown>): Item {
  const ids = Object.entries(op.fields).filter(([name, field]) => field.in === 'path' && input[name] !== undefined);
  return { deleted: true, ...Object.fromEntries(ids.map(([name]) => [name, input[name]])) };
}

function deletedSampleAndOutputFields(op: OperationDeclaration) {
  const ids = Object.entries(op.fields).filter(([, field]) => field.in === 'path');
  return {
    sample: { deleted: true, ...Object.fromEntries(ids.map(([name, field]) => [name, field.example])) },
    outputFields: [
      { key: 'deleted', label: 'Deleted', type: 'boolean' as const },
      ...ids.map(([name, field]) => ({ key: name, label: `${field.label} ID`.replace(/ ID ID$/, ' ID'), type: 'integer' as const })),
    ],
  };
}

/**
 * A hidden trigger that feeds dropdowns, one page per call (Zapier asks for more with `meta.page`).
 * `valueField` is what the dropdowns store; Zapier also needs it as the result's `id`. Zapier hands
 * it the step's other fields, so a list that needs input (a user's wallets need their External ID)
 * lists for what the user entered above, or names the missing field.
 */
export function dropdownFor<C>(
  binding: VendorBinding<C>,
  op: OperationDeclaration,
  valueField = 'id',
  labelOf?: (item: Item) => string,
): Trigger {
  return defineTrigger({
    key: op.key,
    noun: nounFromResource(op.resource),
    display: { label: op.label, description: op.description, hidden: true },
    operation: {
      type: 'polling',
      canPaginate: op.paging.style !== 'none',
      perform: (z: ZObject, bundle: Bundle) =>
        zapierErrors(z, async () => {
          const items = await listPage(runnerFor(binding, z, bundle), op, dropdownInput(op, bundle), bundle.meta?.page ?? 0);
          return asTriggerResults(
            items.map((item) => ({ id: item.id ?? item[valueField], ...item, ...(labelOf ? { label: labelOf(item) } : {}) })),
          );
        }),
      ...sampleAndOutputFields(op),
    },
  });
}

/**
 * The parent step's values for the list's own filters; paging stays the dropdown's. A value that
 * is not valid for the filter (a field mapped from an earlier step arrives as `{{...}}` while the
 * Zap is being edited) is left out rather than breaking the dropdown.
 */
function dropdownInput(op: OperationDeclaration, bundle: Bundle): Record<string, unknown> {
  const paging = pagingParams(op);
  const input = declaredInput(op, bundle.inputData ?? {}, Object.keys(op.fields).filter((name) => !paging.has(name)));
  return Object.fromEntries(Object.entries(input).filter(([name, value]) => op.fields[name]?.schema.safeParse(value).success));
}

/** The item field that dropdowns fed by `opKey` store (a tag's `slug`, otherwise `id`). */
export function dropdownValueField(operations: Record<string, OperationDeclaration>, opKey: string): string {
  for (const op of Object.values(operations)) {
    for (const field of Object.values(op.fields)) if (field.dropdown?.operation === opKey) return field.dropdown.value;
  }
  return 'id';
}

/** The declaration's sample with every output field present (check D024), and the output fields. */
export function sampleAndOutputFields(op: OperationDeclaration, sample: Item = op.sample as Item, extra: OutputField[] = []) {
  const outputFields = outputFieldsFor(op.output, extra);
  return { sample: sampleWithOutputFields(sample, outputFields), outputFields };
}
