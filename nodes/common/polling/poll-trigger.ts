import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { createRunner } from '../connection';
import { toNodeError } from '../node-errors';
import type { VendorSpec } from '../vendors';
import type { PollEvent } from './poll-event';

interface StoredPoll {
  /** The event and filters the state belongs to: another choice starts afresh. */
  key?: string;
  state?: unknown;
}

/**
 * `poll()` of every polling trigger. The state lives in the node's static data, which n8n saves
 * after a poll that returns normally; a failed poll keeps the old state, so it is retried whole.
 */
export async function pollVendorTrigger(
  this: IPollFunctions,
  vendor: VendorSpec,
  events: PollEvent[],
): Promise<INodeExecutionData[][] | null> {
  const eventName = this.getNodeParameter('event') as string;
  const event = events.find((e) => e.value === eventName);
  if (!event) throw new NodeOperationError(this.getNode(), `Unknown event "${eventName}"`);
  try {
    const runner = await createRunner(this, vendor);
    if (this.getMode() === 'manual') {
      return asOutput(this, await event.recent(this, runner));
    }
    const stored = this.getWorkflowStaticData('node') as StoredPoll;
    const filters = event.properties.filter((p) => p.name !== 'options');
    const key = JSON.stringify([eventName, ...filters.map((p) => this.getNodeParameter(p.name, null))]);
    const { items, state } = await event.poll(this, runner, stored.key === key ? stored.state : undefined);
    stored.key = key;
    stored.state = state as IDataObject;
    return asOutput(this, items);
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}

function asOutput(ctx: IPollFunctions, items: IDataObject[]): INodeExecutionData[][] | null {
  return items.length > 0 ? [ctx.helpers.returnJsonArray(items)] : null;
}
