import { type Server, createServer } from 'node:net';

/**
 * A proxy that forwards nothing: n8n gets it as HTTP_PROXY / HTTPS_PROXY / ALL_PROXY, so a node
 * that tried to reach a real service (HubSpot, Gmail...) would connect here instead and be
 * recorded, with the host it asked for. Loopback stays direct (NO_PROXY), so the sandbox is reached.
 */
export interface NetTrap {
  url: string;
  /** Every attempt: when, and the request line (`CONNECT api.hubapi.com:443 HTTP/1.1`). */
  attempts: Array<{ at: number; request: string }>;
  close(): Promise<void>;
}

export async function startNetTrap(): Promise<NetTrap> {
  const attempts: NetTrap['attempts'] = [];
  const server: Server = createServer((socket) => {
    const at = Date.now();
    socket.once('data', (chunk: Buffer) => {
      attempts.push({ at, request: chunk.toString('latin1').split('\r\n')[0].slice(0, 200) });
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    socket.on('error', () => undefined);
    socket.setTimeout(5000, () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The proxy variables, upper and lower case, as request libraries read either. */
export function proxyEnv(url: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) {
    env[name] = url;
    env[name.toLowerCase()] = url;
  }
  return env;
}
