import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { SMARTWIFI, SMARTWIFI_POLL_EVENTS, dropdownMethods, pollTriggerProperties, pollVendorTrigger } from '../common';

export class SmartWifiTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SmartWiFi Trigger',
    name: 'smartWifiTrigger',
    icon: { light: 'file:../../icons/smartwifi.svg', dark: 'file:../../icons/smartwifi.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["event"]}}',
    description: 'Starts the workflow when SmartWiFi has new guests, connections or guest plans, or a guest returns, ends a visit, lapses or has a birthday, checking on a schedule',
    defaults: { name: 'SmartWiFi Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'smartWifiApi', required: true }],
    properties: pollTriggerProperties(SMARTWIFI_POLL_EVENTS),
  };

  methods = dropdownMethods(SMARTWIFI);

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    return await pollVendorTrigger.call(this, SMARTWIFI, SMARTWIFI_POLL_EVENTS);
  }
}
