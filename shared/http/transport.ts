import type { HttpMethod } from '../core/operation';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL including the query string. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Why a request produced no response. `sent` says whether the vendor may have received it:
 * `false` only when no connection was ever made, so that writes are retried only then.
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'connect' | 'reset' | 'timeout' | 'aborted',
    readonly sent: boolean,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** The one thing every platform provides: undici standalone, n8n's helpers, Zapier's `z.request`. */
export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
}
