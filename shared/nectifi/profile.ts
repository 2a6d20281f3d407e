import { CredentialError } from '../core/errors';
import { parseServiceUrl, requireSecret } from '../client/service-url';
import { type VendorProfile, fingerprint, stringMessage } from '../client/vendor-profile';
import { shareOf } from '../http/rate-limiter';
import { NECTIFI_BASE_URL } from './constants';

export { NECTIFI_BASE_URL };

/** Documented default per-key rate; a workspace can raise a key to 10,000/min. */
export const NECTIFI_DEFAULT_PER_MINUTE = 60;

export interface NectifiCredentials {
  apiKey: string;
  baseUrl?: string;
  /** Requests per minute the key is configured for in the workspace (default 60). */
  requestsPerMinute?: number;
  /** How many processes use the key at once (n8n queue mode: the main instance and the workers); each keeps to its share. */
  sharingProcesses?: number;
  allowHttp?: boolean;
}

export const nectifiProfile: VendorProfile<NectifiCredentials> = {
  vendor: 'nectifi',
  displayName: 'Nectifi',
  connect(credentials) {
    const apiKey = requireSecret(credentials.apiKey, 'API Key', 'create a key in the Nectifi workspace API settings');
    if (!apiKey.startsWith('nk_')) {
      throw new CredentialError('API Key', 'API Key does not look like a Nectifi key: they start with nk_');
    }
    const perMinute = credentials.requestsPerMinute ?? NECTIFI_DEFAULT_PER_MINUTE;
    if (!Number.isInteger(perMinute) || perMinute < 1 || perMinute > 10_000) {
      throw new CredentialError('Requests Per Minute', 'Requests Per Minute must be a whole number from 1 to 10,000');
    }
    const sharing = credentials.sharingProcesses ?? 1;
    if (!Number.isInteger(sharing) || sharing < 1 || sharing > 1_000) {
      throw new CredentialError('Processes Sharing This Key', 'Processes Sharing This Key must be a whole number from 1 to 1,000');
    }
    return {
      baseUrl: parseServiceUrl(credentials.baseUrl || NECTIFI_BASE_URL, 'Base URL', credentials.allowHttp),
      auth: { headers: { authorization: `Bearer ${apiKey}` }, query: {} },
      params: {},
      secrets: [apiKey],
      limiterId: fingerprint(apiKey),
      rateLimit: shareOf({ requests: perMinute, windowMs: 60_000 }, sharing),
    };
  },
  errorMessage(body) {
    const detail = (body as { detail?: unknown } | null)?.detail;
    if (Array.isArray(detail)) {
      // FastAPI validation: [{loc: ['body', 'email'], msg: '...'}]
      return detail
        .map((entry: { loc?: unknown[]; msg?: unknown }) => `${(entry.loc ?? []).slice(1).join('.')}: ${entry.msg}`)
        .join('; ');
    }
    return stringMessage(detail) ?? (detail ? JSON.stringify(detail) : undefined);
  },
  // The monthly quota does not reset for days: repeating is pointless.
  isRetryable: (status, message) => !(status === 429 && message?.includes('api_monthly_quota_exceeded')),
  unwrap: (body) => body,
};
