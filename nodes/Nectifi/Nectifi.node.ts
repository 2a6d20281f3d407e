import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { NECTIFI, dropdownMethods, executeVendorNode, operationProperties } from '../common';

export class Nectifi implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Nectifi',
    name: 'nectifi',
    icon: { light: 'file:../../icons/nectifi.svg', dark: 'file:../../icons/nectifi.dark.svg' },
    group: ['transform'],
    version: [1, 1.1],
    defaultVersion: 1.1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Work with Nectifi guests, promotions, loyalty points, wallets, emails, WiFi sessions and analytics',
    defaults: { name: 'Nectifi' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'nectifiApi', required: true }],
    properties: operationProperties(NECTIFI),
  };

  methods = dropdownMethods(NECTIFI);

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return await executeVendorNode.call(this, NECTIFI);
  }
}
