import type { ZObject } from 'zapier-platform-core';
import { CredentialError, InputValidationError, VendorApiError } from '../../shared/core/errors';

/**
 * Maps the shared client's errors to the ones Zapier acts on. Their messages come from the shared
 * layer, which has already scrubbed every secret from them.
 */
export function toZapierError(z: ZObject, error: unknown): unknown {
  if (error instanceof VendorApiError) return fromVendorError(z, error);
  if (error instanceof InputValidationError) return new z.errors.Error(error.message, 'InvalidInput', 400);
  if (error instanceof CredentialError) {
    return new z.errors.Error(`${error.message}. Fix it in the connection settings.`, 'InvalidConnection', 401);
  }
  return error;
}

function fromVendorError(z: ZObject, error: VendorApiError): Error {
  switch (error.status) {
    case 401:
      return new z.errors.ExpiredAuthError(
        `${error.message}. Reconnect your account in Zapier with a valid key.`,
      );
    case 403:
      return new z.errors.Error(
        `${error.message}. The key works but may not do this: give it the missing scope or permission, then try again.`,
        'Forbidden',
        403,
      );
    case 429:
      // Nectifi's monthly quota is a 429 that will not clear for days: not worth a retry.
      if (error.retryable) return new z.errors.ThrottledError(error.message, delaySeconds(error.retryAfterMs));
      return new z.errors.Error(error.message, 'QuotaExceeded', 429);
    default:
      return new z.errors.Error(error.message, error.outcome === 'unknown' ? 'OutcomeUnknown' : 'VendorError', error.status ?? undefined);
  }
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
