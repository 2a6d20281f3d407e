import type { Safety } from '../core/operation';
import { type HttpResponse, TransportError } from './transport';

export interface RetryOptions {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A vendor asking us to wait longer than this fails the call (retryable) instead of blocking. */
  maxRetryAfterMs: number;
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  random: Math.random,
};

/** Statuses where the vendor refused the request before doing anything: safe to repeat any call. */
const REJECTED_UNAPPLIED = new Set([429]);
/** Statuses worth repeating for calls that cannot apply twice. */
const TRANSIENT = new Set([408, 429, 500, 502, 503, 504]);

export type AttemptResult =
  | { kind: 'response'; response: HttpResponse; readable: boolean }
  | { kind: 'transport'; error: TransportError };

export interface RetryDecision {
  retry: boolean;
  /** Whether the vendor may have applied the request. */
  mayHaveApplied: boolean;
}

/**
 * Decides whether an attempt may be repeated. An `unsafe` write is repeated only when the vendor
 * provably did not act on it: no connection was made, or it answered 429.
 */
export function decideRetry(result: AttemptResult, safety: Safety, vendorRetryable: boolean): RetryDecision {
  if (result.kind === 'transport') {
    const mayHaveApplied = result.error.sent && safety !== 'read';
    return { retry: !result.error.sent || safety !== 'unsafe', mayHaveApplied };
  }
  const { status } = result.response;
  if (status >= 200 && status < 300) {
    // A success whose body we cannot read (malformed, truncated, HTML): reads try again.
    return { retry: !result.readable && safety !== 'unsafe', mayHaveApplied: safety !== 'read' };
  }
  if (!vendorRetryable) return { retry: false, mayHaveApplied: false };
  if (REJECTED_UNAPPLIED.has(status)) return { retry: true, mayHaveApplied: false };
  const transient = TRANSIENT.has(status);
  return {
    retry: transient && safety !== 'unsafe',
    mayHaveApplied: status >= 500 && safety !== 'read',
  };
}

/** Exponential backoff with full jitter, at least what the vendor asked for. */
export function backoffDelay(attempt: number, options: RetryOptions, vendorDelayMs?: number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(options.random() * ceiling);
  return vendorDelayMs === undefined ? jittered : vendorDelayMs + Math.round(options.random() * 100);
}

/** `Retry-After` as seconds or an HTTP date; `X-RateLimit-Reset` as epoch seconds. */
export function vendorDelayMs(headers: Record<string, string>, nowMs: number): number | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - nowMs);
  }
  const reset = headers['x-ratelimit-reset'];
  const remaining = headers['x-ratelimit-remaining'];
  if (reset !== undefined && (remaining === undefined || Number(remaining) <= 0)) {
    const epochSeconds = Number(reset);
    if (Number.isFinite(epochSeconds)) return Math.max(0, epochSeconds * 1000 - nowMs);
  }
  return undefined;
}
