import { type Sandbox, type SandboxOptions, startSandbox } from '../sandbox';
import type { TestCredentials } from './runners';

export async function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, quiet: true, ...options });
}

/** Credentials a user would type to point the connectors at this sandbox. */
export function sandboxCredentials(sandbox: Sandbox, nectifiKey = sandbox.keys.nectifi.full): TestCredentials {
  return {
    nectifi: { apiKey: nectifiKey, baseUrl: sandbox.urls.nectifi, allowHttp: true, requestsPerMinute: 10_000 },
    splash: { host: sandbox.urls.splash, apiKey: sandbox.keys.splash.apiKey, team: sandbox.keys.splash.team, allowHttp: true },
    smartwifi: { apiToken: sandbox.keys.smartwifi.apiToken, environment: 'custom', baseUrl: sandbox.urls.smartwifi, allowHttp: true },
    anykrowd: { tenantUrl: sandbox.urls.anykrowd, apiKey: sandbox.keys.anykrowd.apiKey, allowHttp: true },
  };
}
