import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { paginate } from '../../shared/client/paginate';
import type { OperationRunner } from '../../shared/client/runner';
import { runUpsert } from '../../shared/client/upsert';
import { UPSERT_ACTION_FIELD, isUpsert } from '../../shared/core/upsert';
import { createRunner } from './connection';
import { defaultIdempotencyKey } from './idempotency';
import { errorItemJson, toNodeError } from './node-errors';
import type { OperationBinding } from './operation-binding';
import { runItems } from './item-pool';
import { outputShaper } from './output-option';
import { readInput } from './read-input';
import { requestsInFlight } from './requests-in-flight';
import type { VendorSpec } from './vendors';

/**
 * Runs the chosen operation once per input item; one output item per result, paired to its input,
 * in input order. Items overlap (up to the node's Requests in Flight) where that is safe: see
 * `overlaps`. The shared rate limiter paces every request of the run, overlapped or not.
 */
export async function executeVendorNode(this: IExecuteFunctions, vendor: VendorSpec): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const resource = this.getNodeParameter('resource', 0) as string;
  const operation = this.getNodeParameter('operation', 0) as string;
  const binding = vendor.bindings.get(operation);
  if (!binding || binding.op.resource !== resource) {
    throw new NodeOperationError(this.getNode(), `The operation "${resource}:${operation}" is not supported`);
  }
  const continueOnFail = this.continueOnFail();
  const inFlight = overlaps(binding, continueOnFail) ? requestsInFlight(this) : 1;
  let runner: Promise<OperationRunner> | undefined;
  const outcomes = await runItems(
    items.length,
    inFlight,
    async (itemIndex) => runOperation(this, await (runner ??= createRunner(this, vendor)), binding, itemIndex),
    !continueOnFail,
  );
  const output: INodeExecutionData[] = [];
  for (const [itemIndex, outcome] of outcomes.entries()) {
    if (outcome.ok) {
      for (const json of outcome.value) output.push({ json, pairedItem: { item: itemIndex } });
      continue;
    }
    const nodeError = toNodeError(this.getNode(), outcome.error, itemIndex);
    if (!continueOnFail) throw nodeError;
    output.push({ json: errorItemJson(outcome.error, nodeError), pairedItem: { item: itemIndex } });
  }
  return [output];
}

/**
 * Reads and writes that are safe to repeat overlap. A write that is not (a top-up, a new guest, an
 * email) overlaps only when the node continues on fail, where every item's outcome is in the
 * output; otherwise items run one at a time, so a failure stops at that item and every item before
 * it, and none after it, was applied.
 */
export function overlaps(binding: OperationBinding, continueOnFail: boolean): boolean {
  // A Create or Update never overlaps: an earlier item may create the record a later one must find.
  if (isUpsert(binding.op)) return false;
  return binding.op.safety !== 'unsafe' || continueOnFail;
}

async function runOperation(
  ctx: IExecuteFunctions,
  runner: OperationRunner,
  binding: OperationBinding,
  itemIndex: number,
): Promise<IDataObject[]> {
  const input = readInput(ctx, binding, itemIndex);
  const shape = outputShaper(ctx, binding, itemIndex);
  const { op } = binding;
  if (isUpsert(op)) {
    const { action, record } = await runUpsert(runner, op, input);
    return [{ ...shape(asObject(record)), [UPSERT_ACTION_FIELD]: action }];
  }
  if (binding.isList) {
    const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
    const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
    const results: IDataObject[] = [];
    for await (const item of paginate(runner, op, input, { maxItems: limit })) {
      results.push(shape(asObject(item)));
    }
    return results;
  }
  const idempotencyKey = op.idempotencyKeyField ? defaultIdempotencyKey(ctx, itemIndex) : undefined;
  return [shape(asObject(await runner.call(op, input, { idempotencyKey })))];
}

function asObject(value: unknown): IDataObject {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
  return value === null || value === undefined ? {} : { value: value as IDataObject[keyof IDataObject] };
}
