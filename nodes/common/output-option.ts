import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { outputFieldNames, summaryOf } from '../../shared/core/output-summary';
import type { OperationDeclaration } from '../../shared/core/operation';
import type { OperationBinding } from './operation-binding';

/**
 * n8n's UX guideline: an operation whose items have more than 10 fields offers Output: Simplified
 * (the fields its output schema declares as its summary), Raw (everything the vendor sent) or
 * Selected Fields, so that users and AI agents are not flooded. Which operations get it is derived
 * from the output schema and sample; the option exists from node version 1.1 on, so a workflow saved
 * at version 1 keeps the raw items it always had.
 */
export const OUTPUT_OPTION_MAX_FIELDS = 10;
export const OUTPUT_OPTION_SINCE_VERSION = 1.1;

type OutputMode = 'simple' | 'raw' | 'selected';

export function hasOutputOption(op: OperationDeclaration): boolean {
  return outputFieldNames(op.output, op.sample).length > OUTPUT_OPTION_MAX_FIELDS;
}

function summaryFields(op: OperationDeclaration): readonly string[] {
  const summary = summaryOf(op.output);
  if (!summary || summary.length === 0 || summary.length > OUTPUT_OPTION_MAX_FIELDS) {
    throw new Error(
      `${op.vendor} ${op.key}: its items have more than ${OUTPUT_OPTION_MAX_FIELDS} fields, so its output schema needs a summary of at most ${OUTPUT_OPTION_MAX_FIELDS} fields (withSummary in shared/${op.vendor}/schemas.ts)`,
    );
  }
  return summary;
}

export function outputOptionProperties(binding: OperationBinding): INodeProperties[] {
  const { op } = binding;
  if (!hasOutputOption(op)) return [];
  const show = { resource: [op.resource], operation: [op.key], '@version': [{ _cnd: { gte: Math.max(OUTPUT_OPTION_SINCE_VERSION, binding.since) } }] };
  const simplified = summaryFields(op).join(', ');
  return [
    {
      displayName: 'Output',
      name: 'output',
      type: 'options',
      noDataExpression: true,
      default: 'simple',
      description: 'How much of each item to return',
      displayOptions: { show },
      options: [
        { name: 'Raw', value: 'raw', description: 'Every field the vendor sent' },
        { name: 'Selected Fields', value: 'selected', description: 'Only the fields you choose' },
        { name: 'Simplified', value: 'simple', description: `Only ${simplified}` },
      ],
    },
    {
      displayName: 'Fields',
      name: 'outputFields',
      type: 'multiOptions',
      default: [],
      description: 'The fields each item keeps',
      displayOptions: { show: { ...show, output: ['selected'] } },
      options: outputFieldNames(op.output, op.sample).map((field) => ({ name: field, value: field })),
    },
  ];
}

/** Reads the Output choice of one item before any request, so a bad choice costs no call. */
export function outputShaper(ctx: IExecuteFunctions, binding: OperationBinding, itemIndex: number): (item: IDataObject) => IDataObject {
  const { op } = binding;
  if (!hasOutputOption(op) || ctx.getNode().typeVersion < OUTPUT_OPTION_SINCE_VERSION) return (item) => item;
  const mode = ctx.getNodeParameter('output', itemIndex, 'simple') as OutputMode;
  if (mode === 'raw') return (item) => item;
  const fields = mode === 'simple' ? summaryFields(op) : (ctx.getNodeParameter('outputFields', itemIndex, []) as string[]);
  if (fields.length === 0) {
    throw new NodeOperationError(ctx.getNode(), "'Fields' (Output: Selected Fields) is empty: choose at least one field, or set Output to Simplified or Raw", {
      itemIndex,
    });
  }
  return (item) => Object.fromEntries(fields.filter((field) => field in item).map((field) => [field, item[field]])) as IDataObject;
}
