import { Agent, request as undiciRequest } from 'undici';
import { type HttpRequest, type HttpResponse, type Transport, TransportError } from './transport';

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH']);
const TIMEOUTS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export interface UndiciTransportOptions {
  /** Sockets kept open per origin. */
  connections?: number;
  keepAliveTimeoutMs?: number;
}

/** Standalone transport: one keep-alive pool per origin, no retries of its own. */
export class UndiciTransport implements Transport {
  readonly agent: Agent;

  constructor(options: UndiciTransportOptions = {}) {
    this.agent = new Agent({
      connections: options.connections ?? 16,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
      pipelining: 1,
    });
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    try {
      const response = await undiciRequest(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        dispatcher: this.agent,
        headersTimeout: request.timeoutMs,
        bodyTimeout: request.timeoutMs,
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

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
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
