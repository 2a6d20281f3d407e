import type { AuthField } from 'zapier-platform-core';
import type { OperationRunner } from '../../shared/client/runner';
import { SMARTWIFI_HOSTS, type SmartWifiCredentials, smartwifiProfile } from '../../shared/smartwifi/profile';
import type { ConnectionTestResult } from '../common/app';
import { listPage } from '../common/operations';
import { type AuthData, type VendorBinding, flagOf, textOf } from '../common/runner';
import { smartwifiPlan } from './plan';
import { allowHttpField } from '../common/auth-fields';

const ENVIRONMENTS = { 'us-a': 'US-A', 'us-b': 'US-B', custom: 'Custom' } as const;

/** The same fields as the n8n credential. */
export const smartwifiAuthFields: AuthField[] = [
  {
    key: 'apiToken',
    label: 'API Token',
    type: 'password',
    required: true,
    helpText: 'Your SmartWiFi API token, from the SmartWiFi dashboard. SmartWiFi takes it in the URL; Zapier keeps it out of its logs.',
  },
  {
    key: 'environment',
    label: 'Environment',
    type: 'string',
    required: true,
    isNoSecret: true,
    default: 'us-a',
    choices: Object.entries(ENVIRONMENTS).map(([value, label]) => ({ value, label, sample: value })),
    helpText: `Where your hotspots live: US-A (${SMARTWIFI_HOSTS['us-a']}) or US-B (${SMARTWIFI_HOSTS['us-b']}); SmartWiFi support can tell you which. Custom uses the Base URL below.`,
  },
  {
    key: 'baseUrl',
    label: 'Base URL',
    type: 'string',
    required: false,
    isNoSecret: true,
    placeholder: 'https://api.smartwifiplatform.com',
    helpText: 'Only with the Custom environment: the API address SmartWiFi gave you.',
  },
  allowHttpField('Base URL', 'token'),
];

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
