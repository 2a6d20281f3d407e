import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { NECTIFI_CONNECTION } from '../shared/nectifi/connection';
import { NECTIFI_BASE_URL } from '../shared/nectifi/constants';
import { credentialProperties, plainHttpNotice } from '../nodes/common/credential-properties';
import { answerRule, baseUrlUnless, kindRule, plainHttpRefused, plainHttpRule, urlUnless } from '../nodes/common/credential-test';

const REFUSED = plainHttpRefused('baseUrl');

const MISSING_CRM_SCOPE =
  'The API key works, but it lacks the scope crm:read (Nectifi answered 403 on /crm/guests). Guest, tag and note operations and the New Guest trigger need it; other modules work with their own scopes. Add crm:read to the key in the Nectifi workspace, or save the credential as it is.';

/**
 * Nectifi Global API V1 key. The test reads one guest with `ignoreHttpStatusErrors`, so every n8n
 * version matches Nectifi's answer body (`{"detail": ...}`) against the rules below, in order; a
 * guest list in any shape (`{items}`, a bare array) matches none of them and means a working key.
 */
export class NectifiApi implements ICredentialType {
  name = 'nectifiApi';

  displayName = 'Nectifi API';

  icon = { light: 'file:../icons/nectifi.svg', dark: 'file:../icons/nectifi.dark.svg' } as const;

  documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-venue-connectors#nectifi';

  properties: INodeProperties[] = [...credentialProperties(NECTIFI_CONNECTION), plainHttpNotice('baseUrl', 'Base URL')];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      // An empty Base URL means Nectifi's own, as in the nodes.
      baseURL: baseUrlUnless(REFUSED, 'Base URL', `String($credentials.baseUrl || "${NECTIFI_BASE_URL}").trim().replace(/\\/+$/, "")`),
      url: urlUnless(REFUSED, '/crm/guests'),
      qs: { limit: 1 },
      headers: { Accept: 'application/json' },
      ignoreHttpStatusErrors: true,
    },
    rules: [
      plainHttpRule('Base URL'),
      answerRule('detail', 'Missing scope: crm:read', MISSING_CRM_SCOPE),
      answerRule('detail', 'Missing scope: crm.read', MISSING_CRM_SCOPE),
      // Nectifi docs, "Rate limits": "Monthly quota: plan-based — HTTP 429 with api_monthly_quota_exceeded".
      answerRule(
        'detail',
        'api_monthly_quota_exceeded',
        'Nectifi answered HTTP 429 "api_monthly_quota_exceeded": the monthly API quota of your Nectifi plan is used up. The key itself is valid, so you can save the credential, but every request fails until the quota resets next month or the plan is raised in Nectifi.',
      ),
      // Nectifi docs: "Per-key: sliding window per minute — HTTP 429 with Rate limit exceeded for this API key".
      answerRule(
        'detail',
        'Rate limit exceeded for this API key',
        'Nectifi answered HTTP 429 "Rate limit exceeded for this API key": the key is valid but used up its requests for this minute. Test again in a minute, and set Requests Per Minute to the key\'s limit so that requests are paced under it.',
      ),
      // The docs name these cases (401 "revoked", 403 "IP blocked") but not their words: these are the sandbox's.
      answerRule(
        'detail',
        'API key has been revoked',
        'Nectifi answered HTTP 401 "API key has been revoked": this key was revoked in the workspace. Create a new key in the Nectifi workspace API settings and paste it into API Key.',
      ),
      answerRule(
        'detail',
        'IP address not allowed for this API key',
        'Nectifi answered HTTP 403 "IP address not allowed for this API key": the key has an IP allowlist without the address this n8n calls from. Add that address to the key\'s allowlist in the Nectifi workspace API settings, or use a key without an allowlist.',
      ),
      answerRule(
        'detail',
        'Invalid API key',
        'Nectifi answered HTTP 401 "Invalid API key": Nectifi does not know this key. Paste it whole (it starts with nk_) from the API settings of this workspace; a key from another workspace does not work here.',
      ),
      kindRule(
        'detail',
        'String',
        'Nectifi answered with an error this test does not recognise (run any Nectifi node with this credential to see its status and Nectifi\'s own words). By Nectifi\'s docs, 401 is a missing, invalid or revoked key (create a new one in the workspace API settings), 403 a missing scope, an IP allowlist without this n8n\'s address, or a plan without the entitlement, 429 the rate limit or the monthly quota, and 502 an upstream failure (test again later).',
      ),
      kindRule('detail', 'Array', 'Nectifi refused the test request as invalid (HTTP 422): check the Base URL, it should end in /api/v1/external/v1.'),
      kindRule(
        '',
        'String',
        'The Base URL answered with a web page or text instead of Nectifi\'s API: check it (the default is https://nectifi.com/api/v1/external/v1). If it is right, Nectifi or a proxy in front of it is failing: test again later.',
      ),
      kindRule('message', 'String', 'The Base URL answered, but not like Nectifi\'s API: check it (the default is https://nectifi.com/api/v1/external/v1).'),
    ],
  };

  httpRequestNode = {
    name: 'Nectifi',
    docsUrl: `${NECTIFI_BASE_URL}/docs`,
    apiBaseUrl: NECTIFI_BASE_URL,
  };
}
