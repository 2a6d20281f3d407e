/**
 * Benchmark 6's cases: for each vendor a read and (where the API has one) a write, once through our
 * node and once through n8n's HTTP Request node sending the same request with the same key. One
 * workflow per latency: List (the 100 guests every item refers to) feeds every case's pair, round by
 * round, each node its own branch (so each gets exactly the 100 items).
 */
import type { SandboxKeys, SandboxUrls } from '../test/sandbox/types';

export const ITEMS = 100;
/** The benchmark's Nectifi key and credential: the most a workspace can set. */
export const NECTIFI_BENCH_PER_MINUTE = 10_000;

export interface BenchIds {
  venueId: number;
  walletId: number;
  currencyId: number;
}

export interface BenchCase {
  key: string;
  vendor: 'nectifi' | 'splash' | 'smartwifi' | 'anykrowd';
  label: string;
  kind: 'read' | 'write';
  /** Why and how ours overlaps its items here. */
  note: string;
  ours(round: string): Record<string, unknown>;
  http(round: string): Record<string, unknown>;
}

export const CREDENTIALS = {
  nectifi: { id: 'VenueBenchNect01', name: 'Nectifi bench' },
  splash: { id: 'VenueBenchSpla01', name: 'Splash bench' },
  smartwifi: { id: 'VenueBenchSmar01', name: 'SmartWiFi bench' },
  anykrowd: { id: 'VenueBenchAnyk01', name: 'anykrowd bench' },
  nectifiHeader: { id: 'VenueBenchHead01', name: 'Nectifi header auth (HTTP Request)' },
  splashHeader: { id: 'VenueBenchHead02', name: 'Splash header auth (HTTP Request)' },
  anykrowdHeader: { id: 'VenueBenchHead03', name: 'anykrowd header auth (HTTP Request)' },
  smartwifiQuery: { id: 'VenueBenchQury01', name: 'SmartWiFi query auth (HTTP Request)' },
};

/** The credentials the benchmark imports: ours, and the header/query auth HTTP Request uses for the same keys. */
export function benchCredentials(urls: SandboxUrls, keys: SandboxKeys) {
  return [
    { ...CREDENTIALS.nectifi, type: 'nectifiApi', data: { apiKey: keys.nectifi.full, baseUrl: urls.nectifi, requestsPerMinute: NECTIFI_BENCH_PER_MINUTE, allowHttp: true } },
    { ...CREDENTIALS.splash, type: 'splashAirApi', data: { host: urls.splash, apiKey: keys.splash.apiKey, team: keys.splash.team, allowHttp: true } },
    { ...CREDENTIALS.smartwifi, type: 'smartWifiApi', data: { apiToken: keys.smartwifi.apiToken, environment: 'custom', baseUrl: urls.smartwifi, allowHttp: true } },
    { ...CREDENTIALS.anykrowd, type: 'anykrowdApi', data: { tenantUrl: urls.anykrowd, apiKey: keys.anykrowd.apiKey, allowHttp: true } },
    { ...CREDENTIALS.nectifiHeader, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${keys.nectifi.full}` } },
    { ...CREDENTIALS.splashHeader, type: 'httpHeaderAuth', data: { name: 'X-API-Key', value: keys.splash.apiKey } },
    { ...CREDENTIALS.anykrowdHeader, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${keys.anykrowd.apiKey}` } },
    { ...CREDENTIALS.smartwifiQuery, type: 'httpQueryAuth', data: { name: 'api_token', value: keys.smartwifi.apiToken } },
  ];
}

const guestId = '={{ $json.id }}';
const rl = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });

function httpRequest(method: string, url: string, credential: { id: string; name: string }, type: 'httpHeaderAuth' | 'httpQueryAuth', extra: Record<string, unknown> = {}) {
  return {
    type: 'n8n-nodes-base.httpRequest',
    typeVersion: 4.2,
    parameters: { method, url, authentication: 'genericCredentialType', genericAuthType: type, options: {}, ...extra },
    credentials: { [type]: credential },
  };
}

const jsonBody = (expression: string) => ({ sendBody: true, specifyBody: 'json', jsonBody: `={{ JSON.stringify(${expression}) }}` });

export function benchCases(urls: SandboxUrls, keys: SandboxKeys, ids: BenchIds, packageName: string): BenchCase[] {
  // Node version 1.1 (Requests in Flight), Output: Raw where it applies, as HTTP Request returns everything.
  const ours = (vendor: keyof typeof TYPES, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: `${packageName}.${TYPES[vendor].node}`,
    typeVersion: 1.1,
    parameters: { ...parameters, output: 'raw' },
    credentials: { [TYPES[vendor].credential]: CREDENTIALS[vendor] },
    ...extra,
  });
  const anykrowdHeaders = { sendHeaders: true, headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] } };
  const splashQuery = (extra: Array<{ name: string; value: string }> = []) => ({
    sendQuery: true,
    queryParameters: { parameters: [{ name: 'slug', value: keys.splash.team }, ...extra] },
  });
  return [
    {
      key: 'nectifi-read',
      vendor: 'nectifi',
      label: 'Nectifi › Get Guest',
      kind: 'read',
      note: 'read: overlaps',
      ours: () => ours('nectifi', { resource: 'guest', operation: 'getGuest', guestId }),
      http: () => httpRequest('GET', `={{ ${JSON.stringify(`${urls.nectifi}/crm/guests/`)} + $json.id }}`, CREDENTIALS.nectifiHeader, 'httpHeaderAuth'),
    },
    {
      key: 'nectifi-write',
      vendor: 'nectifi',
      label: 'Nectifi › Add Points',
      kind: 'write',
      note: 'idempotency key: overlaps',
      ours: () => ours('nectifi', { resource: 'loyalty', operation: 'addPoints', guestId, points: 1 }),
      http: (round) =>
        httpRequest('POST', `={{ ${JSON.stringify(`${urls.nectifi}/loyalty/guests/`)} + $json.id + '/points' }}`, CREDENTIALS.nectifiHeader, 'httpHeaderAuth', {
          ...jsonBody(`{ points: 1, idempotency_key: 'bench-' + $execution.id + '-${round}-' + $itemIndex }`),
        }),
    },
    {
      key: 'splash-read',
      vendor: 'splash',
      label: 'Splash Air › List Venues (limit 1)',
      kind: 'read',
      note: 'read: overlaps',
      ours: () => ours('splash', { resource: 'venue', operation: 'listVenues', returnAll: false, limit: 1 }),
      http: () => httpRequest('GET', `${urls.splash}/api/venues`, CREDENTIALS.splashHeader, 'httpHeaderAuth', splashQuery([{ name: 'per_page', value: '1' }])),
    },
    {
      key: 'splash-write',
      vendor: 'splash',
      label: 'Splash Air › Create Voucher (continue on fail)',
      kind: 'write',
      note: 'not repeat-safe: overlaps with Continue On Fail',
      ours: (round) =>
        ours(
          'splash',
          { resource: 'voucher', operation: 'createVoucher', code: `={{ 'B-' + $execution.id + '-${round}-o-' + $itemIndex }}`, venueId: rl(ids.venueId), numberOfDays: 1 },
          { onError: 'continueRegularOutput' },
        ),
      http: (round) =>
        httpRequest('POST', `${urls.splash}/api/vouchers`, CREDENTIALS.splashHeader, 'httpHeaderAuth', {
          ...splashQuery(),
          sendBody: true,
          contentType: 'form-urlencoded',
          bodyParameters: {
            parameters: [
              { name: 'code', value: `={{ 'B-' + $execution.id + '-${round}-h-' + $itemIndex }}` },
              { name: 'venue_id', value: String(ids.venueId) },
              { name: 'number_of_days', value: '1' },
            ],
          },
        }),
    },
    {
      key: 'smartwifi-read',
      vendor: 'smartwifi',
      label: 'SmartWiFi › List Hotspots',
      kind: 'read',
      note: 'read: overlaps (SmartWiFi has no write)',
      ours: () => ours('smartwifi', { resource: 'hotspot', operation: 'listHotspots', returnAll: false, limit: 1 }),
      http: () => httpRequest('GET', `${urls.smartwifi}/v2/zapier/client/dropdown/hotspots`, CREDENTIALS.smartwifiQuery, 'httpQueryAuth'),
    },
    {
      key: 'anykrowd-read',
      vendor: 'anykrowd',
      label: 'anykrowd › Get Wallet',
      kind: 'read',
      note: 'read: overlaps',
      ours: () => ours('anykrowd', { resource: 'wallet', operation: 'getWallet', walletId: ids.walletId }),
      http: () => httpRequest('GET', `${urls.anykrowd}/apix/v1/wallets/show/${ids.walletId}`, CREDENTIALS.anykrowdHeader, 'httpHeaderAuth', anykrowdHeaders),
    },
    {
      key: 'anykrowd-write',
      vendor: 'anykrowd',
      label: 'anykrowd › Top Up Wallet (continue on fail)',
      kind: 'write',
      note: 'money, no idempotency key: overlaps with Continue On Fail',
      ours: () =>
        ours('anykrowd', { resource: 'wallet', operation: 'topUpWallet', walletId: ids.walletId, amount: '0.01', currencyId: rl(ids.currencyId) }, { onError: 'continueRegularOutput' }),
      http: () =>
        httpRequest('POST', `${urls.anykrowd}/apix/v1/wallets/topup`, CREDENTIALS.anykrowdHeader, 'httpHeaderAuth', {
          ...anykrowdHeaders,
          ...jsonBody(`{ wallet_id: ${ids.walletId}, amount: '0.01', currency_id: ${ids.currencyId} }`),
        }),
    },
  ];
}

const TYPES = {
  nectifi: { node: 'nectifi', credential: 'nectifiApi' },
  splash: { node: 'splashAir', credential: 'splashAirApi' },
  smartwifi: { node: 'smartWifi', credential: 'smartWifiApi' },
  anykrowd: { node: 'anykrowd', credential: 'anykrowdApi' },
} as const;

/**
 * The workflow of one latency: Start → List → every case's pair for each round, each on its own
 * branch. n8n (execution order v1) runs the branches one after another, top to bottom, so the
 * nodes never compete; the pair's order alternates every round. Round 0 is a warm-up that is not
 * counted: the first nodes after n8n starts pay for its own first-use work (JIT, its HTTP helpers),
 * which otherwise lands on whichever node of the first pair runs first.
 */
export function benchWorkflow(cases: BenchCase[], rounds: number, packageName: string) {
  const nodes: Array<Record<string, unknown>> = [];
  const add = (name: string, node: Record<string, unknown>) =>
    nodes.push({ id: `node-${nodes.length}`, name, position: nodes.length < 2 ? [nodes.length * 220, 0] : [440, nodes.length * 100], typeVersion: 1, ...node });
  add('Start', { type: 'n8n-nodes-base.manualTrigger', parameters: {} });
  add('List', {
    type: `${packageName}.nectifi`,
    parameters: { resource: 'guest', operation: 'listGuests', returnAll: false, limit: ITEMS },
    credentials: { nectifiApi: CREDENTIALS.nectifi },
  });
  for (let round = 0; round <= rounds; round++) {
    for (const c of cases) {
      const pair: Array<['ours' | 'http', string]> = [
        ['ours', `Ours ${c.key} ${round}`],
        ['http', `HTTP ${c.key} ${round}`],
      ];
      if (round % 2 === 0) pair.reverse();
      for (const [which, name] of pair) add(name, which === 'ours' ? c.ours(String(round)) : c.http(String(round)));
    }
  }
  const branches = nodes.slice(2).map((n) => ({ node: n.name, type: 'main', index: 0 }));
  const connections = { Start: { main: [[{ node: 'List', type: 'main', index: 0 }]] }, List: { main: [branches] } };
  return { id: 'VenueBenchWflw01', name: 'venue-connectors bench: ours vs HTTP Request', nodes, connections, active: false, settings: { executionOrder: 'v1' } };
}

/** The rate-limited case: a Nectifi key limited to `perMinute`, the credential set to the same. */
export const LIMITED = { perMinute: 120, items: 200, latencyMs: 50, credential: { id: 'VenueBenchLimt01', name: 'Nectifi limited bench' } };

export function limitedCredential(urls: SandboxUrls, keys: SandboxKeys) {
  return { ...LIMITED.credential, type: 'nectifiApi', data: { apiKey: keys.nectifi.full, baseUrl: urls.nectifi, requestsPerMinute: LIMITED.perMinute, allowHttp: true } };
}

/** Start → List (one request) → Get Guest for each of the `LIMITED.items` guests, all on the limited key. */
export function limitedWorkflow(packageName: string) {
  const credentials = { nectifiApi: LIMITED.credential };
  const node = (name: string, parameters: Record<string, unknown>, x: number) => ({ id: name, name, type: `${packageName}.nectifi`, typeVersion: 1.1, position: [x, 0], parameters: { ...parameters, output: 'raw' }, credentials });
  return {
    id: 'VenueBenchWflw02',
    name: 'venue-connectors bench: ours under a rate limit',
    nodes: [
      { id: 'Start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      node('List', { resource: 'guest', operation: 'listGuests', returnAll: false, limit: LIMITED.items }, 220),
      node('Ours limited', { resource: 'guest', operation: 'getGuest', guestId: '={{ $json.id }}' }, 440),
    ],
    connections: {
      Start: { main: [[{ node: 'List', type: 'main', index: 0 }]] },
      List: { main: [[{ node: 'Ours limited', type: 'main', index: 0 }]] },
    },
    active: false,
    settings: { executionOrder: 'v1' },
  };
}
