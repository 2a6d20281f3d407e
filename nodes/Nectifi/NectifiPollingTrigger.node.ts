import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { NECTIFI, NECTIFI_POLL_EVENTS, dropdownMethods, pollTriggerProperties, pollVendorTrigger } from '../common';

export class NectifiPollingTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Nectifi Polling Trigger',
    name: 'nectifiPollingTrigger',
    icon: { light: 'file:../../icons/nectifi.svg', dark: 'file:../../icons/nectifi.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["event"]}}',
    description: 'Starts the workflow when Nectifi has new guests or WiFi sessions, or a guest returns, ends a visit, lapses or changes loyalty tier, checking on a schedule',
    defaults: { name: 'Nectifi Polling Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'nectifiApi', required: true }],
    properties: pollTriggerProperties(NECTIFI_POLL_EVENTS),
  };

  methods = dropdownMethods(NECTIFI);

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    return await pollVendorTrigger.call(this, NECTIFI, NECTIFI_POLL_EVENTS);
  }
}
