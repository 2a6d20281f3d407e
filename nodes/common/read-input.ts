import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { InputValidationError } from '../../shared/core/errors';
import type { OperationBinding, ParamBinding } from './operation-binding';

/**
 * Turns the node's parameters for one item into the operation's input, keyed by the declared
 * field names. Values are only converted (a resource locator to its value, JSON text to objects,
 * "a,b" to a list); checking them is the shared schema's job, which names the field on failure.
 */
export function readInput(ctx: IExecuteFunctions, binding: OperationBinding, itemIndex: number): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const p of binding.top) setValue(input, binding, p, ctx.getNodeParameter(p.param, itemIndex, undefined));
  if (binding.optional.length > 0) {
    const collection = ctx.getNodeParameter(binding.collection.name, itemIndex, {}) as IDataObject;
    for (const p of binding.optional) {
      if (p.param in collection) setValue(input, binding, p, collection[p.param]);
    }
  }
  return input;
}

/** Asks the vendor for pages no bigger than the limit, so a small limit costs one small request. */
export function withPageSize(binding: OperationBinding, input: Record<string, unknown>, limit: number | undefined) {
  if (limit === undefined) return input;
  const { paging } = binding;
  if (paging.style === 'offset') return { ...input, [paging.limitParam]: Math.min(limit, paging.maxLimit) };
  if (paging.style === 'page') return { ...input, [paging.sizeParam]: Math.min(limit, paging.maxSize) };
  return input;
}

function setValue(input: Record<string, unknown>, binding: OperationBinding, p: ParamBinding, raw: unknown): void {
  const value = convert(binding, p, unwrapLocator(raw));
  if (value !== undefined) input[p.field] = value;
}

function unwrapLocator(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && '__rl' in raw) return (raw as { value?: unknown }).value;
  return raw;
}

function convert(binding: OperationBinding, p: ParamBinding, raw: unknown): unknown {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  switch (p.kind.type) {
    case 'number':
      return typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
    case 'string':
      return typeof raw === 'number' ? String(raw) : raw;
    case 'textOrNumber':
      return typeof raw === 'string' ? raw.trim() : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'stringList':
      if (Array.isArray(raw)) return raw.map((entry) => String(entry).trim()).filter(Boolean);
      return String(raw)
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
    case 'json':
      return typeof raw === 'string' ? parseJson(binding, p, raw) : raw;
    default:
      return raw;
  }
}

function parseJson(binding: OperationBinding, p: ParamBinding, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'cannot be read';
    throw new InputValidationError(binding.op.id, [
      { field: p.field, label: p.label, problem: `is not valid JSON (${reason}); expected e.g. ${JSON.stringify(p.example)}` },
    ]);
  }
}
