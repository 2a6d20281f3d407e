import { type ConnectionField, allowPlainHttpField } from '../core/connection-fields';
import { NECTIFI_BASE_URL, NECTIFI_SIGNATURE_HEADER } from './constants';

/** The Nectifi connection: the n8n credential and the Zapier account. */
export const NECTIFI_CONNECTION: readonly ConnectionField[] = [
  {
    key: 'apiKey',
    label: 'API Key',
    kind: 'secret',
    required: true,
    placeholder: 'nk_...',
    help: 'A key from your Nectifi workspace API settings. It starts with nk_ and is shown only once.',
    helpFor: {
      zapier:
        'Your Nectifi API key, starting with `nk_`. Create one in your Nectifi workspace under API settings, with the scopes your Zaps need (for example `crm:read`, `loyalty:write`).',
    },
  },
  {
    key: 'baseUrl',
    label: 'Base URL',
    kind: 'text',
    default: NECTIFI_BASE_URL,
    zapierLeavesEmpty: true,
    help: 'Change only for a test or private Nectifi server',
    helpFor: { zapier: `Leave empty for Nectifi's API at ${NECTIFI_BASE_URL}. Change it only if Nectifi gave you another address.` },
  },
  {
    key: 'requestsPerMinute',
    label: 'Requests Per Minute',
    kind: 'integer',
    default: 60,
    min: 1,
    max: 10000,
    zapierLeavesEmpty: true,
    help: 'The rate limit set for this key in the workspace (60 unless raised, at most 10,000). Requests are paced to stay under it.',
    helpFor: {
      zapier:
        'The rate your key is set to in the workspace: 60 unless you raised it (up to 10,000). When Nectifi says the limit is reached, Zapier waits the time Nectifi asks and tries again.',
    },
  },
  {
    key: 'sharingProcesses',
    label: 'Processes Sharing This Key',
    kind: 'integer',
    default: 1,
    min: 1,
    max: 1000,
    // Zapier runs no processes the user counts; its retries honour Nectifi's Retry-After instead.
    platforms: ['n8n'],
    help: "In queue mode, how many n8n processes run nodes with this credential at once: the workers, plus the main instance if a polling trigger uses it. Each keeps to Requests Per Minute divided by this number, so together they stay within the key's limit. 1 for a single n8n.",
  },
  {
    key: 'webhookSecret',
    label: 'Webhook Secret',
    kind: 'secret',
    help: 'The signing secret of the webhook you registered in Nectifi. Only the Nectifi Trigger node needs it; deliveries without a valid signature are refused.',
    helpFor: {
      zapier:
        'Only for the New Event trigger: the signing secret of your webhook. In your Nectifi workspace, add the webhook under its webhook settings and copy its secret here. Zapier uses it to check that each delivery really comes from Nectifi.',
    },
  },
  {
    key: 'signatureHeader',
    label: 'Signature Header',
    kind: 'text',
    default: NECTIFI_SIGNATURE_HEADER,
    zapierLeavesEmpty: true,
    help: 'The HTTP header that carries the webhook signature (sha256=&lt;hex&gt;)',
    helpFor: { zapier: `Only for the New Event trigger: the header that carries the delivery's signature. Leave empty for ${NECTIFI_SIGNATURE_HEADER}.` },
  },
  allowPlainHttpField('Base URL'),
];
