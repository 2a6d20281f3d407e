import type { Vendor } from '../../shared/core/operation';
import { VENDORS } from '../../shared/catalog';
import { type ClientOptions, OperationRunner } from '../../shared/client/runner';

export interface TestCredentials {
  nectifi: { apiKey: string; baseUrl: string; allowHttp: true; requestsPerMinute?: number };
  splash: { host: string; apiKey: string; team: string; allowHttp: true };
  smartwifi: { apiToken: string; environment: 'custom'; baseUrl: string; allowHttp: true };
  anykrowd: { tenantUrl: string; apiKey: string; allowHttp: true };
}

export const OFFLINE_CREDENTIALS: TestCredentials = {
  nectifi: { apiKey: 'nk_offlinetestkey0000000000000000', baseUrl: 'http://127.0.0.1:9/nectifi', allowHttp: true },
  splash: { host: 'http://127.0.0.1:9/splash', apiKey: 'splash-offline-key', team: 'default', allowHttp: true },
  smartwifi: { apiToken: 'smartwifi-offline-token', environment: 'custom', baseUrl: 'http://127.0.0.1:9/smartwifi', allowHttp: true },
  anykrowd: { tenantUrl: 'http://127.0.0.1:9/anykrowd', apiKey: 'anykrowd-offline-key', allowHttp: true },
};

export function runnerFor(vendor: Vendor, credentials: TestCredentials, options: ClientOptions = {}): OperationRunner {
  const entry = VENDORS.find((v) => v.vendor === vendor);
  if (!entry) throw new Error(`no vendor ${vendor}`);
  const profile = entry.profile as unknown as import('../../shared/client/vendor-profile').VendorProfile<unknown>;
  return new OperationRunner(profile, profile.connect(credentials[vendor]), options);
}
