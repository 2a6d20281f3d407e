import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { paginate } from '../../shared/client/paginate';
import type { OperationRunner } from '../../shared/client/runner';
import { createRunner } from './connection';
import { defaultIdempotencyKey } from './idempotency';
import { errorItemJson, toNodeError } from './node-errors';
import type { OperationBinding } from './operation-binding';
import { outputShaper } from './output-option';
import { readInput } from './read-input';
import type { VendorSpec } from './vendors';

/** Runs the chosen operation once per input item; one output item per result, paired to its input. */
export async function executeVendorNode(this: IExecuteFunctions, vendor: VendorSpec): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const resource = this.getNodeParameter('resource', 0) as string;
  const operation = this.getNodeParameter('operation', 0) as string;
  const binding = vendor.bindings.get(operation);
  if (!binding || binding.op.resource !== resource) {
    throw new NodeOperationError(this.getNode(), `The operation "${resource}:${operation}" is not supported`);
  }
  const output: INodeExecutionData[] = [];
  let runner: OperationRunner | undefined;
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    try {
      runner ??= await createRunner(this, vendor);
      const results = await runOperation(this, runner, binding, itemIndex);
      for (const json of results) output.push({ json, pairedItem: { item: itemIndex } });
    } catch (error) {
      const nodeError = toNodeError(this.getNode(), error, itemIndex);
      if (this.continueOnFail()) {
        output.push({ json: errorItemJson(error, nodeError), pairedItem: { item: itemIndex } });
        continue;
      }
      throw nodeError;
    }
  }
  return [output];
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
