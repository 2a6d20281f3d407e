import type { Vendor } from '../core/operation';
import type { Row } from './visits';

/**
 * Whether a guest accepted marketing, for vendors whose guest rows say so: Nectifi's
 * `marketing_consent` (create guest), SmartWiFi's `unsubscribed` (guest list). A row that does not
 * say counts as not accepted. Splash Air documents no guest fields, anykrowd no consent.
 */
export const CONSENT_FIELDS: Partial<Record<Vendor, { field: string; accepted(row: Row): boolean }>> = {
  nectifi: { field: 'marketing_consent', accepted: (row) => row.marketing_consent === true },
  smartwifi: { field: 'unsubscribed', accepted: (row) => row.unsubscribed === false },
};

export const CONSENT_LABEL = 'Only Guests Who Accepted Marketing';

export function consentFilter(vendor: Vendor, only: boolean): (row: Row) => boolean {
  const consent = CONSENT_FIELDS[vendor];
  if (!only || !consent) return () => true;
  return consent.accepted;
}
