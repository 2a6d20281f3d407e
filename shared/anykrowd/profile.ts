import { parseServiceUrl, requireSecret } from '../client/service-url';
import { type VendorProfile, fingerprint, stringMessage } from '../client/vendor-profile';

export interface AnykrowdCredentials {
  /** The tenant's own URL, e.g. `https://nightclub.anykrowd.dev`. */
  tenantUrl: string;
  apiKey: string;
  allowHttp?: boolean;
}

export const anykrowdProfile: VendorProfile<AnykrowdCredentials> = {
  vendor: 'anykrowd',
  displayName: 'anykrowd',
  connect(credentials) {
    const apiKey = requireSecret(credentials.apiKey, 'API Key', 'ask your anykrowd project manager for one');
    const tenant = parseServiceUrl(credentials.tenantUrl, 'Tenant URL', credentials.allowHttp);
    return {
      baseUrl: tenant.replace(/\/apix\/v1$/, ''),
      auth: { headers: { authorization: `Bearer ${apiKey}` }, query: {} },
      params: {},
      secrets: [apiKey],
      limiterId: fingerprint(apiKey),
    };
  },
  errorMessage(body) {
    const { error, message } = (body ?? {}) as { error?: { error?: unknown } | unknown; message?: unknown };
    const nested = error && typeof error === 'object' ? (error as { error?: unknown }).error : error;
    return stringMessage(nested) ?? stringMessage(message);
  },
  isRetryable: () => true,
  // The doc's "typical" envelope {status:'success', data}; the examples are bare. Accept both.
  unwrap(body) {
    const envelope = body as { status?: unknown; data?: unknown; links?: unknown } | null;
    if (envelope && envelope.status === 'success' && 'data' in envelope && !('links' in envelope)) return envelope.data;
    return body;
  },
  rateLimit: { requests: 1_000, windowMs: 3_600_000 },
};
