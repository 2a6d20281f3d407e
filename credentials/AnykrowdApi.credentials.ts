import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** anykrowd APIX v1 key for one tenant. APIX answers with an HTML page unless asked for JSON. */
export class AnykrowdApi implements ICredentialType {
  name = 'anykrowdApi';

  displayName = 'Anykrowd API';

  icon = { light: 'file:../icons/anykrowd.svg', dark: 'file:../icons/anykrowd.dark.svg' } as const;

  documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#anykrowd';

  properties: INodeProperties[] = [
    {
      displayName: 'Tenant URL',
      name: 'tenantUrl',
      type: 'string',
      default: '',
      required: true,
      placeholder: 'https://nightclub.anykrowd.dev',
      description: 'Your own anykrowd address, without /apix/v1',
    },
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description: 'The APIX key your anykrowd project manager gave you',
    },
    {
      displayName: 'Allow Plain HTTP',
      name: 'allowHttp',
      type: 'boolean',
      default: false,
      description: 'Whether to allow an http:// Tenant URL. Only for a local or private test server: the API key then travels unencrypted.',
    },
  ];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: { Authorization: '=Bearer {{$credentials.apiKey}}', Accept: 'application/json' },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      baseURL:
        '={{ ((/^https?:\\/\\//i.test($credentials.tenantUrl.trim()) ? "" : "https://") + $credentials.tenantUrl.trim()).replace($credentials.allowHttp ? /^$/ : /^http:/i, "https:").replace(/\\/+$/, "").replace(/\\/apix\\/v1$/, "") }}',
      url: '/apix/v1/ping',
    },
    rules: [
      {
        type: 'responseCode',
        properties: { value: 401, message: 'anykrowd refused the API key (HTTP 401): check it with your anykrowd project manager.' },
      },
    ],
  };

  httpRequestNode = {
    name: 'anykrowd',
    docsUrl: 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#anykrowd',
    apiBaseUrlPlaceholder: 'https://nightclub.anykrowd.dev/apix/v1/ping',
  };
}
