import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireEntry {
  at: number;
  status: number;
}

/**
 * A pass-through in front of the sandbox for one credential: every request it forwards, with when
 * it arrived and the status the sandbox answered. The requests per 60 s window are read off it,
 * as the vendor sees them.
 */
export async function startWireLog(target: string): Promise<{ url: string; entries: WireEntry[]; close(): Promise<void> }> {
  const entries: WireEntry[] = [];
  const base = new URL(target);
  const server = http.createServer((req, res) => {
    const at = Date.now();
    const upstream = http.request(
      { host: base.hostname, port: base.port, method: req.method, path: req.url, headers: { ...req.headers, host: base.host } },
      (answer) => {
        entries.push({ at, status: answer.statusCode ?? 0 });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    entries,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** The most requests that arrived within any 60 s. */
export function busiestWindow(entries: WireEntry[], windowMs = 60_000): number {
  const times = entries.map((e) => e.at).sort((a, b) => a - b);
  let busiest = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= windowMs) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  return busiest;
}
