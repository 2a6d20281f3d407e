import type { AuthField } from 'zapier-platform-core';
import { NECTIFI_BASE_URL, type NectifiCredentials, nectifiProfile } from '../../shared/nectifi/profile';
import { NECTIFI_SIGNATURE_HEADER } from '../../shared/nectifi/webhook';
import type { ConnectionTestResult } from '../common/app';
import { listPage } from '../common/operations';
import { type AuthData, type VendorBinding, flagOf, integerOf, textOf } from '../common/runner';
import { VendorApiError } from '../../shared/core/errors';
import type { OperationRunner } from '../../shared/client/runner';
import { nectifiPlan } from './plan';
import { allowHttpField } from '../common/auth-fields';

/** The same fields as the n8n credential, plus what the webhook trigger needs to verify deliveries. */
export const nectifiAuthFields: AuthField[] = [
  {
    key: 'apiKey',
    label: 'API Key',
    type: 'password',
    required: true,
    helpText:
      'Your Nectifi API key, starting with `nk_`. Create one in your Nectifi workspace under API settings, with the scopes your Zaps need (for example `crm:read`, `loyalty:write`).',
  },
  {
    key: 'baseUrl',
    label: 'Base URL',
    type: 'string',
    required: false,
    isNoSecret: true,
    placeholder: NECTIFI_BASE_URL,
    helpText: `Leave empty for Nectifi's API at ${NECTIFI_BASE_URL}. Change it only if Nectifi gave you another address.`,
  },
  {
    key: 'requestsPerMinute',
    label: 'Requests Per Minute',
    type: 'integer',
    required: false,
    isNoSecret: true,
    placeholder: '60',
    helpText: 'The rate your key is set to in the workspace: 60 unless you raised it (up to 10,000). When Nectifi says the limit is reached, Zapier waits the time Nectifi asks and tries again.',
  },
  {
    key: 'webhookSecret',
    label: 'Webhook Secret',
    type: 'password',
    required: false,
    helpText:
      'Only for the New Event trigger: the signing secret of your webhook. In your Nectifi workspace, add the webhook under its webhook settings and copy its secret here. Zapier uses it to check that each delivery really comes from Nectifi.',
  },
  {
    key: 'signatureHeader',
    label: 'Signature Header',
    type: 'string',
    required: false,
    placeholder: NECTIFI_SIGNATURE_HEADER,
    helpText: `Only for the New Event trigger: the header that carries the delivery's signature. Leave empty for ${NECTIFI_SIGNATURE_HEADER}.`,
  },
  allowHttpField('Base URL'),
];

export const nectifiBinding: VendorBinding<NectifiCredentials> = {
  app: 'nectifi',
  profile: nectifiProfile,
  credentials: (authData: AuthData) => ({
    apiKey: textOf(authData.apiKey) ?? '',
    baseUrl: textOf(authData.baseUrl),
    requestsPerMinute: integerOf(authData.requestsPerMinute),
    allowHttp: flagOf(authData.allowHttp),
  }),
};

export function webhookSettings(authData: AuthData): { secret?: string; header: string } {
  return { secret: textOf(authData.webhookSecret), header: textOf(authData.signatureHeader) ?? NECTIFI_SIGNATURE_HEADER };
}

/**
 * Lists one location: that proves the key, and the workspace's locations name the account. A key
 * without the WiFi scope answers 403 "Missing scope", which still proves the key is valid.
 */
export async function testNectifiConnection(runner: OperationRunner): Promise<ConnectionTestResult> {
  const host = new URL(runner.connection.baseUrl).host;
  const suffix = host === new URL(NECTIFI_BASE_URL).host ? '' : ` (${host})`;
  try {
    const [first] = await listPage(runner, nectifiPlan.operations.listLocations, {}, 0, 1);
    const name = typeof first?.name === 'string' ? first.name : undefined;
    return { label: name ? `Nectifi: ${name}${suffix}` : `Nectifi${suffix}`, location: name ?? null };
  } catch (error) {
    const missingScope = error instanceof VendorApiError && error.status === 403 && /scope/i.test(error.vendorMessage ?? '');
    if (missingScope) return { label: `Nectifi${suffix}`, location: null };
    throw error;
  }
}
