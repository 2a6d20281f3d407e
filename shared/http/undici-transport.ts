import { Agent, request as undiciRequest } from 'undici';
import { type HttpRequest, type HttpResponse, type Transport, TransportError } from './transport';

/** The shared client's default (OperationRunner `timeoutMs`). */
const DEFAULT_TIMEOUT_MS = 30_000;
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH']);
const TIMEOUTS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export interface UndiciTransportOptions {
  /** Sockets kept open per origin. */
  connections?: number;
  keepAliveTimeoutMs?: number;
  /** The agent's own headers and body timeout; a request asking for another one says so itself. */
  timeoutMs?: number;
}

/** Standalone transport: one keep-alive pool per origin, no retries of its own. */
export class UndiciTransport implements Transport {
  readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor(options: UndiciTransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.agent = new Agent({
      connections: options.connections ?? 16,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
      pipelining: 1,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    try {
      // Per-request timeouts cost undici a little on every request (benchmark 1): only when they differ.
      const timeouts = request.timeoutMs === this.timeoutMs ? undefined : { headersTimeout: request.timeoutMs, bodyTimeout: request.timeoutMs };
      const response = await undiciRequest(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        dispatcher: this.agent,
        ...timeouts,
      });
      const body = await response.body.text();
      return { status: response.statusCode, headers: flattenHeaders(response.headers), body };
    } catch (error) {
      throw toTransportError(error);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** undici names headers in lower case already; repeated ones (set-cookie) come as arrays. */
function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function toTransportError(error: unknown): TransportError {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (NEVER_CONNECTED.has(code)) return new TransportError(`could not connect (${code})`, 'connect', false);
  if (TIMEOUTS.has(code)) return new TransportError(`no response in time (${code})`, 'timeout', true);
  if (code === 'UND_ERR_ABORTED') return new TransportError('request aborted', 'aborted', true);
  return new TransportError(`connection lost (${code || message})`, 'reset', true);
}

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}
