import { createHash } from 'node:crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * The same execution, node, run and item always give the same key, so n8n's "Retry On Fail" (and
 * the client's own retries) repeat a redemption without applying it twice. The run index keeps
 * loops apart: item 0 of the second batch is another redemption than item 0 of the first.
 */
export function defaultIdempotencyKey(ctx: IExecuteFunctions, itemIndex: number): string {
  const runIndex = ctx.getWorkflowDataProxy(itemIndex).$runIndex ?? 0;
  const source = [ctx.getExecutionId(), ctx.getNode().id, runIndex, itemIndex].join(':');
  return `n8n-${createHash('sha256').update(source).digest('hex').slice(0, 40)}`;
}
