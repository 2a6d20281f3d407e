import type { ZObject } from 'zapier-platform-core';
import { AmbiguousMatchError, CredentialError, InputValidationError, VendorApiError } from '../../shared/core/errors';

/**
 * Maps the shared client's errors to the ones Zapier acts on. Their messages come from the shared
 * layer, which has already scrubbed every secret from them.
 */
export function toZapierError(z: ZObject, error: unknown): unknown {
  if (error instanceof VendorApiError) return fromVendorError(z, error);
  if (error instanceof InputValidationError) return new z.errors.Error(error.message, 'InvalidInput', 400);
  if (error instanceof AmbiguousMatchError) return new z.errors.Error(error.message, 'AmbiguousMatch', 409);
  if (error instanceof CredentialError) {
    return new z.errors.Error(`${error.message}. Fix it in the connection settings.`, 'InvalidConnection', 401);
  }
  return error;
}

function fromVendorError(z: ZObject, error: VendorApiError): Error {
  switch (error.status) {
    case 401:
      return new z.errors.ExpiredAuthError(sentences(error.message, unauthorizedAdvice(error)));
    case 403:
      return new z.errors.Error(sentences(error.message, forbiddenAdvice(error.vendorMessage ?? error.message)), 'Forbidden', 403);
    case 429:
      // Nectifi's monthly quota is a 429 that will not clear for days: not worth a retry.
      if (error.retryable) return new z.errors.ThrottledError(error.message, delaySeconds(error.retryAfterMs));
      return new z.errors.Error(
        sentences(error.message, 'The key itself is valid: requests work again once the quota resets or the plan is raised. Zapier does not retry this step.'),
        'QuotaExceeded',
        429,
      );
    default:
      return new z.errors.Error(error.message, error.outcome === 'unknown' ? 'OutcomeUnknown' : 'VendorError', error.status ?? undefined);
  }
}

const VENDOR_NAMES: Record<VendorApiError['vendor'], string> = { nectifi: 'Nectifi', splash: 'Splash Air', smartwifi: 'SmartWiFi', anykrowd: 'anykrowd' };

/** A 401 whose reason names a revoked key needs a new key, not the same one again. */
function unauthorizedAdvice(error: VendorApiError): string {
  if (/revoked/i.test(error.vendorMessage ?? '')) {
    return `The key was revoked: create a new key in ${VENDOR_NAMES[error.vendor]} and reconnect your account in Zapier with it.`;
  }
  return 'Reconnect your account in Zapier with a valid key.';
}

/** A 403 says what the key lacks: the advice follows the vendor's reason (Nectifi: scope, IP or plan). */
export function forbiddenAdvice(reason: string): string {
  if (/\bIP\b|allow ?list|whitelist/i.test(reason)) {
    return 'The key only accepts requests from listed IP addresses, and Zapier does not call from fixed addresses: remove the IP allowlist from this key, or use a key without one.';
  }
  if (/scope/i.test(reason)) return 'The key works but lacks the scope for this: add it to the key (or create a key with it), then try again.';
  if (/entitle|plan|subscription|upgrade/i.test(reason)) return 'Your plan does not include this feature: it needs a plan that does.';
  return 'The key works but is not allowed to do this: check its scopes, permissions and IP allowlist, then try again.';
}

/** Joins two sentences with one period between them, whatever the first ends with. */
export function sentences(first: string, second: string): string {
  return `${first.replace(/[.\s]+$/, '')}. ${second}`;
}

/** ThrottledError takes seconds; Zapier falls back to its own delay when there is none. */
function delaySeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.max(1, Math.ceil(ms / 1000));
}

/** Runs a perform and rethrows failures as Zapier errors. */
export async function zapierErrors<T>(z: ZObject, perform: () => Promise<T>): Promise<T> {
  try {
    return await perform();
  } catch (error) {
    throw toZapierError(z, error);
  }
}
