import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { SMARTWIFI, dropdownMethods, executeVendorNode, operationProperties } from '../common';

export class SmartWifi implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SmartWiFi',
    name: 'smartWifi',
    icon: { light: 'file:../../icons/smartwifi.svg', dark: 'file:../../icons/smartwifi.dark.svg' },
    group: ['transform'],
    version: [1, 1.1],
    defaultVersion: 1.1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Work with SmartWiFi guests, guest plans, connections and hotspots',
    defaults: { name: 'SmartWiFi' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'smartWifiApi', required: true }],
    properties: operationProperties(SMARTWIFI),
  };

  methods = dropdownMethods(SMARTWIFI);

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return await executeVendorNode.call(this, SMARTWIFI);
  }
}
