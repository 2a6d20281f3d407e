import { NECTIFI_KEYS } from '../keys';
import { MINUTE } from '../lib/time';

export interface ApiKeyRecord {
  key: string;
  name: string;
  scopes: string[];
  perMinute: number;
  monthlyQuota: number;
  /** Requests counted against the monthly quota in `month` (writable by tests). */
  monthlyUsed: number;
  month: string;
  revoked: boolean;
  /** The key's IP allowlist (CIDR blocks or single IPs, the docs' "Optional IP allowlist"); empty: any IP. */
  allowedIps: string[];
  /** Times of the requests accepted within the last minute (sliding window). */
  window: number[];
}

const READ_SCOPES = ['crm:read', 'promotions:read', 'loyalty:read', 'wallet:read', 'communication:read', 'wifi:read', 'analytics:read'];

export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function seedApiKeys(perMinuteOverride: number | undefined, now: number): Map<string, ApiKeyRecord> {
  const month = monthOf(now);
  const make = (key: string, name: string, scopes: string[], perMinute: number, monthlyQuota: number, revoked = false, allowedIps: string[] = []): ApiKeyRecord => ({
    key,
    name,
    scopes,
    perMinute: perMinuteOverride ?? perMinute,
    monthlyQuota,
    monthlyUsed: 0,
    month,
    revoked,
    allowedIps,
    window: [],
  });
  // The doc: default 60 requests/minute, configurable up to 10,000.
  const keys = [
    make(NECTIFI_KEYS.full, 'Sandbox full access', ['*'], 10_000, 5_000_000),
    make(NECTIFI_KEYS.readOnly, 'Sandbox read only', READ_SCOPES, 60, 100_000),
    make(NECTIFI_KEYS.crmOnly, 'Sandbox CRM read', ['crm.read'], 60, 100_000),
    make(NECTIFI_KEYS.revoked, 'Sandbox revoked', ['*'], 60, 100_000, true),
    make(NECTIFI_KEYS.ipBlocked, 'Sandbox IP allowlist', ['*'], 60, 100_000, false, ['203.0.113.0/24']),
  ];
  return new Map(keys.map((k) => [k.key, k]));
}

/** `crm.read` and `crm:read` are the same scope (vendor-decisions.md). */
export function normalizeScope(s: string): string {
  return s.trim().toLowerCase().replace('.', ':');
}

function grants(granted: string, needed: string): boolean {
  const [gm, ga] = granted.split(':');
  const [nm, na] = needed.split(':');
  if (granted === '*') return true;
  if (gm !== nm) return false;
  // Write scopes imply read for the same module; `module:*` covers the module.
  return ga === '*' || ga === na || (na === 'read' && ga === 'write');
}

/** True when any granted scope covers `required` or one of the extra scopes that also open the endpoint. */
export function hasScope(granted: string[], required: string, alternatives: readonly string[] = []): boolean {
  const needed = [required, ...alternatives].map(normalizeScope);
  return granted.map(normalizeScope).some((g) => needed.some((n) => grants(g, n)));
}

/** Sliding one-minute window; on success records the request. Returns the seconds to wait when over. */
export function takeRateSlot(rec: ApiKeyRecord, now: number): number | null {
  const w = rec.window;
  let drop = 0;
  while (drop < w.length && w[drop] <= now - MINUTE) drop++;
  if (drop) w.splice(0, drop);
  if (w.length >= rec.perMinute) return Math.max(1, Math.ceil((w[0] + MINUTE - now) / 1000));
  w.push(now);
  return null;
}

/** Whether `ip` (IPv4, or IPv4 mapped into IPv6) is in one of the allowlist's CIDR blocks or single IPs. */
export function ipAllowed(allowlist: string[], ip: string): boolean {
  if (!allowlist.length) return true;
  const v4 = ip.replace(/^::ffff:/, '');
  const toInt = (dotted: string) => dotted.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return allowlist.includes(ip);
  return allowlist.some((entry) => {
    const [base, bits = '32'] = entry.split('/');
    const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
    return (toInt(base) & mask) === (toInt(v4) & mask);
  });
}
