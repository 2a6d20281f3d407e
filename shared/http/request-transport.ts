import { type HttpRequest, type HttpResponse, type Transport, TransportError } from './transport';

interface LegacyResponse {
  statusCode: number;
  headers?: Record<string, unknown>;
  body: unknown;
}

/**
 * A credential test's helpers. n8n (2.8 to 2.41) gives a credential test function only the
 * request-library style `request`, no `httpRequest`: this is the one HTTP client it can use.
 */
export interface RequestHelpers {
  request(options: Record<string, unknown>): Promise<unknown>;
}

/**
 * Sends through that helper (credential tests): every status comes back as a response; a failure
 * without an answer is a connection that was never made (a test only reads).
 */
export class RequestHelperTransport implements Transport {
  constructor(private readonly helpers: RequestHelpers) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    let response: LegacyResponse;
    try {
      response = (await this.helpers.request({
        method: request.method,
        uri: request.url,
        headers: request.headers,
        body: request.body,
        timeout: request.timeoutMs,
        resolveWithFullResponse: true,
        simple: false,
        json: false,
      })) as LegacyResponse;
    } catch {
      throw new TransportError('could not reach the server: check the URL', 'connect', false);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers ?? {})) if (value !== undefined) headers[name.toLowerCase()] = String(value);
    const { body } = response;
    const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body ?? '');
    return { status: response.statusCode, headers, body: text };
  }
}
