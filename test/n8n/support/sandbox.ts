import { type Sandbox, startSandbox } from '../../sandbox';
import { type CredentialStore, stopEngineTimers } from './engine';

/** A small sandbox: enough rows to page through, quick to seed. */
export async function startTestSandbox(): Promise<Sandbox> {
  return await startSandbox({
    port: 0,
    seed: 7,
    scale: {
      nectifiGuests: 600,
      nectifiSessions: 1500,
      nectifiGrants: 200,
      nectifiNotes: 50,
      splashCustomers: 500,
      splashVisits: 1500,
      splashVouchers: 30,
      smartwifiGuests: 400,
      smartwifiConnections: 3000,
      smartwifiGuestPlans: 300,
      anykrowdUsers: 40,
      anykrowdTransactions: 800,
    },
  });
}

/** Credentials as a user would enter them for the sandbox (plain HTTP on 127.0.0.1 opted in). */
export function sandboxCredentials(sandbox: Sandbox, nectifiKey = sandbox.keys.nectifi.full): CredentialStore {
  return {
    nectifiApi: {
      apiKey: nectifiKey,
      baseUrl: sandbox.urls.nectifi,
      requestsPerMinute: 10000,
      webhookSecret: sandbox.keys.nectifi.webhookSecret,
      signatureHeader: sandbox.keys.nectifi.signatureHeader,
      allowHttp: true,
    },
    splashAirApi: { host: sandbox.urls.splash, apiKey: sandbox.keys.splash.apiKey, team: sandbox.keys.splash.team, allowHttp: true },
    smartWifiApi: { apiToken: sandbox.keys.smartwifi.apiToken, environment: 'custom', baseUrl: sandbox.urls.smartwifi, allowHttp: true },
    anykrowdApi: { tenantUrl: sandbox.urls.anykrowd, apiKey: sandbox.keys.anykrowd.apiKey, allowHttp: true },
  };
}

export const CREDENTIAL_NAMES = {
  nectifiApi: 'Nectifi sandbox',
  splashAirApi: 'Splash Air sandbox',
  smartWifiApi: 'SmartWiFi sandbox',
  anykrowdApi: 'anykrowd sandbox',
} as const;

/**
 * The usual setup of a test file that runs workflows through n8n's engine: the test sandbox and its
 * credentials before the file's tests (handed to `ready`), the sandbox and n8n-core's timers stopped after.
 */
export function useEngineSandbox(ready: (sandbox: Sandbox, credentials: CredentialStore) => void): void {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ready(sandbox, sandboxCredentials(sandbox));
  });
  afterAll(async () => {
    await sandbox?.close();
    stopEngineTimers();
  });
}
