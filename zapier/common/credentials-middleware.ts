import type { BeforeRequestMiddleware } from 'zapier-platform-core';
import type { VendorBinding } from './runner';

/**
 * `beforeRequest`: adds the vendor's credentials (a header, or SmartWiFi's `api_token` query
 * parameter) to every `z.request` whose URL is on the connection's base URL, and to no other host.
 * Zapier's HTTP log scrubs the auth fields' values from what it records.
 */
export function addCredentials<C>(binding: VendorBinding<C>): BeforeRequestMiddleware {
  return (request, _z, bundle) => {
    const connection = binding.profile.connect(binding.credentials(bundle.authData ?? {}));
    if (!isUnder(request.url, connection.baseUrl)) return request;
    request.headers = { ...request.headers, ...connection.auth.headers };
    if (Object.keys(connection.auth.query).length > 0) {
      request.params = { ...request.params, ...connection.auth.query };
    }
    return request;
  };
}

function isUnder(url: string, baseUrl: string): boolean {
  return url === baseUrl || url.startsWith(`${baseUrl}/`) || url.startsWith(`${baseUrl}?`);
}
