import { CredentialError } from '../core/errors';

/**
 * Validates a URL typed into a credential. Only http(s); no user:password@, no #fragment, no query;
 * plain http only when the user opted in (a local test server, a private network).
 */
export function parseServiceUrl(value: string | undefined, field: string, allowHttp = false): string {
  const raw = (value ?? '').trim();
  if (!raw) throw new CredentialError(field, `${field} is empty: enter the URL, e.g. https://example.com`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new CredentialError(field, `${field} is not a valid URL: enter it like https://example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CredentialError(field, `${field} must start with https:// (got ${url.protocol})`);
  }
  if (url.protocol === 'http:' && !allowHttp) {
    throw new CredentialError(
      field,
      `${field} uses plain http, which would send your API key unencrypted: use https://, or turn on "Allow Plain HTTP" for a local or test server`,
    );
  }
  if (url.username || url.password) {
    throw new CredentialError(field, `${field} must not contain a user name or password: put the key in the API key field`);
  }
  if (url.hash || withScheme.includes('#')) throw new CredentialError(field, `${field} must not contain a #fragment`);
  if (url.search) throw new CredentialError(field, `${field} must not contain a ?query`);
  return url.toString().replace(/\/+$/, '');
}

export function requireSecret(value: string | undefined, field: string, hint: string): string {
  const secret = (value ?? '').trim();
  if (!secret) throw new CredentialError(field, `${field} is empty: ${hint}`);
  if (/\s/.test(secret)) throw new CredentialError(field, `${field} contains spaces: paste the key exactly as issued`);
  return secret;
}
