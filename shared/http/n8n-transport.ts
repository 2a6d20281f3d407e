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

/**
 * Sends requests through n8n's `httpRequestWithAuthentication`, so the credential's own
 * `authenticate` block adds the key and n8n's proxy settings apply. HTTP error statuses come back
 * as responses (the shared runner maps them); network failures become `TransportError`s whose
 * message names neither a URL nor a header. Their messages also avoid raw codes such as
 * ECONNRESET: n8n would replace a message containing one with its generic text.
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

/**
 * n8n wraps a failed request in a NodeApiError that keeps neither the cause nor its code, only the
 * original message (in `messages`) and a descriptive text chosen by the code. The code is read
 * back from those texts. A failure that cannot be placed is treated as possibly sent: a write is
 * then not repeated blindly.
 */
function toTransportError(error: unknown): TransportError {
  const code = networkCode(error);
  if (NEVER_CONNECTED.has(code)) return new TransportError('could not connect to the server', 'connect', false);
  if (TIMEOUTS.has(code)) return new TransportError('the server did not answer in time', 'timeout', true);
  if (code === 'ERR_CANCELED') return new TransportError('the request was aborted (the execution was cancelled)', 'aborted', true);
  if (code) return new TransportError('the connection was lost after the request was sent', 'reset', true);
  return new TransportError('the request failed before an answer arrived', 'reset', true);
}

const CODE_PATTERN = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|ECONNRESET|EPIPE)\b/;

/** n8n's descriptive texts (n8n-workflow COMMON_ERRORS) and axios' own wording, back to codes. */
const TEXTS: Array<[RegExp, string]> = [
  [/refused the connection/i, 'ECONNREFUSED'],
  [/connection cannot be established|incorrect host/i, 'ENOTFOUND'],
  [/DNS server returned an error/i, 'EAI_AGAIN'],
  [/host is unreachable/i, 'EHOSTUNREACH'],
  [/timeout of \d+ms exceeded|connection was aborted/i, 'ECONNABORTED'],
  [/connection timed out/i, 'ETIMEDOUT'],
  // Node's "aborted": the connection closed while the answer's body was being read (after the
  // request was sent), not a cancelled execution: a write's outcome is then unknown.
  [/socket hang up|closed (the connection )?unexpectedly|^aborted$/i, 'ECONNRESET'],
  [/^canceled$|operation was aborted/i, 'ERR_CANCELED'],
];

function networkCode(error: unknown): string {
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const { code, message, messages } = current as { code?: unknown; message?: unknown; messages?: unknown };
    if (typeof code === 'string' && (CODE_PATTERN.test(code) || code === 'ERR_CANCELED')) return code;
    if (typeof message === 'string') texts.push(message);
    if (Array.isArray(messages)) texts.push(...messages.filter((m): m is string => typeof m === 'string'));
    current = (current as { cause?: unknown }).cause;
  }
  for (const text of texts) {
    const match = CODE_PATTERN.exec(text);
    if (match) return match[1];
  }
  for (const text of texts) {
    for (const [pattern, code] of TEXTS) if (pattern.test(text)) return code;
  }
  return '';
}
