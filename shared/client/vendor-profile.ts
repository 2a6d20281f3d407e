import { createHash } from 'node:crypto';
import type { Vendor } from '../core/operation';
import type { RateLimit } from '../http/rate-limiter';

/** What a set of credentials turns into: where to send requests and what to add to each. */
export interface VendorConnection {
  /** No trailing slash; operation paths are appended. */
  baseUrl: string;
  /** Credentials on the wire (header or query). Left out when the platform applies auth itself. */
  auth: { headers: Record<string, string>; query: Record<string, string> };
  /** Sent on every call that is not auth: e.g. Splash's team `slug` (query, or form body on form posts). */
  params: Record<string, string>;
  /** Every secret the connection holds, for redaction. */
  secrets: string[];
  /** Identifies the key for client-side rate limiting without holding the key itself. */
  limiterId: string;
  /** The key's own rate when the user set one (Nectifi keys are configurable up to 10,000/min). */
  rateLimit?: RateLimit;
}

export interface VendorProfile<Credentials> {
  vendor: Vendor;
  displayName: string;
  connect(credentials: Credentials): VendorConnection;
  /** The vendor's own error text from an error body. */
  errorMessage(body: unknown): string | undefined;
  /** Whether an error status may succeed when repeated (Nectifi's monthly quota will not). */
  isRetryable(status: number, message: string | undefined): boolean;
  /** Strips a success envelope the vendor may wrap results in. */
  unwrap(body: unknown): unknown;
  rateLimit?: RateLimit;
}

export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

export function stringMessage(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}
