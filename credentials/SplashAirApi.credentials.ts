import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Splash Air API key (header X-API-Key) for one host; the team slug is sent with every call. */
export class SplashAirApi implements ICredentialType {
  name = 'splashAirApi';

  displayName = 'Splash Air API';

  icon = { light: 'file:../icons/splash-air.svg', dark: 'file:../icons/splash-air.dark.svg' } as const;

  documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#splash-air';

  properties: INodeProperties[] = [
    {
      displayName: 'Host',
      name: 'host',
      type: 'string',
      default: '',
      required: true,
      placeholder: 'splash.example.com',
      description: 'The host name of your Splash Air dashboard, with or without https://. The API is under /api.',
    },
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description: 'Generate it in Splash Air under Admin > Generate API Key. It is shown only once.',
    },
    {
      displayName: 'Team',
      name: 'team',
      type: 'string',
      default: 'default',
      description: 'The team identifier (slug) for multi-tenant accounts; default is the root team',
    },
    {
      displayName: 'Allow Plain HTTP',
      name: 'allowHttp',
      type: 'boolean',
      default: false,
      description: 'Whether to allow an http:// host. Only for a local or private test server: the API key then travels unencrypted.',
    },
  ];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: { 'X-API-Key': '={{$credentials.apiKey}}' },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      // The host may come without a scheme; without "Allow Plain HTTP" http:// is tried over https.
      baseURL:
        '={{ ((/^https?:\\/\\//i.test($credentials.host.trim()) ? "" : "https://") + $credentials.host.trim()).replace($credentials.allowHttp ? /^$/ : /^http:/i, "https:").replace(/\\/+$/, "").replace(/\\/api$/, "") + "/api" }}',
      url: '/venues',
      qs: { slug: '={{ $credentials.team || "default" }}', per_page: 1 },
      headers: { Accept: 'application/json' },
    },
    rules: [
      {
        type: 'responseCode',
        properties: { value: 401, message: 'Splash Air refused the API key (HTTP 401): check it, or generate a new one.' },
      },
      {
        type: 'responseCode',
        properties: { value: 404, message: 'Splash Air does not know this team (HTTP 404): check the Team field, or use default.' },
      },
    ],
  };

  httpRequestNode = {
    name: 'Splash Air',
    docsUrl: 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#splash-air',
    apiBaseUrlPlaceholder: 'https://splash.example.com/api/customers?slug=default',
  };
}
