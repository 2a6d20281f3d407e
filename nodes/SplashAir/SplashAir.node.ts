import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { SPLASH_AIR, dropdownMethods, executeVendorNode, operationProperties } from '../common';

export class SplashAir implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Splash Air',
    name: 'splashAir',
    icon: { light: 'file:../../icons/splash-air.svg', dark: 'file:../../icons/splash-air.dark.svg' },
    group: ['transform'],
    version: [1, 1.1],
    defaultVersion: 1.1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Work with Splash Air customers, visits, venues and WiFi vouchers',
    defaults: { name: 'Splash Air' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'splashAirApi', required: true }],
    properties: operationProperties(SPLASH_AIR),
  };

  methods = dropdownMethods(SPLASH_AIR);

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return await executeVendorNode.call(this, SPLASH_AIR);
  }
}
