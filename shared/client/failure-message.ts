import type { VendorApiErrorDetails } from '../core/errors';
import type { OperationDeclaration } from '../core/operation';
import type { AttemptResult } from '../http/retry';
import type { Decoded } from './decode';

const STATUS_HINTS: Record<number, string> = {
  401: 'the API key was refused: check it in the credential (it may be revoked)',
  403: 'the API key is not allowed to do this (missing scope, IP allowlist or plan)',
  404: 'not found: check the ID (it may belong to another team or tenant)',
  429: 'rate limit reached',
};

/**
 * Vendor error codes that mean nothing to a no-code user, with what they mean. The code stays in
 * the message (support asks for it; the retry policy reads it).
 */
const VENDOR_CODES: Record<string, string> = {
  // Nectifi docs, "Rate limits": "Monthly quota: plan-based — HTTP 429 with api_monthly_quota_exceeded".
  api_monthly_quota_exceeded:
    'the monthly API quota of your plan is used up, so no request goes through until it resets next month or the plan is raised',
};

function readable(vendorMessage: string): string {
  const code = vendorMessage.trim();
  const meaning = VENDOR_CODES[code];
  // "Unauthenticated." would read "Unauthenticated.." before the next sentence.
  return meaning ? `${meaning} (${code})` : code.replace(/\.+$/, '');
}

/** A message a no-code user can act on: what failed, the vendor's words, and what to do next. */
export function describeFailure(
  vendorName: string,
  op: OperationDeclaration,
  result: AttemptResult,
  details: VendorApiErrorDetails,
  body: Decoded | undefined,
): string {
  const parts: string[] = [];
  if (result.kind === 'transport') {
    parts.push(result.error.message);
  } else {
    const { status } = result.response;
    parts.push(`HTTP ${status}`);
    if (details.vendorMessage) parts.push(readable(details.vendorMessage));
    else if (body && !body.ok) parts.push(body.reason);
    else if (STATUS_HINTS[status]) parts.push(STATUS_HINTS[status]);
    if (status === 429 && details.retryAfterMs !== undefined) {
      parts.push(`the vendor asks to wait ${Math.ceil(details.retryAfterMs / 1000)} s`);
    }
  }
  let message = `${vendorName} ${op.label} failed: ${parts.join(': ')}`;
  if (details.requestId) message += ` (request id ${details.requestId})`;
  if (details.attempts > 1) message += ` after ${details.attempts} attempts`;
  if (details.outcome === 'unknown') {
    message += `. The outcome is unknown: the request may have been applied, so it was not repeated. ${
      op.unknownOutcomeHint ?? `Check in ${vendorName} whether it took effect before running it again.`
    }`;
  } else if (details.retryable) {
    message += '. Nothing was applied; it is safe to try again later.';
  }
  return message;
}
