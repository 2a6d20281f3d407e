import type { AuthField } from 'zapier-platform-core';
import type { OperationRunner } from '../../shared/client/runner';
import { type SplashCredentials, splashProfile } from '../../shared/splash/profile';
import type { ConnectionTestResult } from '../common/app';
import { listPage } from '../common/operations';
import { type AuthData, type VendorBinding, flagOf, textOf } from '../common/runner';
import { splashPlan } from './plan';
import { allowHttpField } from '../common/auth-fields';

/** The same fields as the n8n credential. */
export const splashAuthFields: AuthField[] = [
  {
    key: 'host',
    label: 'Host',
    type: 'string',
    required: true,
    isNoSecret: true,
    placeholder: 'splash.example.com',
    helpText: 'The address of your Splash Air dashboard, e.g. `splash.example.com` (with or without https://). The API lives under /api on it.',
  },
  {
    key: 'apiKey',
    label: 'API Key',
    type: 'password',
    required: true,
    helpText: 'Your Splash Air API key: in the dashboard, go to Admin > Generate API Key.',
  },
  {
    key: 'team',
    label: 'Team',
    type: 'string',
    required: false,
    isNoSecret: true,
    default: 'default',
    helpText: 'The identifier (slug) of the team whose data Zapier works with. Leave `default` for the root team.',
  },
  allowHttpField('Host'),
];

export const splashBinding: VendorBinding<SplashCredentials> = {
  app: 'splash',
  profile: splashProfile,
  credentials: (authData: AuthData) => ({
    host: textOf(authData.host) ?? '',
    apiKey: textOf(authData.apiKey) ?? '',
    team: textOf(authData.team),
    allowHttp: flagOf(authData.allowHttp),
  }),
};

/** Lists one venue of the team: proves the key and the team (an unknown team is 404). */
export async function testSplashConnection(runner: OperationRunner): Promise<ConnectionTestResult> {
  await listPage(runner, splashPlan.operations.listVenues, {}, 0, 1);
  const team = runner.connection.params.slug;
  const host = new URL(runner.connection.baseUrl).host;
  return { label: `Splash Air: team ${team} on ${host}`, team, host };
}
