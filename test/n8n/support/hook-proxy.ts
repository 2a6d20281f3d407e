import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHook = (request: { method: string; path: string; count: number }) => void | Promise<void>;

/**
 * A pass-through HTTP proxy in front of the sandbox that can run code between two requests of
 * one poll (e.g. insert rows after page 1 was served and before page 2 is asked for).
 */
export async function startHookProxy(target: string): Promise<{ url: string; setHook(hook: RequestHook | null): void; close(): Promise<void> }> {
  const upstream = new URL(target);
  let hook: RequestHook | null = null;
  let count = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      count += 1;
      await hook?.({ method: req.method ?? 'GET', path: req.url ?? '/', count });
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent: false },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setHook(next) {
      hook = next;
      count = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
