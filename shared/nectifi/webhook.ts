import { createHmac, timingSafeEqual } from 'node:crypto';
import { NECTIFI_SIGNATURE_HEADER } from './constants';

/** The doc does not name the header; this is our default and the credential can change it. */
export { NECTIFI_SIGNATURE_HEADER };

export const NECTIFI_EVENTS = [
  'guest.created',
  'guest.updated',
  'promotion.granted',
  'promotion.redeemed',
  'loyalty.points_added',
  'loyalty.points_redeemed',
  'wallet.redeemed',
  'visit.started',
  'visit.ended',
] as const;
export type NectifiEvent = (typeof NECTIFI_EVENTS)[number];

export interface NectifiDelivery {
  event: string;
  tenant_id?: number;
  payload: Record<string, unknown>;
  timestamp: string;
}

export type VerifyResult =
  | { ok: true; delivery: NectifiDelivery }
  | { ok: false; status: 400 | 401 | 413; reason: string; /** Genuinely signed, refused for its timestamp only. */ stale?: boolean };

export interface VerifyOptions {
  secret: string;
  rawBody: Buffer | string;
  signature: string | undefined | null;
  nowMs: number;
  /**
   * Deliveries older (or further in the future) than this are refused. 0: no time limit, the
   * signature alone decides, as in the vendor's own verifier (the docs give no limit).
   */
  toleranceSeconds?: number;
  maxBodyBytes?: number;
}

/** HMAC-SHA256 of the raw body, hex, compared in constant time; `sha256=` prefix optional. */
export function isValidSignature(secret: string, rawBody: Buffer | string, signature: string | undefined | null): boolean {
  if (!secret || !signature) return false;
  const provided = signature.trim().replace(/^sha256=/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(provided)) return false;
  // Compared as hex text: a hex digest costs less than a Buffer one (benchmark 5), and both sides are 64 bytes.
  const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
  return timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(provided, 'latin1'));
}

export function signNectifiBody(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Everything a receiver must check before it trusts a delivery, in the order that leaks least. */
export function verifyNectifiDelivery(options: VerifyOptions): VerifyResult {
  const size = typeof options.rawBody === 'string' ? Buffer.byteLength(options.rawBody) : options.rawBody.length;
  if (size > (options.maxBodyBytes ?? 1_048_576)) return { ok: false, status: 413, reason: 'body too large' };
  if (!isValidSignature(options.secret, options.rawBody, options.signature)) {
    return { ok: false, status: 401, reason: options.signature ? 'signature does not match' : 'signature missing' };
  }
  let delivery: NectifiDelivery;
  try {
    delivery = JSON.parse(options.rawBody.toString());
  } catch {
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
  if (!delivery || typeof delivery.event !== 'string' || typeof delivery.timestamp !== 'string') {
    return { ok: false, status: 400, reason: 'body is not a Nectifi event' };
  }
  const sentAt = Date.parse(delivery.timestamp);
  const toleranceSeconds = options.toleranceSeconds ?? 300;
  if (!Number.isFinite(sentAt)) return { ok: false, status: 400, reason: 'timestamp is not a date' };
  if (toleranceSeconds > 0 && Math.abs(options.nowMs - sentAt) > toleranceSeconds * 1000) {
    const seconds = Math.round(Math.abs(options.nowMs - sentAt) / 1000);
    const reason = sentAt < options.nowMs ? `delivery is too old: sent ${seconds} s ago` : `timestamp is in the future: ${seconds} s ahead of this server's clock`;
    return { ok: false, status: 401, reason, stale: true };
  }
  return { ok: true, delivery };
}

/**
 * What identifies a delivery for the replay guard: its signature, i.e. the HMAC of the raw body.
 * Not the `X-Nectifi-Delivery` header: no signature covers it, so a captured delivery replayed
 * with a new id would pass. The price: two deliveries with byte-identical bodies (same event,
 * payload and second) within the tolerance count as one. Shortened: it only tells deliveries apart.
 */
export function deliveryKey(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex').slice(0, 32);
}

/** Deliveries already accepted, by delivery key, with when they were sent. Plain data: it can live in n8n's static data. */
export interface ReplayState {
  seen: Record<string, number>;
}

const MAX_REMEMBERED = 10_000;
const UNLIMITED_REMEMBER_SECONDS = 86_400;

/**
 * Accepts each delivery once, by its `deliveryKey`. Entries older than the freshness window are
 * dropped: a replay of one of those is refused as stale anyway, so the state stays bounded.
 */
/**
 * How far back a record of accepted deliveries must reach: the freshness window (an older delivery
 * is refused anyway), or a day without one (0), when any old delivery passes the time check.
 */
export function rememberSince(nowMs: number, windowSeconds: number): number {
  return nowMs - (windowSeconds > 0 ? windowSeconds : UNLIMITED_REMEMBER_SECONDS) * 1000;
}

export function acceptOnce(state: ReplayState, deliveryKey: string, sentAtMs: number, nowMs: number, windowSeconds = 300): boolean {
  const horizon = rememberSince(nowMs, windowSeconds);
  for (const [key, sentAt] of Object.entries(state.seen)) if (sentAt < horizon) delete state.seen[key];
  if (deliveryKey in state.seen) return false;
  const keys = Object.keys(state.seen);
  if (keys.length >= MAX_REMEMBERED) delete state.seen[keys[0]];
  state.seen[deliveryKey] = windowSeconds > 0 ? sentAtMs : nowMs;
  return true;
}
