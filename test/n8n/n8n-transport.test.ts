import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeApiError } from 'n8n-workflow';
import { N8nTransport } from '../../shared/http/n8n-transport';
import { TransportError } from '../../shared/http/transport';

// n8n-core's own request function, wrapped the way httpRequestWithAuthentication wraps failures.
const { httpRequest } = require('n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions') as {
  httpRequest(options: object): Promise<unknown>;
};
const node = { id: 'n', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
const n8nLike = {
  helpers: {
    async httpRequestWithAuthentication(_type: string, options: object) {
      try {
        return await httpRequest(options);
      } catch (error) {
        throw new NodeApiError(node, error as never);
      }
    },
  },
};

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/reset') return req.socket.destroy();
      if (req.url === '/cut') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '400' });
        return res.write('{"id": 1, "amo', () => res.destroy());
      }
      if (req.url === '/slow') return setTimeout(() => res.end('{}'), 500);
      res.writeHead(404, { 'Content-Type': 'application/json', 'X-Request-Id': 'r-1' });
      res.end('{"detail":"Not Found"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const send = (url: string, timeoutMs = 2000) =>
  new N8nTransport(n8nLike, 'test').send({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs });

async function failure(url: string, timeoutMs?: number): Promise<TransportError> {
  try {
    await send(url, timeoutMs);
  } catch (error) {
    return error as TransportError;
  }
  throw new Error('expected a failure');
}

describe('n8n transport', () => {
  test('an HTTP error status is a response with lower-case headers and the raw body', async () => {
    const response = await send(`${base}/missing`);
    expect(response).toMatchObject({ status: 404, body: '{"detail":"Not Found"}' });
    expect(response.headers['x-request-id']).toBe('r-1');
  });

  test('n8n-wrapped network failures become transport errors that say whether the request left', async () => {
    const refused = await failure('http://127.0.0.1:9/');
    expect(refused).toBeInstanceOf(TransportError);
    expect([refused.kind, refused.sent]).toEqual(['connect', false]);

    const reset = await failure(`${base}/reset`);
    expect([reset.kind, reset.sent]).toEqual(['reset', true]);

    // An answer cut mid-body: the request was sent, the connection lost; not a cancelled execution.
    const cut = await failure(`${base}/cut`);
    expect([cut.kind, cut.sent]).toEqual(['reset', true]);
    expect(cut.message).not.toMatch(/cancel/i);

    const slow = await failure(`${base}/slow`, 100);
    expect([slow.kind, slow.sent]).toEqual(['timeout', true]);
  });
});
