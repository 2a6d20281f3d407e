/**
 * Benchmark 3, the baseline: the same walk with raw undici `request` + JSON.parse, in its own
 * process (bundled: only undici and the pure window helpers of shared/client/paginate.ts, so the
 * baseline does not carry our code). argv[2]: WalkSpec JSON.
 */
import { Agent, request } from 'undici';
import { formatUtc, windowBounds } from '../../shared/client/paginate';
import { firstWindow, nextWindow } from '../../shared/client/window-sizing';
import { runWalkMain } from './walk';

const DAY = 86_400_000;

runWalkMain(async (spec, ctx) => {
  const agent = new Agent({ connections: 16, keepAliveTimeout: 10_000, pipelining: 1 });
  const get = async (url: string, headers: Record<string, string>) => {
    const res = await request(url, { method: 'GET', headers, dispatcher: agent });
    const text = await res.body.text();
    ctx.response(text);
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${text.slice(0, 200)}`);
    return JSON.parse(text) as unknown;
  };
  if (spec.walk === 'smartwifi-connections') {
    const bounds = windowBounds(spec.from, spec.to);
    if (!bounds) throw new Error('bad range');
    // 'raw': the windows our iterator would ask for (same sizing rule); 'raw-30d': the vendor's maximum.
    let sizing = spec.variant === 'raw' ? firstWindow() : { span: 30 * DAY, peakRate: 0 };
    for (let cursor = bounds.start; cursor < bounds.end; ) {
      const end = Math.min(bounds.end, cursor + sizing.span);
      const query = new URLSearchParams({ from: formatUtc(cursor, cursor % DAY !== 0), to: formatUtc(end, end % DAY !== 0), api_token: spec.key });
      const rows = (await get(`${spec.baseUrl}/v2/client/connections?${query}`, { accept: 'application/json' })) as unknown[];
      for (const row of rows) ctx.use(row);
      cursor = end;
      if (spec.variant === 'raw') sizing = nextWindow(sizing, rows.length, 30 * DAY);
    }
  } else {
    const headers = { accept: 'application/json', authorization: `Bearer ${spec.key}` };
    for (let offset = 0; ; offset += 200) {
      const body = (await get(`${spec.baseUrl}/crm/guests?limit=200&offset=${offset}`, headers)) as { items: unknown[] };
      for (const guest of body.items) ctx.use(guest);
      if (body.items.length < 200) break;
    }
  }
  await agent.close();
});
