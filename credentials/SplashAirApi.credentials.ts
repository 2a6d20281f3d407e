import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { SPLASH_CONNECTION } from '../shared/splash/connection';
import { credentialProperties, plainHttpNotice } from '../nodes/common/credential-properties';
import { baseUrlUnless, mixedRules, plainHttpRefused, plainHttpRule, urlUnless } from '../nodes/common/credential-test';

const REFUSED = plainHttpRefused('host');

/** Splash Air API key (header X-API-Key) for one host; the team slug is sent with every call. */
export class SplashAirApi implements ICredentialType {
  name = 'splashAirApi';

  displayName = 'Splash Air API';

  icon = { light: 'file:../icons/splash-air.svg', dark: 'file:../icons/splash-air.dark.svg' } as const;

  documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#splash-air';

  properties: INodeProperties[] = [...credentialProperties(SPLASH_CONNECTION), plainHttpNotice('host', 'Host')];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: { 'X-API-Key': '={{$credentials.apiKey}}' },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      // The host may come without a scheme (then https); an http:// host without Allow Plain HTTP is never called.
      baseURL: baseUrlUnless(
        REFUSED,
        'Host',
        '((/^https?:\\/\\//i.test($credentials.host.trim()) ? "" : "https://") + $credentials.host.trim()).replace(/\\/+$/, "").replace(/\\/api$/, "") + "/api"',
      ),
      url: urlUnless(REFUSED, '/venues'),
      qs: { slug: '={{ $credentials.team || "default" }}', per_page: 1 },
      headers: { Accept: 'application/json' },
    },
    rules: mixedRules(
      plainHttpRule('Host'),
      {
        type: 'responseCode',
        properties: { value: 401, message: 'Splash Air refused the API key (HTTP 401): check it, or generate a new one.' },
      },
      {
        type: 'responseCode',
        properties: { value: 404, message: 'Splash Air does not know this team (HTTP 404): check the Team field, or use default.' },
      },
    ),
  };

  httpRequestNode = {
    name: 'Splash Air',
    docsUrl: 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#splash-air',
    apiBaseUrlPlaceholder: 'https://splash.example.com/api/customers?slug=default',
  };
}
