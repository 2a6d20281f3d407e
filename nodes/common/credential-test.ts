import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { credentialTestMessage } from '../../shared/client/credential-test-message';
import { OperationRunner } from '../../shared/client/runner';
import type { OperationDeclaration } from '../../shared/core/operation';
import { RequestHelperTransport } from '../../shared/http/request-transport';
import { listGuests } from '../../shared/nectifi/operations';
import { ping as anykrowdPing } from '../../shared/anykrowd/operations/account';
import { ping as smartwifiPing } from '../../shared/smartwifi/operations/account';
import { listVenues } from '../../shared/splash/operations/venues';
import { ANYKROWD, NECTIFI, SMARTWIFI, SPLASH_AIR, type VendorSpec } from './vendors';

/** One attempt, no waiting: a test answers at once. n8n forbids timers in node code. */
const clock = { now: () => Date.now(), sleep: (ms: number) => sleep(ms) };

/**
 * A credential test that runs one cheap read through the shared layer, as every operation does: the
 * credential is checked first (an http:// URL without "Allow Plain HTTP" sends nothing), any list
 * shape the vendor may answer is accepted, and a refusal says what the vendor said and the fix.
 */
export function credentialTest(vendor: VendorSpec, probe: OperationDeclaration, input: Record<string, unknown>) {
  return async function (this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
    try {
      const connection = vendor.profile.connect(credential.data ?? {});
      const runner = new OperationRunner(vendor.profile, connection, { transport: new RequestHelperTransport(this.helpers), rateLimit: false, retry: { maxAttempts: 1 }, clock });
      await runner.call(probe, input);
      return { status: 'OK', message: 'Connection successful!' };
    } catch (error) {
      return { status: 'Error', message: credentialTestMessage(error, vendor.displayName) };
    }
  };
}

/** Nectifi: one guest from the guest list (crm:read, the scope most of its operations need). */
export const nectifiCredentialTest = credentialTest(NECTIFI, listGuests, { limit: 1 });
/** Splash Air: one venue of the credential's team (an unknown team is a 404). */
export const splashAirCredentialTest = credentialTest(SPLASH_AIR, listVenues, { per_page: 1 });
export const smartWifiCredentialTest = credentialTest(SMARTWIFI, smartwifiPing, {});
export const anykrowdCredentialTest = credentialTest(ANYKROWD, anykrowdPing, {});
