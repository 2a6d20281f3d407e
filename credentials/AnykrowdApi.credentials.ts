import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { ANYKROWD_CONNECTION } from '../shared/anykrowd/connection';
import { credentialProperties, plainHttpNotice } from '../nodes/common/credential-properties';
import { baseUrlUnless, mixedRules, plainHttpRefused, plainHttpRule, urlUnless } from '../nodes/common/credential-test';

const REFUSED = plainHttpRefused('tenantUrl');

/** anykrowd APIX v1 key for one tenant. APIX answers with an HTML page unless asked for JSON. */
export class AnykrowdApi implements ICredentialType {
  name = 'anykrowdApi';

  displayName = 'Anykrowd API';

  icon = { light: 'file:../icons/anykrowd.svg', dark: 'file:../icons/anykrowd.dark.svg' } as const;

  documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#anykrowd';

  properties: INodeProperties[] = [...credentialProperties(ANYKROWD_CONNECTION), plainHttpNotice('tenantUrl', 'Tenant URL')];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: { Authorization: '=Bearer {{$credentials.apiKey}}', Accept: 'application/json' },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      // An http:// Tenant URL without Allow Plain HTTP is never called.
      baseURL: baseUrlUnless(
        REFUSED,
        'Tenant URL',
        '((/^https?:\\/\\//i.test($credentials.tenantUrl.trim()) ? "" : "https://") + $credentials.tenantUrl.trim()).replace(/\\/+$/, "").replace(/\\/apix\\/v1$/, "")',
      ),
      url: urlUnless(REFUSED, '/apix/v1/ping'),
    },
    rules: mixedRules(
      plainHttpRule('Tenant URL'),
      {
        type: 'responseCode',
        properties: { value: 401, message: 'anykrowd refused the API key (HTTP 401): check it with your anykrowd project manager.' },
      },
    ),
  };

  httpRequestNode = {
    name: 'anykrowd',
    docsUrl: 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#anykrowd',
    apiBaseUrlPlaceholder: 'https://nightclub.anykrowd.dev/apix/v1/ping',
  };
}
