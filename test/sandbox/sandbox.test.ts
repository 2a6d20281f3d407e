import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type Sandbox } from './index';

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => any;
}

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('vendor sandbox', () => {
  let sb: Sandbox;
  const clock = Date.now();
  const nectifi = (path: string, key = sb.keys.nectifi.full, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    request(sb.urls.nectifi + path, { ...init, headers: { Authorization: `Bearer ${key}`, ...init.headers } });
  const anykrowd = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    request(`${sb.urls.anykrowd}/apix/v1${path}`, { ...init, headers: { Authorization: `Bearer ${sb.keys.anykrowd.apiKey}`, Accept: 'application/json', ...init.headers } });

  beforeAll(async () => {
    sb = await startSandbox({ now: () => clock, scale: { nectifiGuests: 800, nectifiSessions: 3000, splashCustomers: 600, splashVisits: 3000, smartwifiConnections: 6000, anykrowdTransactions: 2000 } });
  });
  afterAll(() => sb.close());
  beforeEach(() => {
    sb.faults.clear();
    sb.counters.reset();
  });

  test('serves on 127.0.0.1 with one prefix per vendor and a health endpoint', async () => {
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sb.urls.nectifi).toBe(`${sb.url}/nectifi/api/v1/external/v1`);
    const health = await request(`${sb.url}/__sandbox/health`);
    expect(health.json()).toMatchObject({ status: 'ok', urls: sb.urls });
  });

  describe('auth per vendor', () => {
    test('Nectifi: bearer keys, revocation and scopes in both spellings', async () => {
      expect((await nectifi('/crm/guests', '')).status).toBe(401);
      const revoked = await nectifi('/crm/guests', sb.keys.nectifi.revoked);
      expect(revoked.status).toBe(401);
      expect(revoked.json().detail).toMatch(/revoked/);
      // crmOnly holds `crm.read`: reads pass, writes and other modules do not.
      const read = await nectifi('/crm/guests?limit=1', sb.keys.nectifi.crmOnly);
      expect(read.status).toBe(200);
      const write = await nectifi('/crm/guests', sb.keys.nectifi.crmOnly, json({ location_id: 1, name: 'Alex' }));
      expect(write.status).toBe(403);
      expect(write.json()).toEqual({ detail: 'Missing scope: crm:write' });
      expect((await nectifi('/wifi/locations', sb.keys.nectifi.crmOnly)).status).toBe(403);
      expect(read.headers['x-request-id']).toBeTruthy();
      expect(read.headers['x-request-id']).not.toBe(write.headers['x-request-id']);
      expect(read.headers['x-api-usage-percent']).toBeDefined();
    });

    test('Nectifi: a key with an IP allowlist refuses callers outside it; lists can answer as bare arrays', async () => {
      const blocked = await nectifi('/crm/guests?limit=1', sb.keys.nectifi.ipBlocked);
      expect([blocked.status, blocked.json()]).toEqual([403, { detail: 'IP address not allowed for this API key' }]);
      const record = sb.state.nectifi.apiKeys.get(sb.keys.nectifi.ipBlocked)!;
      const allowlist = record.allowedIps;
      record.allowedIps = ['127.0.0.0/8'];
      try {
        expect((await nectifi('/crm/guests?limit=1', sb.keys.nectifi.ipBlocked)).status).toBe(200);
      } finally {
        record.allowedIps = allowlist;
      }
      sb.nectifiListShape = 'bare';
      try {
        const bare = await nectifi('/crm/guests?limit=2', sb.keys.nectifi.full);
        expect(Array.isArray(bare.json())).toBe(true);
        expect(bare.json()).toHaveLength(2);
        expect((await nectifi('/crm/guests/1', sb.keys.nectifi.full)).json()).toMatchObject({ id: 1 });
      } finally {
        sb.nectifiListShape = 'envelope';
      }
      expect((await nectifi('/crm/guests?limit=2', sb.keys.nectifi.full)).json()).toMatchObject({ items: expect.any(Array), total: expect.any(Number) });
    });

    test('Splash, SmartWiFi and anykrowd reject missing or wrong credentials', async () => {
      expect((await request(`${sb.urls.splash}/api/venues?slug=default`)).json()).toEqual({ message: 'Unauthenticated.' });
      expect((await request(`${sb.urls.smartwifi}/v2/zapier/client/ping?api_token=nope`)).status).toBe(401);
      expect((await request(`${sb.urls.smartwifi}/v2/zapier/client/ping?api_token=${sb.keys.smartwifi.apiToken}`)).json()).toEqual({ message: 'success' });
      const noKey = await request(`${sb.urls.anykrowd}/apix/v1/ping`, { headers: { Accept: 'application/json' } });
      expect(noKey.status).toBe(401);
      expect(noKey.json()).toEqual({ status: 'error', error: { code: 401, error: 'Unauthenticated.' } });
      // Without Accept: application/json anykrowd answers like Laravel: an HTML redirect to the login page.
      const html = await anykrowd('/ping', { headers: { Accept: '*/*' } });
      expect(html.status).toBe(302);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect((await anykrowd('/ping')).json()).toEqual({ message: 'pong' });
    });

    test('Splash needs a known team slug', async () => {
      const h = { headers: { 'X-API-Key': sb.keys.splash.apiKey } };
      expect((await request(`${sb.urls.splash}/api/venues`, h)).status).toBe(422);
      expect((await request(`${sb.urls.splash}/api/venues?slug=nope`, h)).status).toBe(404);
      const north = (await request(`${sb.urls.splash}/api/venues?slug=${sb.keys.splash.otherTeam}`, h)).json();
      expect(north.data.length).toBeGreaterThan(0);
    });
  });

  describe('paging', () => {
    test('Nectifi: limit/offset, newest first, max 200', async () => {
      const p1 = (await nectifi('/crm/guests?limit=50&offset=0')).json();
      const p2 = (await nectifi('/crm/guests?limit=50&offset=50')).json();
      expect(p1).toMatchObject({ total: 800, limit: 50, offset: 0 });
      const ids = [...p1.items, ...p2.items].map((g: { id: number }) => g.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(new Set(ids).size).toBe(100);
      const tooBig = await nectifi('/crm/guests?limit=201');
      expect(tooBig.status).toBe(422);
      expect(tooBig.json().detail[0]).toMatchObject({ loc: ['query', 'limit'], type: 'less_than_equal' });
    });

    test('Splash: Laravel paginator, oldest first, inclusive dates', async () => {
      const h = { headers: { 'X-API-Key': sb.keys.splash.apiKey } };
      const all: { id: number; created_at: string }[] = [];
      let url: string | null = `${sb.urls.splash}/api/customers?slug=default&per_page=100`;
      while (url) {
        const page = (await request(url, h)).json();
        all.push(...page.data);
        url = page.next_page_url;
      }
      expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((a, b) => a - b));
      const day = all[Math.floor(all.length / 2)].created_at.slice(0, 10);
      const sameDay = all.filter((c) => c.created_at.startsWith(day)).length;
      const filtered = (await request(`${sb.urls.splash}/api/customers?slug=default&per_page=1000&start_date=${day}&end_date=${day}`, h)).json();
      expect(filtered.total).toBe(sameDay);
    });

    test('anykrowd: {data, links, meta}, default limit 10', async () => {
      const page = (await anykrowd(`/wallets/transactions/${sb.keys.anykrowd.walletId}?page=2`)).json();
      expect(page.meta).toMatchObject({ current_page: 2, per_page: 10 });
      expect(page.data).toHaveLength(10);
      expect(page.links.next).toMatch(/page=3$/);
    });

    test('SmartWiFi connections: 30-day cap, to exclusive, 12 hours with hotspotid', async () => {
      const T = sb.keys.smartwifi.apiToken;
      const day = (d: number) => new Date(clock - d * 86_400_000).toISOString().slice(0, 10);
      expect((await request(`${sb.urls.smartwifi}/v2/client/connections?api_token=${T}&from=${day(40)}&to=${day(5)}`)).status).toBe(400);
      const rows = (await request(`${sb.urls.smartwifi}/v2/client/connections?api_token=${T}&from_date=${day(10)}&to_date=${day(5)}`)).json();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r: { date: string }) => r.date >= day(10) && r.date < day(5))).toBe(true);
      expect(Object.keys(rows[0])).toEqual(['date', 'email', 'phone', 'device', 'mobile', 'identity', 'lastname', 'uploaded', 'firstname', 'useragent', 'downloaded', 'guesttoken', 'macaddress', 'hotspotname', 'online_time', 'profileuser', 'reason_for_termination']);
      const hs = (await request(`${sb.urls.smartwifi}/v2/client/connections?api_token=${T}&from=${day(10)}&to=${day(-1)}&hotspotid=12261,12290`)).json();
      expect(hs.every((r: { date: string }) => Date.parse(r.date) >= clock - 12 * 3_600_000)).toBe(true);
    });
  });

  describe('writes and faults', () => {
    test('idempotent loyalty points apply once; a different body is a 409', async () => {
      const body = { guest_id: 42, points: 50, note: 'Birthday bonus', idempotency_key: 'adj-test' };
      const before = (await nectifi('/loyalty/guests/42/points')).json().points_balance;
      const a = await nectifi('/loyalty/guests/42/points', undefined, json(body));
      const b = await nectifi('/loyalty/guests/42/points', undefined, json(body));
      expect(b.json()).toEqual(a.json());
      expect((await nectifi('/loyalty/guests/42/points')).json().points_balance).toBe(before + 50);
      expect((await nectifi('/loyalty/guests/42/points', undefined, json({ ...body, points: 51 }))).status).toBe(409);
      const c = sb.counters.get();
      expect(c.requests['nectifi POST /loyalty/guests/{guest_id}/points']).toBe(3);
      expect(c.applied['nectifi POST /loyalty/guests/{guest_id}/points']).toBe(1);
    });

    test('rate-limit fault answers 429 with Retry-After once, then the request passes', async () => {
      sb.faults.inject({ vendor: 'nectifi', path: '/crm/tags', fault: 'rate-limit', retryAfterSeconds: 7 });
      const limited = await nectifi('/crm/tags');
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('7');
      expect(limited.json()).toEqual({ detail: 'Rate limit exceeded for this API key' });
      expect((await nectifi('/crm/tags')).status).toBe(200);
    });

    test('reset-before changes nothing; reset-after applies the top-up but never answers', async () => {
      const walletId = sb.keys.anykrowd.walletId;
      const balance = async () => (await anykrowd(`/wallets/show/${walletId}`)).json().current_balance;
      const before = await balance();
      const topup = json({ wallet_id: walletId, currency_id: sb.keys.anykrowd.currencyId, amount: '10.24' }, { Authorization: `Bearer ${sb.keys.anykrowd.apiKey}` });
      sb.faults.inject({ vendor: 'anykrowd', method: 'POST', path: '/apix/v1/wallets/topup', fault: 'reset-before' });
      await expect(request(`${sb.urls.anykrowd}/apix/v1/wallets/topup`, topup)).rejects.toThrow();
      expect(await balance()).toBe(before);
      sb.faults.inject({ vendor: 'anykrowd', method: 'POST', path: '/apix/v1/wallets/topup', fault: 'reset-after' });
      await expect(request(`${sb.urls.anykrowd}/apix/v1/wallets/topup`, topup)).rejects.toThrow();
      expect(Number(await balance())).toBeCloseTo(Number(before) + 10.24, 2);
      expect(sb.counters.get().requests['anykrowd POST /apix/v1/wallets/topup']).toBe(2);
      expect(sb.counters.get().applied['anykrowd POST /apix/v1/wallets/topup']).toBe(1);
    });

    test('Splash vouchers are form-encoded only, listed once created, deletable', async () => {
      const h = { 'X-API-Key': sb.keys.splash.apiKey };
      const fields = { slug: 'default', code: 'SANDBOX-TEST', venue_id: '1', number_of_days: '3' };
      expect((await request(`${sb.urls.splash}/api/vouchers`, json(fields, h))).status).toBe(415);
      const form = { method: 'POST', headers: { ...h, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
      const created = await request(`${sb.urls.splash}/api/vouchers`, form);
      expect(created.status).toBe(201);
      expect((await request(`${sb.urls.splash}/api/vouchers`, form)).json().errors.code).toEqual(['The code has already been taken.']);
      const list = (await request(`${sb.urls.splash}/api/vouchers?slug=default&per_page=1000`, { headers: h })).json();
      expect(list.data.map((v: { code: string }) => v.code)).toContain('SANDBOX-TEST');
      const del = await request(`${sb.urls.splash}/api/vouchers/${created.json().id}?slug=default`, { method: 'DELETE', headers: h });
      expect(del.json()).toEqual({ success: true });
    });
  });

  test('webhooks are signed with HMAC-SHA256 of the raw body', async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const target = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    try {
      sb.webhooks.register(`http://127.0.0.1:${(target.address() as AddressInfo).port}/hook`, ['guest.created']);
      const guest = sb.insert.nectifiGuest({ name: 'Webhook Test' });
      await sb.webhooks.idle();
      expect(received).toHaveLength(1);
      const { headers, body } = received[0];
      const expected = 'sha256=' + createHmac('sha256', sb.keys.nectifi.webhookSecret).update(body).digest('hex');
      expect(headers['x-nectifi-signature']).toBe(expected);
      expect(headers['x-nectifi-event']).toBe('guest.created');
      expect(headers['x-nectifi-delivery']).toBeTruthy();
      const parsed = JSON.parse(body);
      expect(parsed).toMatchObject({ event: 'guest.created', tenant_id: 1, payload: { guest_id: guest.id } });
      expect(parsed.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
      expect(sb.webhooks.deliveries.at(-1)?.status).toBe(204);
    } finally {
      sb.webhooks.unregister();
      await new Promise((r) => target.close(r));
    }
  });

  test('rate limits follow the vendor clock', async () => {
    let now = Date.now();
    const small = await startSandbox({ now: () => now, nectifiRateLimitPerMinute: 2, anykrowdRateLimitPerHour: 2, scale: { nectifiGuests: 50, nectifiSessions: 100, splashCustomers: 10, splashVisits: 10, smartwifiGuests: 10, smartwifiConnections: 10, smartwifiGuestPlans: 10, anykrowdUsers: 5, anykrowdTransactions: 10 } });
    try {
      const n = () => request(`${small.urls.nectifi}/wifi/locations`, { headers: { Authorization: `Bearer ${small.keys.nectifi.readOnly}` } });
      expect((await n()).status).toBe(200);
      expect((await n()).status).toBe(200);
      const limited = await n();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      now += 61_000;
      expect((await n()).status).toBe(200);

      const a = () => request(`${small.urls.anykrowd}/apix/v1/ping`, { headers: { Authorization: `Bearer ${small.keys.anykrowd.apiKey}`, Accept: 'application/json' } });
      expect((await a()).headers['x-ratelimit-remaining']).toBe('1');
      await a();
      const over = await a();
      expect(over.status).toBe(429);
      expect(over.headers['x-ratelimit-remaining']).toBe('0');
      expect(Number(over.headers['x-ratelimit-reset'])).toBeGreaterThan(now / 1000);
      now += 3_601_000;
      expect((await a()).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  test('latency: each vendor answers after its configured delay; control endpoints do not wait', async () => {
    const timed = async (url: string, headers: Record<string, string> = {}) => {
      const t0 = performance.now();
      const res = await request(url, { headers });
      return { status: res.status, ms: performance.now() - t0 };
    };
    const ping = () => timed(`${sb.urls.anykrowd}/apix/v1/ping`, { Authorization: `Bearer ${sb.keys.anykrowd.apiKey}`, Accept: 'application/json' });
    const venues = () => timed(`${sb.urls.splash}/api/venues?slug=default`, { 'X-API-Key': sb.keys.splash.apiKey });
    try {
      const set = await request(`${sb.url}/__sandbox/latency`, json({ anykrowd: 300 }));
      expect(set.json()).toEqual({ latency_ms: { nectifi: 0, splash: 0, smartwifi: 0, anykrowd: 300 } });
      const slow = await ping();
      expect(slow.status).toBe(200);
      expect(slow.ms).toBeGreaterThanOrEqual(290);
      // Another vendor and the control endpoints are not delayed.
      const fast = await venues();
      expect(fast.status).toBe(200);
      expect(fast.ms).toBeLessThan(slow.ms);
      expect((await timed(`${sb.url}/__sandbox/health`)).ms).toBeLessThan(290);
      const bad = await request(`${sb.url}/__sandbox/latency`, json({ hubspot: 5 }));
      expect(bad.status).toBe(422);
      expect(bad.json().error).toMatch(/unknown vendor "hubspot"/);
    } finally {
      sb.latency.set(0);
    }
    expect(sb.latency.get()).toEqual({ nectifi: 0, splash: 0, smartwifi: 0, anykrowd: 0 });
  });
});
