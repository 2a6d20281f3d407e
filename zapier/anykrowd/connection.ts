import type { AuthField } from 'zapier-platform-core';
import type { OperationRunner } from '../../shared/client/runner';
import { type AnykrowdCredentials, anykrowdProfile } from '../../shared/anykrowd/profile';
import type { ConnectionTestResult } from '../common/app';
import { type AuthData, type VendorBinding, flagOf, textOf } from '../common/runner';
import { anykrowdPlan } from './plan';
import { authFields } from '../common/auth-fields';
import { ANYKROWD_CONNECTION } from '../../shared/anykrowd/connection';

/** The same declaration as the n8n credential (shared/anykrowd/connection.ts). */
export const anykrowdAuthFields: AuthField[] = authFields(ANYKROWD_CONNECTION);

export const anykrowdBinding: VendorBinding<AnykrowdCredentials> = {
  app: 'anykrowd',
  profile: anykrowdProfile,
  credentials: (authData: AuthData) => ({
    tenantUrl: textOf(authData.tenantUrl) ?? '',
    apiKey: textOf(authData.apiKey) ?? '',
    allowHttp: flagOf(authData.allowHttp),
  }),
};

/** Pings the tenant with the key; the tenant's address names the account. */
export async function testAnykrowdConnection(runner: OperationRunner): Promise<ConnectionTestResult> {
  await runner.call(anykrowdPlan.operations.ping, {});
  const url = new URL(runner.connection.baseUrl);
  const tenant = `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  return { label: `anykrowd: ${tenant}`, tenant };
}
