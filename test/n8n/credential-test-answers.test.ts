import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { runCredentialTest } from './support/contexts';
import { type CredentialStore, stopEngineTimers } from './support/engine';

// The Nectifi credential test against every answer the docs allow for its guest list: any list shape
// (the `{items}` envelope, a bare array, `data`, `results`, empty or not) means a working key; each
// documented refusal gets its own message naming the case and the fix (issue 13, cases 4 and 5).


interface Answer {
  status: number;
  body: unknown;
}

let answer: Answer = { status: 200, body: [] };
let server: http.Server;
let baseUrl: string;
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(answer.status, { 'Content-Type': 'application/json', 'X-Request-Id': 'req-cred-1' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/external/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  stopEngineTimers();
});

const store = (overrides: Record<string, unknown> = {}): CredentialStore =>
  ({ nectifiApi: { apiKey: 'nk_credentialTestKey000000000001', baseUrl, requestsPerMinute: 60, allowHttp: true, ...overrides } }) as unknown as CredentialStore;

const guest = fc.record({ id: fc.integer({ min: 1, max: 10_000 }), name: fc.string({ maxLength: 12 }) });
const listShape: fc.Arbitrary<unknown> = fc.array(guest, { maxLength: 3 }).chain((items) =>
  fc.constantFrom<unknown>(items, { items, total: items.length, limit: 1, offset: 0 }, { data: items }, { results: items }),
);

test('any list shape the docs allow is a working key, a bare array (empty or not) included', async () => {
  await fc.assert(
    fc.asyncProperty(listShape, async (body) => {
      answer = { status: 200, body };
      expect(await runCredentialTest('nectifiApi', store())).toEqual({ status: 'OK', message: 'Connection successful!' });
    }),
    { numRuns: 60, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined },
  );
});

test.each([
  [429, 'api_monthly_quota_exceeded', /HTTP 429 "api_monthly_quota_exceeded".*key itself is fine.*monthly API quota is used up/],
  [429, 'Rate limit exceeded for this API key', /HTTP 429 "Rate limit exceeded for this API key".*key works.*rate limit/],
  [401, 'API key has been revoked', /HTTP 401 "API key has been revoked".*revoked: create a new key/],
  [401, 'Invalid API key', /HTTP 401 "Invalid API key".*mistyped/],
  [403, 'IP address not allowed', /HTTP 403 "IP address not allowed".*IP allowlist/],
  [403, 'Entitlement required', /HTTP 403 "Entitlement required".*allowlist.*plan/],
  [403, 'Missing scope: crm:read', /HTTP 403 "Missing scope: crm:read".*lacks that scope/],
  [404, 'Not Found', /HTTP 404.*Base URL/],
  [502, 'Upstream failure', /HTTP 502 "Upstream failure".*server error.*try the test again/i],
])('HTTP %i "%s" says what Nectifi said and the fix', async (status, detail, message) => {
  answer = { status, body: { detail } };
  const result = await runCredentialTest('nectifiApi', store());
  expect(result.status).toBe('Error');
  expect(result.message).toMatch(message);
});

test('an http:// Base URL with Allow Plain HTTP off says to switch the option on, and sends nothing', async () => {
  answer = { status: 200, body: [] };
  let requests = 0;
  server.on('request', () => (requests += 1));
  const result = await runCredentialTest('nectifiApi', store({ allowHttp: false }));
  expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/plain http.*turn on "Allow Plain HTTP"/) });
  expect(result.message).not.toMatch(/wrong version number|SSL|EPROTO/i);
  expect(requests).toBe(0);
});
