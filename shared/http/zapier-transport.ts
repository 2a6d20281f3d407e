import { cutBodyAwareAgent } from './cut-body-agent';
import { type HttpRequest, type HttpResponse, type Transport, TransportError } from './transport';

/**
 * The part of Zapier's `z` object the transport uses. Declared here rather than imported so that
 * `shared/` does not depend on zapier-platform-core.
 */
export interface ZapierRequester {
  request(options: ZapierRequestOptions): Promise<ZapierResponse>;
}

export interface ZapierRequestOptions {
  url: string;
  method: HttpRequest['method'];
  headers: Record<string, string>;
  body?: string;
  timeout: number;
  /** Every status comes back as a response: the shared runner maps errors and retries. */
  skipThrowForStatus: true;
  /** Without this, zapier-platform-core throws its own ThrottledError on a 429 before we see it. */
  throwForThrottlingEarly: false;
  /** node-fetch's agent option: see cut-body-agent.ts. */
  agent?: (url: URL) => unknown;
  /**
   * The body is read here, not by zapier-platform-core: its HTTP log would otherwise parse every
   * response and treat each value under a key with "token" in it (SmartWiFi's `guesttoken` on
   * every connection) as a secret to scrub from the whole body, one pass per value. A poll of a few
   * thousand connections then spent 100 s of CPU there (benchmark 2). The log keeps status, method,
   * URL and duration; guests' data stays out of it.
   */
  raw: true;
}

export interface ZapierResponse {
  status: number;
  text(): Promise<string>;
  headers: { forEach(callback: (value: string, name: string) => void): void };
}

/** Codes of a connection that was never made: the vendor cannot have received the request. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/**
 * Sends every call through `z.request`, so each one shows in Zapier's HTTP log and goes through the
 * app's `beforeRequest` (which adds the credentials). The body stays the raw text we built.
 */
export class ZapierTransport implements Transport {
  constructor(private readonly z: ZapierRequester) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    let response: ZapierResponse;
    let body: string;
    try {
      response = await this.z.request({
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: request.body,
        timeout: request.timeoutMs,
        skipThrowForStatus: true,
        throwForThrottlingEarly: false,
        agent: cutBodyAwareAgent,
        raw: true,
      });
      body = await response.text();
    } catch (error) {
      throw toTransportError(error);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, headers, body };
  }
}

/**
 * node-fetch (under `z.request`) fails with `type: 'request-timeout'` or `type: 'system'` plus a
 * socket `code`. The message deliberately leaves out the URL, which may carry a token.
 */
export function toTransportError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { type, code, name } = error as Error & { type?: string; code?: string };
  // 'body-timeout': the answer started but did not finish in time. node-fetch 2 also ends up here
  // when the connection is cut mid-body (it notices a cut only on chunked bodies).
  if (type === 'request-timeout' || type === 'body-timeout') return new TransportError('the request timed out', 'timeout', true);
  if (name === 'AbortError' || type === 'aborted') return new TransportError('the request was aborted', 'aborted', true);
  // Any other failure of the fetch itself: node-fetch's message names the URL, which may carry
  // SmartWiFi's api_token, so it never goes out as is (a body timeout once leaked it this way).
  if (name === 'FetchError' && type !== 'system' && !code) return new TransportError(`the request failed (${type ?? 'fetch error'})`, 'reset', true);
  if (type !== 'system' && !code) return error;
  if (code && NOT_CONNECTED.has(code)) return new TransportError(`could not connect (${code})`, 'connect', false);
  return new TransportError(`the connection failed (${code ?? 'network error'})`, 'reset', true);
}
