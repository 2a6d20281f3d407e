import { TransportError } from '../../shared/http/transport';
import { ZapierTransport, type ZapierRequestOptions, type ZapierResponse } from '../../shared/http/zapier-transport';

const request = { method: 'POST' as const, url: 'https://vendor.example/api/x?api_token=secret-token', headers: { accept: 'application/json' }, body: '{"a":1}', timeoutMs: 1234 };

function fakeZ(respond: (options: ZapierRequestOptions) => Promise<ZapierResponse>) {
  const calls: ZapierRequestOptions[] = [];
  return { calls, z: { request: (options: ZapierRequestOptions) => (calls.push(options), respond(options)) } };
}

describe('ZapierTransport', () => {
  it('sends the raw body through z.request, keeps every status, and lower-cases the headers', async () => {
    const headers = new Map([['Retry-After', '5'], ['Content-Type', 'application/json']]);
    const { z, calls } = fakeZ(async () => ({ status: 429, text: async () => '{"detail":"slow down"}', headers }));
    const response = await new ZapierTransport(z).send(request);
    expect(response).toEqual({ status: 429, headers: { 'retry-after': '5', 'content-type': 'application/json' }, body: '{"detail":"slow down"}' });
    expect(calls[0]).toEqual({
      url: request.url,
      method: 'POST',
      headers: request.headers,
      body: '{"a":1}',
      timeout: 1234,
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
      agent: expect.any(Function),
      raw: true,
    });
  });

  it('maps a body cut off or timed out while it is read to a TransportError', async () => {
    const { z } = fakeZ(async () => ({
      status: 200,
      headers: new Map(),
      text: async () => {
        throw Object.assign(new Error(`Response timeout while trying to fetch ${request.url}`), { name: 'FetchError', type: 'body-timeout' });
      },
    }));
    const error = await new ZapierTransport(z).send(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect((error as Error).message).not.toMatch(/secret-token|vendor\.example/);
  });

  it.each([
    [{ type: 'system', code: 'ECONNREFUSED' }, 'connect', false],
    [{ type: 'system', code: 'ENOTFOUND' }, 'connect', false],
    [{ type: 'system', code: 'ECONNRESET' }, 'reset', true],
    [{ type: 'request-timeout' }, 'timeout', true],
  ])('maps a failed request %j to a TransportError (%s, sent: %s) without the URL', async (failure, kind, sent) => {
    const { z } = fakeZ(async () => {
      throw Object.assign(new Error(`request to ${request.url} failed`), failure);
    });
    const error = await new ZapierTransport(z).send(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind, sent });
    expect((error as Error).message).not.toMatch(/secret-token|vendor\.example/);
  });

  it('passes other errors (a bad credential from beforeRequest) through unchanged', async () => {
    const original = new Error('API Key is empty');
    const { z } = fakeZ(async () => {
      throw original;
    });
    await expect(new ZapierTransport(z).send(request)).rejects.toBe(original);
  });
});
