import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { ANYKROWD, dropdownMethods, executeVendorNode, operationProperties } from '../common';

export class Anykrowd implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'anykrowd',
    name: 'anykrowd',
    icon: { light: 'file:../../icons/anykrowd.svg', dark: 'file:../../icons/anykrowd.dark.svg' },
    group: ['transform'],
    version: [1, 1.1],
    defaultVersion: 1.1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Work with anykrowd wallets, top-ups, staff sync, currencies, roles and events',
    defaults: { name: 'anykrowd' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'anykrowdApi', required: true }],
    properties: operationProperties(ANYKROWD),
  };

  methods = dropdownMethods(ANYKROWD);

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return await executeVendorNode.call(this, ANYKROWD);
  }
}
