import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Nectifi Global API V1 key. The test reads one guest: a 401 means the key is refused, a 403 means
 * Nectifi knows the key but it lacks the CRM read scope (or the IP allowlist blocks n8n).
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

  /*
   * A 403 means Nectifi knows the key but it lacks a scope, so the test reads the body instead of
   * failing on the status: n8n 2.8 drops the response from a failed request before the credential
   * tester could match a status rule, so a status rule could not name the scope.
   */
  test: ICredentialTestRequest = {
    request: {
      // Without "Allow Plain HTTP" an http:// URL is tried over https, so the key never leaves unencrypted.
      baseURL:
        '={{ ($credentials.allowHttp ? $credentials.baseUrl : $credentials.baseUrl.replace(/^http:/i, "https:")).replace(/\\/+$/, "") }}',
      url: '/crm/guests',
      qs: { limit: 1 },
      headers: { Accept: 'application/json' },
      ignoreHttpStatusErrors: true,
    },
    rules: [
      ...['crm:read', 'crm.read'].map((scope) => ({
        type: 'responseSuccessBody' as const,
        properties: {
          key: 'detail',
          value: `Missing scope: ${scope}`,
          message:
            'The API key works, but it lacks the scope crm:read (Nectifi answered 403 on /crm/guests). Guest, tag and note operations and the New Guest trigger need it; other modules work with their own scopes. Add crm:read to the key in the Nectifi workspace, or save the credential as it is.',
        },
      })),
      {
        type: 'responseSuccessBody',
        properties: {
          // A guest list always has `items`; anything else is a refusal or an error page.
          key: 'items',
          value: undefined,
          message:
            'Nectifi did not accept the API key: it is mistyped, revoked, belongs to another workspace, or its IP allowlist blocks this n8n. Check the key and the Base URL.',
        },
      },
    ],
  };

  httpRequestNode = {
    name: 'Nectifi',
    docsUrl: 'https://nectifi.com/api/v1/external/v1/docs',
    apiBaseUrl: 'https://nectifi.com/api/v1/external/v1',
  };
}
