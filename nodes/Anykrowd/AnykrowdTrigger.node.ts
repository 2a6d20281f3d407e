import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { ANYKROWD, ANYKROWD_POLL_EVENTS, dropdownMethods, pollTriggerProperties, pollVendorTrigger } from '../common';

export class AnykrowdTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'anykrowd Trigger',
    name: 'anykrowdTrigger',
    icon: { light: 'file:../../icons/anykrowd.svg', dark: 'file:../../icons/anykrowd.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["event"]}}',
    description: 'Starts the workflow when an anykrowd wallet has new transactions, checking on a schedule',
    defaults: { name: 'anykrowd Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'anykrowdApi', required: true }],
    properties: pollTriggerProperties(ANYKROWD_POLL_EVENTS),
  };

  methods = dropdownMethods(ANYKROWD);

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    return await pollVendorTrigger.call(this, ANYKROWD, ANYKROWD_POLL_EVENTS);
  }
}
