import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Nectifi Global API V1 key. Its test (run by the Nectifi node) reads one guest through the shared
 * layer and says what Nectifi answered: a revoked key, a missing scope, an IP allowlist, the quota.
 */
export class NectifiApi implements ICredentialType {
  name = 'nectifiApi';

  displayName = 'Nectifi API';

  icon = { light: 'file:../icons/nectifi.svg', dark: 'file:../icons/nectifi.dark.svg' } as const;

  documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#nectifi';

  properties: INodeProperties[] = [
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      placeholder: 'nk_...',
      description: 'A key from your Nectifi workspace API settings. It starts with nk_ and is shown only once.',
    },
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: 'https://nectifi.com/api/v1/external/v1',
      description: 'Change only for a test or private Nectifi server',
    },
    {
      displayName: 'Requests Per Minute',
      name: 'requestsPerMinute',
      type: 'number',
      typeOptions: { minValue: 1, maxValue: 10000 },
      default: 60,
      description: 'The rate limit set for this key in the workspace (60 unless raised, at most 10,000). Requests are paced to stay under it.',
    },
    {
      displayName: 'Processes Sharing This Key',
      name: 'sharingProcesses',
      type: 'number',
      typeOptions: { minValue: 1, maxValue: 1000 },
      default: 1,
      description:
        'In queue mode, how many n8n processes run nodes with this credential at once: the workers, plus the main instance if a polling trigger uses it. Each keeps to Requests Per Minute divided by this number, so together they stay within the key\'s limit. 1 for a single n8n.',
    },
    {
      displayName: 'Webhook Secret',
      name: 'webhookSecret',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      description: 'The signing secret of the webhook you registered in Nectifi. Only the Nectifi Trigger node needs it; deliveries without a valid signature are refused.',
    },
    {
      displayName: 'Signature Header',
      name: 'signatureHeader',
      type: 'string',
      default: 'X-Nectifi-Signature',
      description: 'The HTTP header that carries the webhook signature (sha256=&lt;hex&gt;)',
    },
    {
      displayName: 'Allow Plain HTTP',
      name: 'allowHttp',
      type: 'boolean',
      default: false,
      description: 'Whether to allow an http:// Base URL. Only for a local or private test server: the API key then travels unencrypted.',
    },
  ];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
    },
  };

  // No declarative `test`: n8n's tester reads only the first item of the body, so it could not
  // accept a bare-array guest list (which every operation accepts) nor tell the documented refusals
  // apart. The Nectifi node tests this credential through the shared layer (testedBy: nectifiApiTest).

  httpRequestNode = {
    name: 'Nectifi',
    docsUrl: 'https://nectifi.com/api/v1/external/v1/docs',
    apiBaseUrl: 'https://nectifi.com/api/v1/external/v1',
  };
}
