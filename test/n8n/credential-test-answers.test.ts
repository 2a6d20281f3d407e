import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { testCredential } from './support/contexts';
import { type CredentialStore, stopEngineTimers } from './support/engine';
import { loadPackageCredentials } from './support/node-types';

// The Nectifi credential test (declarative, as n8n runs it) against every answer the docs allow for
// its guest list: a list in any shape is a working key (issue 13, case 4); any `{"detail": ...}`
// refusal is an error, never "Connection successful!", and the documented ones are quoted (case 5).

const nectifiTest = loadPackageCredentials().nectifiApi.test!;
let answer: { status: number; body: unknown } = { status: 200, body: [] };
let server: http.Server;
let store: CredentialStore;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(answer.status, { 'Content-Type': 'application/json', 'X-Request-Id': 'req-cred-1' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/external/v1`;
  store = { nectifiApi: { apiKey: 'nk_credentialTestKey000000000001', baseUrl, requestsPerMinute: 60, allowHttp: true } };
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  stopEngineTimers();
});

const runs = { numRuns: 100, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined };
const guest = fc.record({
  id: fc.integer({ min: 1, max: 1_000_000 }),
  name: fc.string({ maxLength: 20 }),
  email: fc.option(fc.emailAddress(), { nil: null }),
  tags: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
});
const listShape = fc.array(guest, { minLength: 1, maxLength: 3 }).chain((items) =>
  fc.constantFrom<unknown>(items, { items, total: items.length, limit: 1, offset: 0 }, { data: items }, { results: items }),
);

test('a guest list in any shape the docs allow, a bare array included, is a working key', async () => {
  await fc.assert(
    fc.asyncProperty(listShape, async (body) => {
      answer = { status: 200, body };
      expect(await testCredential('nectifiApi', nectifiTest, store)).toEqual({ status: 'OK', message: 'Connection successful!' });
    }),
    runs,
  );
  answer = { status: 200, body: { items: [], total: 0, limit: 1, offset: 0 } };
  expect((await testCredential('nectifiApi', nectifiTest, store)).status).toBe('OK');
});

test('any refusal with a detail is an error, whatever its status and words', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 400, max: 599 }), fc.string({ maxLength: 60 }), async (status, detail) => {
      answer = { status, body: { detail } };
      expect((await testCredential('nectifiApi', nectifiTest, store)).status).toBe('Error');
    }),
    runs,
  );
});

test.each([
  [429, 'api_monthly_quota_exceeded', /^Nectifi answered HTTP 429 "api_monthly_quota_exceeded": the monthly API quota/],
  [429, 'Rate limit exceeded for this API key', /^Nectifi answered HTTP 429 "Rate limit exceeded for this API key": the key is valid/],
  [401, 'API key has been revoked', /^Nectifi answered HTTP 401 "API key has been revoked": .*Create a new key/],
  [403, 'IP address not allowed for this API key', /^Nectifi answered HTTP 403 "IP address not allowed for this API key": .*allowlist/],
  [401, 'Invalid API key', /^Nectifi answered HTTP 401 "Invalid API key"/],
  [403, 'Missing scope: crm:read', /^The API key works, but it lacks the scope crm:read/],
  [403, 'Entitlement required', /^Nectifi answered with an error this test does not recognise.*entitlement/],
  [502, 'Upstream failure', /^Nectifi answered with an error this test does not recognise.*502 an upstream failure/],
])('HTTP %i "%s" gets its own message', async (status, detail, message) => {
  answer = { status, body: { detail } };
  expect(await testCredential('nectifiApi', nectifiTest, store)).toEqual({ status: 'Error', message: expect.stringMatching(message) });
});

test('a web page or another API at the Base URL says to check the Base URL', async () => {
  for (const body of ['<html>Bad Gateway</html>', { message: 'Not Found' }]) {
    answer = { status: 404, body };
    expect(await testCredential('nectifiApi', nectifiTest, store)).toEqual({ status: 'Error', message: expect.stringMatching(/^The Base URL answered/) });
  }
});

test('known limit: n8n reads the first item before any body rule, so an empty bare list fails inside n8n', async () => {
  answer = { status: 200, body: [] };
  await expect(testCredential('nectifiApi', nectifiTest, store)).rejects.toThrow(/Cannot read properties of undefined/);
});
