import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { OperationBinding, ParamBinding } from './operation-binding';

/**
 * Turns the node's parameters for one item into the operation's input, keyed by the declared
 * field names. Values are only converted (a resource locator to its value, JSON text to objects,
 * "a,b" to a list); checking them is the shared schema's job, which names the field on failure.
 */
export function readInput(ctx: IExecuteFunctions, binding: OperationBinding, itemIndex: number): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const version = ctx.getNode().typeVersion;
  for (const p of binding.top) {
    if (p.until !== undefined && version >= p.until) continue;
    setValue(ctx, itemIndex, input, p, ctx.getNodeParameter(p.param, itemIndex, undefined));
  }
  if (binding.optional.length > 0) {
    const collection = ctx.getNodeParameter(binding.collection.name, itemIndex, {}) as IDataObject;
    for (const p of binding.optional) {
      if (p.param in collection) setValue(ctx, itemIndex, input, p, collection[p.param]);
    }
  }
  return input;
}

function setValue(ctx: IExecuteFunctions, itemIndex: number, input: Record<string, unknown>, p: ParamBinding, raw: unknown): void {
  const value = convert(p, unwrapLocator(raw), (problem) =>
    new NodeOperationError(ctx.getNode(), `${p.label} ${problem}`, { itemIndex }),
  );
  if (value !== undefined) input[p.field] = value;
}

function unwrapLocator(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && '__rl' in raw) return (raw as { value?: unknown }).value;
  return raw;
}

function convert(p: ParamBinding, raw: unknown, invalid: (problem: string) => Error): unknown {
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
      return typeof raw === 'string' ? parseJson(p, raw, invalid) : raw;
    default:
      return raw;
  }
}

function parseJson(p: ParamBinding, text: string, invalid: (problem: string) => Error): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'cannot be read';
    throw invalid(`is not valid JSON (${reason}); expected e.g. ${JSON.stringify(p.example)}`);
  }
}
