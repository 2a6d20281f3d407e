import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** SmartWiFi Platform v2 token. The API takes it only as the `api_token` query parameter. */
export class SmartWifiApi implements ICredentialType {
  name = 'smartWifiApi';

  displayName = 'SmartWiFi API';

  icon = { light: 'file:../icons/smartwifi.svg', dark: 'file:../icons/smartwifi.dark.svg' } as const;

  documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#smartwifi';

  properties: INodeProperties[] = [
    {
      displayName: 'API Token',
      name: 'apiToken',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description: 'The API token from your SmartWiFi dashboard',
    },
    {
      displayName: 'Environment',
      name: 'environment',
      type: 'options',
      options: [
        { name: 'US-A', value: 'us-a', description: 'api.smartwifiplatform.com' },
        { name: 'US-B', value: 'us-b', description: 'api-usb.smartwifiplatform.com' },
        { name: 'Custom', value: 'custom', description: 'Another base URL, e.g. a test server' },
      ],
      default: 'us-a',
      description: 'Where your hotspots live; SmartWiFi support tells you which one',
    },
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: '',
      placeholder: 'https://api.smartwifiplatform.com',
      displayOptions: { show: { environment: ['custom'] } },
    },
    {
      displayName: 'Allow Plain HTTP',
      name: 'allowHttp',
      type: 'boolean',
      default: false,
      displayOptions: { show: { environment: ['custom'] } },
      description: 'Whether to allow an http:// Base URL. Only for a local or private test server: the token then travels unencrypted.',
    },
  ];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      qs: { api_token: '={{$credentials.apiToken}}' },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      baseURL:
        '={{ $credentials.environment === "us-b" ? "https://api-usb.smartwifiplatform.com" : $credentials.environment === "custom" ? ($credentials.allowHttp ? $credentials.baseUrl : $credentials.baseUrl.replace(/^http:/i, "https:")).replace(/\\/+$/, "") : "https://api.smartwifiplatform.com" }}',
      url: '/v2/zapier/client/ping',
      headers: { Accept: 'application/json' },
    },
    rules: [
      {
        type: 'responseCode',
        properties: {
          value: 401,
          message: 'SmartWiFi refused the API token (HTTP 401): check it, and check the environment (US-A or US-B).',
        },
      },
    ],
  };

  httpRequestNode = {
    name: 'SmartWiFi',
    docsUrl: 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#smartwifi',
    apiBaseUrl: 'https://api.smartwifiplatform.com/v2/',
  };
}
