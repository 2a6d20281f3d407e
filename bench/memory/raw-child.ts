/**
 * Benchmark 3, the baseline: the same walk with raw undici `request` + JSON.parse, in its own
 * process (bundled: only undici and the pure window helpers of shared/client/paginate.ts, so the
 * baseline does not carry our code). argv[2]: WalkSpec JSON.
 */
import { Agent, request } from 'undici';
import { formatUtc, ownItems, windowBounds } from '../../shared/client/paginate';
import { firstWindow, nextWindow } from '../../shared/client/window-sizing';
import { CONNECTION_SPAN_MS } from '../../shared/smartwifi/connection-identity';
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
    // 'raw': the requests our iterator sends (same window sizing, each window read 12 h past its
    // inner edges and kept by date, so roaming connections come out whole); 'raw-no-reach': the same
    // windows without that reach (what it costs); 'raw-30d': the vendor's maximum span.
    const reach = spec.variant === 'raw' ? CONNECTION_SPAN_MS : 0;
    const maxSpan = 30 * DAY - 2 * reach;
    let sizing = spec.variant === 'raw-30d' ? { span: 30 * DAY, peakRate: 0 } : firstWindow();
    for (let cursor = bounds.start; cursor < bounds.end; ) {
      const end = Math.min(bounds.end, cursor + Math.min(sizing.span, maxSpan));
      const askFrom = Math.max(bounds.start, cursor - reach);
      const askTo = Math.min(bounds.end, end + reach);
      const query = new URLSearchParams({ from: formatUtc(askFrom, askFrom % DAY !== 0), to: formatUtc(askTo, askTo % DAY !== 0), api_token: spec.key });
      const page = (await get(`${spec.baseUrl}/v2/client/connections?${query}`, { accept: 'application/json' })) as unknown[];
      const rows = reach > 0 ? ownItems(page, 'date', cursor, end) : page;
      for (const row of rows) ctx.use(row);
      cursor = end;
      if (spec.variant !== 'raw-30d') sizing = nextWindow(sizing, rows.length, maxSpan);
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
