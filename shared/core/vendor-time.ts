/**
 * Vendor timestamps come as `2026-06-20T08:15:42.000000Z`, `...+00:00` or `2026-06-20 08:15:42`.
 * The last has no zone; like the docs' examples it is read as UTC (never as n8n's local time).
 */
export function parseVendorTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim().replace(' ', 'T');
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms : undefined;
}

const isoSeconds = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** `2026-06-20 08:15:42` (Splash dates, SmartWiFi guest plans), UTC. */
export const spacedUtc = (ms: number) => isoSeconds(ms).replace('T', ' ');

/** `2026-06-20T08:15:42` (SmartWiFi connections), UTC. */
export const tUtc = (ms: number) => isoSeconds(ms);
