import { CredentialError } from '../core/errors';
import { parseServiceUrl, requireSecret } from '../client/service-url';
import { type VendorProfile, fingerprint, stringMessage } from '../client/vendor-profile';
import { SMARTWIFI_HOSTS } from './constants';

export { SMARTWIFI_HOSTS };

export interface SmartWifiCredentials {
  apiToken: string;
  /** Support tells which environment a hotspot lives in; `custom` uses `baseUrl`. */
  environment?: 'us-a' | 'us-b' | 'custom';
  baseUrl?: string;
  allowHttp?: boolean;
}

export const smartwifiProfile: VendorProfile<SmartWifiCredentials> = {
  vendor: 'smartwifi',
  displayName: 'SmartWiFi',
  connect(credentials) {
    const apiToken = requireSecret(credentials.apiToken, 'API Token', 'find it in the SmartWiFi dashboard');
    const environment = credentials.environment ?? 'us-a';
    if (environment !== 'custom' && !(environment in SMARTWIFI_HOSTS)) {
      throw new CredentialError('Environment', 'Environment must be US-A, US-B or Custom');
    }
    const baseUrl =
      environment === 'custom'
        ? parseServiceUrl(credentials.baseUrl, 'Base URL', credentials.allowHttp)
        : SMARTWIFI_HOSTS[environment];
    return {
      baseUrl,
      // The token travels in the query string (the only way the API takes it): every URL we show is redacted.
      auth: { headers: {}, query: { api_token: apiToken } },
      params: {},
      secrets: [apiToken],
      limiterId: fingerprint(apiToken),
    };
  },
  errorMessage(body) {
    const { message, error } = (body ?? {}) as { message?: unknown; error?: unknown };
    return stringMessage(message) ?? stringMessage(error);
  },
  isRetryable: () => true,
  unwrap: (body) => body,
};
