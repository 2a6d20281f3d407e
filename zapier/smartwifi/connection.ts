import type { AuthField } from 'zapier-platform-core';
import type { OperationRunner } from '../../shared/client/runner';
import { type SmartWifiCredentials, smartwifiProfile } from '../../shared/smartwifi/profile';
import type { ConnectionTestResult } from '../common/app';
import { listPage } from '../common/operations';
import { type AuthData, type VendorBinding, flagOf, textOf } from '../common/runner';
import { smartwifiPlan } from './plan';
import { authFields } from '../common/auth-fields';
import { SMARTWIFI_CONNECTION } from '../../shared/smartwifi/connection';

const ENVIRONMENTS = { 'us-a': 'US-A', 'us-b': 'US-B', custom: 'Custom' } as const;

/** The same declaration as the n8n credential (shared/smartwifi/connection.ts). */
export const smartwifiAuthFields: AuthField[] = authFields(SMARTWIFI_CONNECTION);

export const smartwifiBinding: VendorBinding<SmartWifiCredentials> = {
  app: 'smartwifi',
  profile: smartwifiProfile,
  credentials: (authData: AuthData) => ({
    apiToken: textOf(authData.apiToken) ?? '',
    environment: (textOf(authData.environment) ?? 'us-a') as SmartWifiCredentials['environment'],
    baseUrl: textOf(authData.baseUrl),
    allowHttp: flagOf(authData.allowHttp),
  }),
};

/** Pings with the token, then names the account by its environment and hotspots. */
export async function testSmartwifiConnection(runner: OperationRunner, bundle: { authData: AuthData }): Promise<ConnectionTestResult> {
  await runner.call(smartwifiPlan.operations.ping, {});
  const hotspots = await listPage(runner, smartwifiPlan.operations.listHotspots, {});
  const environment = ENVIRONMENTS[(textOf(bundle.authData.environment) ?? 'us-a') as keyof typeof ENVIRONMENTS] ?? 'US-A';
  const names = hotspots.map((hotspot) => String(hotspot.name ?? hotspot.id));
  const more = names.length > 2 ? ` and ${names.length - 2} more` : '';
  const label = names.length ? `SmartWiFi ${environment}: ${names.slice(0, 2).join(', ')}${more}` : `SmartWiFi ${environment}`;
  return { label, environment, hotspots: names.length };
}
