import { AmbiguousMatchError, InputValidationError, VendorApiError } from '../core/errors';
import { type UpsertAction, type UpsertDeclaration, targetOf } from '../core/upsert';
import { paginate } from './paginate';
import type { OperationRunner } from './runner';
import { validateInput } from './validate-input';

export interface UpsertResult {
  action: UpsertAction;
  record: Record<string, unknown>;
}

/**
 * Create or Update: finds the one record whose natural key matches exactly, then updates it (or
 * leaves it when nothing is given to change), or creates it when there is none. Several exact
 * matches change nothing and fail, naming them. All input is checked before the first request.
 */
export async function runUpsert(runner: OperationRunner, declaration: UpsertDeclaration, input: unknown): Promise<UpsertResult> {
  const plan = declaration.upsert;
  const valid = validateInput(declaration, input);
  const key = String(valid[plan.naturalKey]);
  const createInput = pick(valid, Object.keys(plan.create.fields));
  runner.prepare(plan.create, createInput);
  const changes = pick(valid, Object.keys(plan.update.fields));
  const [found] = await findExactly(runner, declaration, key);
  if (found) {
    if (Object.keys(changes).length === 0) return { action: 'unchanged', record: found };
    return { action: 'updated', record: asRecord(await runner.call(plan.update, { ...changes, ...targetOf(plan, found) })) };
  }
  const created = asRecord(await runner.call(plan.create, createInput));
  const later = pick(changes, plan.updateOnly);
  if (Object.keys(later).length === 0) return { action: 'created', record: created };
  try {
    return { action: 'created', record: asRecord(await runner.call(plan.update, { ...later, ...targetOf(plan, created) })) };
  } catch (error) {
    if (!(error instanceof VendorApiError)) throw error;
    const message = `The ${declaration.resource} was created (${plan.describe(created)}), but setting ${Object.keys(later).map((name) => declaration.fields[name].label).join(' and ')} on it failed: ${error.message}`;
    throw new VendorApiError(message, error);
  }
}

/** The record whose natural key is exactly `key` ([] when there is none); several fail, naming them. */
export async function findExactly(runner: OperationRunner, declaration: UpsertDeclaration, key: string): Promise<Record<string, unknown>[]> {
  const plan = declaration.upsert;
  const keyField = declaration.fields[plan.naturalKey];
  const checked = keyField.schema.safeParse(key);
  if (!checked.success) {
    throw new InputValidationError(declaration.id, [{ field: plan.naturalKey, label: keyField.label, problem: checked.error.issues[0]?.message ?? keyField.help }]);
  }
  const matches: Record<string, unknown>[] = [];
  let candidates = 0;
  for await (const item of paginate(runner, plan.find, plan.findInput(key), { maxItems: plan.maxCandidates + 1 })) {
    if (++candidates > plan.maxCandidates) {
      throw new Error(
        `${declaration.label} stopped: looking for ${key} found more than ${plan.maxCandidates} ${declaration.resource}s to check, so it changed nothing. Use a more specific ${declaration.fields[plan.naturalKey].label.toLowerCase()}.`,
      );
    }
    const record = asRecord(item);
    if (plan.isMatch(record, key)) matches.push(record);
  }
  if (matches.length > 1) {
    const named = matches.map(plan.describe);
    throw new AmbiguousMatchError(
      declaration.id,
      named,
      `${declaration.label} changed nothing: ${matches.length} ${declaration.resource}s have the ${declaration.fields[plan.naturalKey].label.toLowerCase()} ${key} (${named.join('; ')}). Merge or change them in ${runner.profile.displayName}, or update one by its ID.`,
    );
  }
  return matches;
}

function pick(input: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => input[name] !== undefined).map((name) => [name, input[name]]));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
