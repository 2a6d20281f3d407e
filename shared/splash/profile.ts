import { CredentialError } from '../core/errors';
import { parseServiceUrl, requireSecret } from '../client/service-url';
import { type VendorProfile, fingerprint, stringMessage } from '../client/vendor-profile';

export interface SplashCredentials {
  /** `splash.example.com` or `https://splash.example.com`; the API lives under `/api`. */
  host: string;
  apiKey: string;
  /** Team identifier for multi-tenancy; `default` is the root team. */
  team?: string;
  allowHttp?: boolean;
}

export const splashProfile: VendorProfile<SplashCredentials> = {
  vendor: 'splash',
  displayName: 'Splash Air',
  connect(credentials) {
    const apiKey = requireSecret(credentials.apiKey, 'API Key', 'generate one under Admin > Generate API Key');
    const team = (credentials.team ?? '').trim() || 'default';
    if (!/^[\w-]{1,100}$/.test(team)) {
      throw new CredentialError('Team', 'Team must be the team identifier (letters, digits, "-" or "_"), or default');
    }
    const host = parseServiceUrl(credentials.host, 'Host', credentials.allowHttp).replace(/\/api$/, '');
    return {
      baseUrl: `${host}/api`,
      auth: { headers: { 'x-api-key': apiKey }, query: {} },
      params: { slug: team },
      secrets: [apiKey],
      limiterId: fingerprint(apiKey),
    };
  },
  errorMessage(body) {
    const { message, errors } = (body ?? {}) as { message?: unknown; errors?: Record<string, unknown> };
    const fieldErrors = errors && typeof errors === 'object'
      ? Object.entries(errors).map(([field, list]) => `${field}: ${[list].flat().join(' ')}`)
      : [];
    return [stringMessage(message), ...fieldErrors].filter(Boolean).join('; ') || undefined;
  },
  isRetryable: () => true,
  unwrap: (body) => body,
};
