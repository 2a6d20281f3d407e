import type { Vendor } from './operation';

export interface VendorApiErrorDetails {
  vendor: Vendor;
  operation: string;
  status: number | null;
  vendorMessage: string | null;
  requestId: string | null;
  retryable: boolean;
  /** Milliseconds the vendor asked us to wait (429 `Retry-After` / `X-RateLimit-Reset`). */
  retryAfterMs?: number;
  /**
   * `not-applied`: the vendor rejected or never received the request.
   * `unknown`: a write may have been applied; the message says how to check.
   */
  outcome: 'not-applied' | 'unknown' | 'failed';
  /** Redacted method and URL of the last attempt. */
  request: string;
  attempts: number;
}

/** An error from a vendor, or from the network on the way to it. Every string in it is redacted. */
export class VendorApiError extends Error implements VendorApiErrorDetails {
  readonly vendor: Vendor;
  readonly operation: string;
  readonly status: number | null;
  readonly vendorMessage: string | null;
  readonly requestId: string | null;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly outcome: 'not-applied' | 'unknown' | 'failed';
  readonly request: string;
  readonly attempts: number;

  constructor(message: string, details: VendorApiErrorDetails) {
    super(message);
    this.name = 'VendorApiError';
    this.vendor = details.vendor;
    this.operation = details.operation;
    this.status = details.status;
    this.vendorMessage = details.vendorMessage;
    this.requestId = details.requestId;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
    this.outcome = details.outcome;
    this.request = details.request;
    this.attempts = details.attempts;
  }
}

export interface InputProblem {
  /** Dotted path of the offending field, e.g. `staff_members.0.first_name`. */
  field: string;
  label: string;
  problem: string;
}

/** Raised before any request is sent when the input does not match the operation's schema. */
export class InputValidationError extends Error {
  readonly operation: string;
  readonly problems: InputProblem[];
  /** The first offending field, for platforms that point at one parameter. */
  readonly field: string;

  constructor(operation: string, problems: InputProblem[]) {
    const lines = problems.map((p) => `'${p.field}' (${p.label}): ${p.problem}`);
    super(`Invalid input for ${operation}: ${lines.join('; ')}`);
    this.name = 'InputValidationError';
    this.operation = operation;
    this.problems = problems;
    this.field = problems[0]?.field ?? '';
  }
}

/** A credential value that cannot work (a bad URL, a missing key). Raised before any request. */
export class CredentialError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}

/** Create or Update found several records with the same natural key: it changes none of them. */
export class AmbiguousMatchError extends Error {
  constructor(
    readonly operation: string,
    readonly matches: string[],
    message: string,
  ) {
    super(message);
    this.name = 'AmbiguousMatchError';
  }
}
