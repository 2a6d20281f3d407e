import type { AuthField } from 'zapier-platform-core';
import type { OperationRunner } from '../../shared/client/runner';
import { type SplashCredentials, splashProfile } from '../../shared/splash/profile';
import type { ConnectionTestResult } from '../common/app';
import { listPage } from '../common/operations';
import { type AuthData, type VendorBinding, flagOf, textOf } from '../common/runner';
import { splashPlan } from './plan';
import { authFields } from '../common/auth-fields';
import { SPLASH_CONNECTION } from '../../shared/splash/connection';

/** The same declaration as the n8n credential (shared/splash/connection.ts). */
export const splashAuthFields: AuthField[] = authFields(SPLASH_CONNECTION);

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
