import { createHmac, randomUUID } from 'node:crypto';
import { NECTIFI_KEYS } from '../../sandbox/keys';

export const SECRET: string = NECTIFI_KEYS.webhookSecret;
export const SIGNATURE_HEADER = NECTIFI_KEYS.signatureHeader;
const MINUTE = 60_000;

/** A delivery body as Nectifi sends it (timestamp to the second, `+00:00`). */
export function deliveryBody(event: string, payload: object, atMs = Date.now()): string {
  return JSON.stringify({ event, tenant_id: 1, payload, timestamp: new Date(atMs).toISOString().replace(/\.\d{3}Z$/, '+00:00') });
}

export function sign(body: string | Buffer, secret = SECRET, prefix = true): string {
  const hex = createHmac('sha256', secret).update(body).digest('hex');
  return prefix ? `sha256=${hex}` : hex;
}

export interface Delivery {
  body: string;
  headers: Record<string, string>;
}

export function signed(body: string, signature = sign(body)): Delivery {
  return { body, headers: { [SIGNATURE_HEADER]: signature, 'X-Nectifi-Delivery': randomUUID() } };
}

/** A delivery that must be refused, and how the n8n trigger answers it. */
export interface Hostile {
  name: string;
  delivery: Delivery;
  status: 400 | 401 | 413;
  reason: RegExp;
}

let counter = 0;
const fresh = (atMs = Date.now()) => deliveryBody('guest.created', { guest_id: 1000 + ++counter }, atMs);

/** Every way a delivery can be wrong. Each body is new, so none of them is refused as a replay. */
export function hostileDeliveries(): Hostile[] {
  const tampered = fresh();
  const huge = deliveryBody('guest.created', { guest_id: 1, note: 'x'.repeat(2 * 1024 * 1024) });
  const notJson = `event=guest.created&guest_id=${++counter}`;
  return [
    { name: 'a forged signature', delivery: signed(fresh(), `sha256=${'ab'.repeat(32)}`), status: 401, reason: /signature does not match/ },
    { name: 'a tampered body', delivery: signed(tampered.replace('"guest_id":', '"guest_id":9'), sign(tampered)), status: 401, reason: /signature does not match/ },
    { name: 'no signature header', delivery: { body: fresh(), headers: { 'X-Nectifi-Delivery': randomUUID() } }, status: 401, reason: /signature missing/ },
    { name: 'a signature that is not hex', delivery: signed(fresh(), 'sha256=not-a-signature'), status: 401, reason: /signature does not match/ },
    { name: 'another secret', delivery: signedWith(fresh(), 'whsec_someone_else'), status: 401, reason: /signature does not match/ },
    { name: 'a stale timestamp (10 minutes old)', delivery: signed(fresh(Date.now() - 10 * MINUTE)), status: 401, reason: /too old/ },
    { name: 'a future timestamp (10 minutes ahead)', delivery: signed(fresh(Date.now() + 10 * MINUTE)), status: 401, reason: /in the future/ },
    { name: 'a body that is not JSON (signed)', delivery: signed(notJson), status: 400, reason: /not JSON/ },
    { name: 'JSON that is not a Nectifi event (signed)', delivery: signed('{"hello":"world"}'), status: 400, reason: /not a Nectifi event/ },
    { name: 'an oversized body (2 MiB, signed)', delivery: signed(huge), status: 413, reason: /too large/ },
  ];
}

function signedWith(body: string, secret: string): Delivery {
  return signed(body, sign(body, secret));
}

/** Valid deliveries, signed with and without the `sha256=` prefix. */
export function validDelivery(prefix: boolean, event = 'guest.created'): Delivery {
  const body = deliveryBody(event, { guest_id: 5000 + ++counter });
  return signed(body, sign(body, SECRET, prefix));
}
