import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { SPLASH_AIR, SPLASH_POLL_EVENTS, dropdownMethods, pollTriggerProperties, pollVendorTrigger } from '../common';

export class SplashAirTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Splash Air Trigger',
    name: 'splashAirTrigger',
    icon: { light: 'file:../../icons/splash-air.svg', dark: 'file:../../icons/splash-air.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["event"]}}',
    description: 'Starts the workflow when Splash Air has new customers or customer visits, or a customer returns or lapses, checking on a schedule',
    defaults: { name: 'Splash Air Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'splashAirApi', required: true }],
    properties: pollTriggerProperties(SPLASH_POLL_EVENTS),
  };

  methods = dropdownMethods(SPLASH_AIR);

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    return await pollVendorTrigger.call(this, SPLASH_AIR, SPLASH_POLL_EVENTS);
  }
}
