import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
  DEFAULT_TOLERANCE_SECONDS,
  NECTIFI_EVENTS,
  forgetManualWebhook,
  handOutManualWebhook,
  isManualWebhookHandedOut,
  receiveNectifiWebhook,
} from '../common';

const EVENT_NAMES: Record<string, string> = {
  'guest.created': 'Guest Created',
  'guest.updated': 'Guest Updated',
  'promotion.granted': 'Promotion Granted',
  'promotion.redeemed': 'Promotion Redeemed',
  'loyalty.points_added': 'Loyalty Points Added',
  'loyalty.points_redeemed': 'Loyalty Points Redeemed',
  'wallet.redeemed': 'Wallet Reward Redeemed',
  'visit.started': 'Visit Started',
  'visit.ended': 'Visit Ended',
};

export class NectifiTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Nectifi Trigger',
    name: 'nectifiTrigger',
    icon: { light: 'file:../../icons/nectifi.svg', dark: 'file:../../icons/nectifi.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["events"].length ? $parameter["events"].join(", ") : "All events"}}',
    description: 'Starts the workflow when Nectifi sends a signed webhook event',
    defaults: { name: 'Nectifi Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'nectifiApi', required: true }],
    webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
    properties: [
      {
        displayName:
          'Nectifi has no API to subscribe to webhooks, so this node registers nothing with Nectifi: register its production URL as a webhook in your Nectifi workspace yourself (and remove it there when you no longer use it), and copy the signing secret into the Webhook Secret field of the Nectifi credential. On activation n8n logs the URL to register. Deliveries without a valid signature, or older than the Freshness Window, are refused with HTTP 401: the answer gives the reason, and n8n\'s log records it.',
        name: 'notice',
        type: 'notice',
        default: '',
      },
      {
        displayName: 'Events',
        name: 'events',
        type: 'multiOptions',
        options: NECTIFI_EVENTS.map((value) => ({ name: EVENT_NAMES[value] ?? value, value })),
        default: [],
        description: 'The events that start the workflow. Leave empty for every event.',
      },
      {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        options: [
          {
            displayName: 'Signature Header',
            name: 'signatureHeader',
            type: 'string',
            default: '',
            placeholder: 'X-Nectifi-Signature',
            description: 'Overrides the credential\'s Signature Header for this trigger',
          },
          {
            displayName: 'Freshness Window (Seconds)',
            name: 'toleranceSeconds',
            type: 'number',
            typeOptions: { minValue: 0, maxValue: 604800 },
            default: DEFAULT_TOLERANCE_SECONDS,
            description:
              'Deliveries whose timestamp is further than this from now are refused, so that a captured delivery cannot be replayed later. Raise it if Nectifi retries deliveries late; 0 checks the signature only, as Nectifi\'s own verifier does (a delivery is still accepted once).',
          },
        ],
      },
    ],
  };

  /** Nectifi has no subscription API: these record and log the URL for manual registration (common/manual-webhook.ts). */
  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        return isManualWebhookHandedOut(this);
      },
      async create(this: IHookFunctions): Promise<boolean> {
        return handOutManualWebhook(this, 'Nectifi');
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        return forgetManualWebhook(this, 'Nectifi');
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    return await receiveNectifiWebhook.call(this);
  }
}
