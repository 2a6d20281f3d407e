import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { SMARTWIFI_CONNECTION } from '../shared/smartwifi/connection';
import { credentialProperties, plainHttpNotice } from '../nodes/common/credential-properties';
import { baseUrlUnless, mixedRules, plainHttpRefused, plainHttpRule, urlUnless } from '../nodes/common/credential-test';

const REFUSED = `$credentials.environment === "custom" && ${plainHttpRefused('baseUrl')}`;

/** SmartWiFi Platform v2 token. The API takes it only as the `api_token` query parameter. */
export class SmartWifiApi implements ICredentialType {
  name = 'smartWifiApi';

  displayName = 'SmartWiFi API';

  icon = { light: 'file:../icons/smartwifi.svg', dark: 'file:../icons/smartwifi.dark.svg' } as const;

  documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#smartwifi';

  properties: INodeProperties[] = [...credentialProperties(SMARTWIFI_CONNECTION), plainHttpNotice('baseUrl', 'Base URL', { environment: ['custom'] })];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      qs: { api_token: '={{$credentials.apiToken}}' },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      // An http:// custom Base URL without Allow Plain HTTP is never called.
      baseURL: baseUrlUnless(
        REFUSED,
        'Base URL',
        '$credentials.environment === "us-b" ? "https://api-usb.smartwifiplatform.com" : $credentials.environment === "custom" ? $credentials.baseUrl.trim().replace(/\\/+$/, "") : "https://api.smartwifiplatform.com"',
      ),
      url: urlUnless(REFUSED, '/v2/zapier/client/ping'),
      headers: { Accept: 'application/json' },
    },
    rules: mixedRules(
      plainHttpRule('Base URL'),
      {
        type: 'responseCode',
        properties: {
          value: 401,
          message: 'SmartWiFi refused the API token (HTTP 401): check it, and check the environment (US-A or US-B).',
        },
      },
    ),
  };

  httpRequestNode = {
    name: 'SmartWiFi',
    docsUrl: 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#smartwifi',
    apiBaseUrl: 'https://api.smartwifiplatform.com/v2/',
  };
}
