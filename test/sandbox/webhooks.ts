import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isoOffset } from './lib/time';

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

export interface WebhookTarget {
  id: string;
  url: string;
  /** null: every event. */
  events: string[] | null;
  secret: string;
}

export interface WebhookDelivery {
  /** Also sent as `X-Nectifi-Delivery`. */
  id: string;
  targetId: string;
  url: string;
  event: string;
  /** The exact raw body that was signed and sent. */
  body: string;
  headers: Record<string, string>;
  /** HTTP status of the target's answer; null while pending or when the request failed. */
  status: number | null;
  error: string | null;
  responseBody: string | null;
  startedAt: number;
  finishedAt: number | null;
}

const DELIVERY_TIMEOUT_MS = 10_000;

/** Outbound Nectifi webhooks: `{event, tenant_id, payload, timestamp}` signed with HMAC-SHA256 (docs, "Webhooks"). */
export class WebhookHub {
  readonly deliveries: WebhookDelivery[] = [];
  readonly targets: WebhookTarget[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly requests = new Set<http.ClientRequest>();
  private nextTarget = 1;

  constructor(
    readonly secret: string,
    readonly signatureHeader: string,
    private readonly now: () => number,
    readonly tenantId = 1,
  ) {}

  /** `sha256=<hex>` of the raw body. */
  sign(body: string | Buffer, secret = this.secret): string {
    return 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');
  }

  register(url: string, events?: string[] | null, secret?: string): WebhookTarget {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('url must be http(s)');
    const target: WebhookTarget = {
      id: `wh_${this.nextTarget++}`,
      url,
      events: events && events.length ? [...events] : null,
      secret: secret ?? this.secret,
    };
    this.targets.push(target);
    return target;
  }

  /** Removes one target (by id or url) or, without argument, all of them. */
  unregister(idOrUrl?: string): number {
    const before = this.targets.length;
    const keep = idOrUrl === undefined ? [] : this.targets.filter((t) => t.id !== idOrUrl && t.url !== idOrUrl);
    this.targets.splice(0, this.targets.length, ...keep);
    return before - this.targets.length;
  }

  clearDeliveries(): void {
    this.deliveries.length = 0;
  }

  /** Sends `event` to every matching target; resolves the returned deliveries' status asynchronously. */
  emit(event: string, payload: unknown): WebhookDelivery[] {
    const out: WebhookDelivery[] = [];
    for (const target of this.targets) {
      if (target.events && !target.events.includes(event)) continue;
      const id = randomUUID();
      const body = JSON.stringify({ event, tenant_id: this.tenantId, payload, timestamp: isoOffset(this.now()) });
      const delivery: WebhookDelivery = {
        id,
        targetId: target.id,
        url: target.url,
        event,
        body,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Nectifi-Webhooks/1.0',
          [this.signatureHeader]: this.sign(body, target.secret),
          'X-Nectifi-Event': event,
          'X-Nectifi-Delivery': id,
        },
        status: null,
        error: null,
        responseBody: null,
        startedAt: Date.now(),
        finishedAt: null,
      };
      this.deliveries.push(delivery);
      out.push(delivery);
      const p = this.send(delivery).finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
    return out;
  }

  /** Resolves once every delivery started so far has finished. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Aborts deliveries in flight (used by `close()`). */
  abort(): void {
    for (const r of this.requests) r.destroy(new Error('sandbox closed'));
  }

  private send(d: WebhookDelivery): Promise<void> {
    return new Promise<void>((resolve) => {
      const url = new URL(d.url);
      const body = Buffer.from(d.body, 'utf8');
      const finish = (status: number | null, error: string | null, responseBody: string | null): void => {
        if (d.finishedAt !== null) return;
        Object.assign(d, { status, error, responseBody, finishedAt: Date.now() });
        resolve();
      };
      let answered = false;
      const req = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: 'POST',
          agent: false,
          headers: { ...d.headers, 'Content-Length': String(body.length) },
          timeout: DELIVERY_TIMEOUT_MS,
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => finish(res.statusCode ?? null, null, Buffer.concat(chunks).toString('utf8')));
          // After 'end' this changes nothing; without it (an answer cut off) the delivery still settles.
          res.on('close', () => finish(res.statusCode ?? null, res.complete ? null : 'answer cut off', Buffer.concat(chunks).toString('utf8')));
          res.on('error', (e) => finish(res.statusCode ?? null, e.message, null));
        },
      );
      this.requests.add(req);
      // Settles whatever happens: an answer, an error, a socket closed without either, or the deadline.
      const deadline = setTimeout(() => req.destroy(new Error('timeout')), DELIVERY_TIMEOUT_MS);
      req.on('close', () => {
        clearTimeout(deadline);
        this.requests.delete(req);
        // With an answer, its own events settle the delivery; without one, this does.
        if (!answered) finish(null, 'connection closed without an answer', null);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => finish(null, e.message, null));
      req.end(body);
    });
  }
}
