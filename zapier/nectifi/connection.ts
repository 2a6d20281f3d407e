import type { AuthField } from 'zapier-platform-core';
import { NECTIFI_BASE_URL, type NectifiCredentials, nectifiProfile } from '../../shared/nectifi/profile';
import { NECTIFI_SIGNATURE_HEADER } from '../../shared/nectifi/webhook';
import type { ConnectionTestResult } from '../common/app';
import { listPage } from '../common/operations';
import { type AuthData, type VendorBinding, flagOf, integerOf, textOf } from '../common/runner';
import { VendorApiError } from '../../shared/core/errors';
import type { OperationRunner } from '../../shared/client/runner';
import { nectifiPlan } from './plan';
import { authFields } from '../common/auth-fields';
import { NECTIFI_CONNECTION } from '../../shared/nectifi/connection';

/** The same declaration as the n8n credential (shared/nectifi/connection.ts). */
export const nectifiAuthFields: AuthField[] = authFields(NECTIFI_CONNECTION);

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
