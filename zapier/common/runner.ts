import type { Bundle, ZObject } from 'zapier-platform-core';
import { OperationRunner } from '../../shared/client/runner';
import type { VendorProfile } from '../../shared/client/vendor-profile';
import { ZapierTransport, type ZapierRequester } from '../../shared/http/zapier-transport';

export type AuthData = Record<string, unknown>;

/** How a vendor's Zapier auth fields become the shared client's credentials. */
export interface VendorBinding<Credentials> {
  app: string;
  profile: VendorProfile<Credentials>;
  credentials(authData: AuthData): Credentials;
}

/**
 * A runner whose requests go through `z.request`: the app's `beforeRequest` adds the key
 * (`transportAppliesAuth`), so the key is applied in one place for every call, also hand-written
 * ones. Zapier runs each step in a fresh process under a 30 s budget, so there is no client-side
 * rate limiter, retries are short, and a vendor that asks us to wait makes the step fail at once
 * with a ThrottledError (Zapier then retries the step after the vendor's delay).
 */
export function runnerFor<Credentials>(binding: VendorBinding<Credentials>, z: ZObject, bundle: Bundle): OperationRunner {
  const connection = binding.profile.connect(binding.credentials(bundle.authData ?? {}));
  return new OperationRunner(binding.profile as VendorProfile<unknown>, connection, {
    transport: new ZapierTransport(z as unknown as ZapierRequester),
    transportAppliesAuth: true,
    rateLimit: false,
    retry: { maxAttempts: 3, maxDelayMs: 2_000, maxRetryAfterMs: 0 },
    timeoutMs: 25_000,
    onDrift: (drift) => {
      const where = drift.issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ');
      z.console.log(`${drift.operation}: the response differs from the documented shape (${where})`);
    },
  });
}

export function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

export function flagOf(value: unknown): boolean {
  return value === true || (typeof value === 'string' && ['true', 'yes', '1'].includes(value.trim().toLowerCase()));
}

export function integerOf(value: unknown): number | undefined {
  const text = textOf(value);
  return text === undefined ? undefined : Number(text);
}
