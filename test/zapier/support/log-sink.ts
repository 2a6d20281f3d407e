import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Receives the log stream zapier-platform-core sends to Zapier (`LOGGING_ENDPOINT`), so a test can
 * read exactly what Zapier would store: every request line, header, parameter and body, after
 * zapier-platform-core's own scrubbing.
 */
export interface LogSink {
  text(): string;
  /** The `request_url` + `request_params` + `request_headers` of every logged HTTP call. */
  requests(): string[];
  close(): Promise<void>;
}

const ENV_KEYS = ['LOGGING_ENDPOINT', 'LOGGING_TOKEN'] as const;

export async function startLogSink(): Promise<LogSink> {
  const chunks: string[] = [];
  const server = http.createServer((req, res) => {
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => chunks.push(chunk));
    req.on('end', () => res.end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const previous = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
  process.env.LOGGING_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}/logs`;
  process.env.LOGGING_TOKEN = 'test-log-token';
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { message: string; data: Record<string, unknown> });
  return {
    text: () => chunks.join(''),
    requests: () =>
      lines()
        .filter((line) => line.data.log_type === 'http')
        .map((line) => `${line.data.request_url}?${line.data.request_params ?? ''}\n${line.data.request_headers ?? ''}`),
    close: async () => {
      for (const key of ENV_KEYS) {
        if (previous[key] === undefined) delete process.env[key];
        else process.env[key] = previous[key];
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
