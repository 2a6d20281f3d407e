import type { IHttpRequestOptions } from 'n8n-workflow';
import { type HttpRequest, type HttpResponse, type Transport, TransportError } from './transport';

/** What every n8n function context (execute, poll, load options, hooks) offers for authenticated HTTP. */
export interface N8nHttpContext {
  helpers: {
    httpRequestWithAuthentication(credentialsType: string, requestOptions: IHttpRequestOptions): Promise<unknown>;
  };
}

interface FullResponse {
  body: unknown;
  headers: Record<string, unknown>;
  statusCode: number;
}

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUTS = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const LOST = new Set(['ECONNRESET', 'EPIPE', 'ERR_BAD_RESPONSE', 'ERR_STREAM_PREMATURE_CLOSE', 'HPE_INVALID_CONSTANT']);

/**
 * Sends requests through n8n's `httpRequestWithAuthentication`, so the credential's own
 * `authenticate` block adds the key and n8n's proxy settings apply. HTTP error statuses come back
 * as responses (the shared runner maps them); network failures become `TransportError`s that
 * carry only an error code, never a URL or a header.
 */
export class N8nTransport implements Transport {
  constructor(
    private readonly context: N8nHttpContext,
    private readonly credentialsType: string,
  ) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const options: IHttpRequestOptions = {
      method: request.method,
      url: request.url,
      headers: { ...request.headers },
      body: request.body,
      timeout: request.timeoutMs,
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
      json: false,
      encoding: 'text',
    };
    let response: FullResponse;
    try {
      response = (await this.context.helpers.httpRequestWithAuthentication.call(
        this.context,
        this.credentialsType,
        options,
      )) as FullResponse;
    } catch (error) {
      throw toTransportError(error);
    }
    return { status: response.statusCode, headers: lowerCaseHeaders(response.headers), body: bodyText(response.body) };
  }
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return JSON.stringify(body);
}

function lowerCaseHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** Errors without a network code (a missing credential, a bug) are not transport failures: rethrown. */
function toTransportError(error: unknown): unknown {
  const code = networkCode(error);
  if (!code) return error;
  if (NEVER_CONNECTED.has(code)) return new TransportError(`could not connect (${code})`, 'connect', false);
  if (TIMEOUTS.has(code)) return new TransportError(`no response in time (${code})`, 'timeout', true);
  if (code === 'ERR_CANCELED') return new TransportError('request aborted (the execution was cancelled)', 'aborted', true);
  return new TransportError(`connection lost (${code})`, 'reset', true);
}

function networkCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (NEVER_CONNECTED.has(code) || TIMEOUTS.has(code) || LOST.has(code) || code === 'ERR_CANCELED')) {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  const message = error instanceof Error ? error.message : '';
  return /socket hang up/i.test(message) ? 'ECONNRESET' : '';
}
