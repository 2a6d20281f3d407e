import type { AuthField } from 'zapier-platform-core';
import type { OperationRunner } from '../../shared/client/runner';
import { type AnykrowdCredentials, anykrowdProfile } from '../../shared/anykrowd/profile';
import type { ConnectionTestResult } from '../common/app';
import { type AuthData, type VendorBinding, flagOf, textOf } from '../common/runner';
import { anykrowdPlan } from './plan';
import { allowHttpField } from '../common/auth-fields';

/** The same fields as the n8n credential. */
export const anykrowdAuthFields: AuthField[] = [
  {
    key: 'tenantUrl',
    label: 'Tenant URL',
    type: 'string',
    required: true,
    isNoSecret: true,
    placeholder: 'https://nightclub.anykrowd.dev',
    helpText: 'Your own anykrowd address, e.g. `https://nightclub.anykrowd.dev` (without /apix/v1).',
  },
  {
    key: 'apiKey',
    label: 'API Key',
    type: 'password',
    required: true,
    helpText: 'Your anykrowd APIX key. Ask your anykrowd project manager for one.',
  },
  allowHttpField('Tenant URL'),
];

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
