/** Nectifi's documented defaults, kept apart so the credential declaration loads nothing else. */
export const NECTIFI_BASE_URL = 'https://nectifi.com/api/v1/external/v1';
/** The docs do not name the signature header (vendor-decisions.md). */
export const NECTIFI_SIGNATURE_HEADER = 'X-Nectifi-Signature';
