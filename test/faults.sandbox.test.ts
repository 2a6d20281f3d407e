import { ALL_OPERATIONS } from '../shared/catalog';
import type { OperationDeclaration, Vendor } from '../shared/core/operation';
import { VendorApiError } from '../shared/core/errors';
import type { ClientOptions } from '../shared/client/runner';
import type { Sandbox } from './sandbox';
import { caught } from './support/errors';
import { runnerFor } from './support/runners';
import { sandboxCredentials, startTestSandbox } from './support/sandbox';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startTestSandbox()));
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.counters.reset();
});

const op = (id: string) => ALL_OPERATIONS.find((candidate) => candidate.id === id) as OperationDeclaration;
const runner = (vendor: Vendor, options: ClientOptions = {}) =>
  runnerFor(vendor, sandboxCredentials(sandbox), { retry: { baseDelayMs: 20 }, ...options });
const requests = (route: string) => sandbox.counters.get().requests[route] ?? 0;
const applied = (route: string) => sandbox.counters.get().applied[route] ?? 0;

const CHEAP_READ = { nectifi: 'nectifi.listLocations', splash: 'splash.listVenues', smartwifi: 'smartwifi.ping', anykrowd: 'anykrowd.ping' };
const TOP_UP = 'anykrowd POST /apix/v1/users/topup';
const ADD_POINTS = 'nectifi POST /loyalty/guests/{guest_id}/points';
const topUpInput = () => ({ external_id: sandbox.keys.anykrowd.userExternalId, currency_id: sandbox.keys.anykrowd.currencyId, amount: '5.00' });

describe('reads survive transient faults', () => {
  it('waits out a 429 for the Retry-After the vendor sends, then returns the data', async () => {
    sandbox.faults.inject({ vendor: 'nectifi', path: '/crm/guests', fault: 'rate-limit', retryAfterSeconds: 1 });
    const started = Date.now();
    const guests = (await runner('nectifi').call(op('nectifi.listGuests'), {})) as unknown[];
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(guests).toHaveLength(50);
    expect(requests('nectifi GET /crm/guests')).toBe(2);
  });

  it("waits for anykrowd's X-RateLimit-Reset when there is no Retry-After", async () => {
    sandbox.faults.inject({ vendor: 'anykrowd', path: '/apix/v1/currencies/list', fault: 'rate-limit-reset', retryAfterSeconds: 1 });
    const currencies = (await runner('anykrowd').call(op('anykrowd.listCurrencies'), {})) as unknown[];
    expect(currencies.length).toBeGreaterThan(0);
    expect(requests('anykrowd GET /apix/v1/currencies/list')).toBe(2);
  });

  it.each(['status-503', 'status-502', 'status-500', 'reset-before', 'reset-after', 'malformed-json', 'html-error', 'truncated-body'] as const)(
    'returns the right data after a %s',
    async (fault) => {
      sandbox.faults.inject({ vendor: 'splash', path: '/api/venues', fault });
      const venues = (await runner('splash').call(op('splash.listVenues'), {})) as unknown[];
      expect(venues.length).toBeGreaterThan(0);
      expect(requests('splash GET /api/venues')).toBe(2);
    },
  );

  it('gives up after a bounded number of attempts with a clear retryable error', async () => {
    sandbox.faults.inject({ vendor: 'smartwifi', path: '/v2/zapier/client/ping', fault: 'status-503', times: 10 });
    const error = await caught<VendorApiError>(runner('smartwifi').call(op('smartwifi.ping'), {}));
    expect(error).toMatchObject({ status: 503, retryable: true, outcome: 'not-applied', attempts: 4 });
    expect(error.message).toMatch(/^SmartWiFi Ping failed: HTTP 503.*after 4 attempts. Nothing was applied; it is safe to try again later.$/);
    expect(requests('smartwifi GET /v2/zapier/client/ping')).toBe(4);
  });

  it('times out a read that never answers and tries again', async () => {
    sandbox.faults.inject({ vendor: 'anykrowd', path: '/apix/v1/ping', fault: 'timeout', delayMs: 5000 });
    const pong = await runner('anykrowd', { timeoutMs: 500 }).call(op('anykrowd.ping'), {});
    expect(pong).toMatchObject({ message: 'pong' });
  });
});

describe('money-moving writes are never silently repeated', () => {
  it('does not repeat an anykrowd top-up after the connection drops, and says how to check', async () => {
    sandbox.faults.inject({ vendor: 'anykrowd', path: '/apix/v1/users/topup', fault: 'reset-after' });
    const error = await caught<VendorApiError>(runner('anykrowd').call(op('anykrowd.topUpUser'), topUpInput()));
    expect(error).toMatchObject({ outcome: 'unknown', retryable: false, status: null });
    expect(error.message).toMatch(/outcome is unknown/);
    expect(error.message).toMatch(/transactions/);
    expect(error.message).toMatch(/Revoke Top-Up/);
    expect(requests(TOP_UP)).toBe(1);
    expect(applied(TOP_UP)).toBe(1);
  });

  it.each(['status-500', 'status-502', 'timeout', 'malformed-json', 'truncated-body'] as const)(
    'does not repeat an anykrowd top-up after a %s',
    async (fault) => {
      sandbox.faults.inject({ vendor: 'anykrowd', path: '/apix/v1/users/topup', fault, ...(fault === 'timeout' ? { delayMs: 2000 } : {}) });
      const error = await caught<VendorApiError>(runner('anykrowd', { timeoutMs: 500 }).call(op('anykrowd.topUpUser'), topUpInput()));
      expect(error.outcome).toBe('unknown');
      expect(requests(TOP_UP)).toBe(1);
      expect(applied(TOP_UP)).toBeLessThanOrEqual(1);
    },
  );

  it('repeats an anykrowd top-up the vendor refused with 429, and applies it once', async () => {
    sandbox.faults.inject({ vendor: 'anykrowd', path: '/apix/v1/users/topup', fault: 'rate-limit', retryAfterSeconds: 0 });
    await runner('anykrowd').call(op('anykrowd.topUpUser'), topUpInput());
    expect(requests(TOP_UP)).toBe(2);
    expect(applied(TOP_UP)).toBe(1);
  });

  it('retries a Nectifi points call with the same idempotency key and applies it once', async () => {
    sandbox.faults.inject({ vendor: 'nectifi', path: '/loyalty/guests/42/points', method: 'POST', fault: 'reset-after' });
    const result = await runner('nectifi').call(op('nectifi.addPoints'), { guest_id: 42, points: 25 });
    expect(result).toBeDefined();
    expect(requests(ADD_POINTS)).toBe(2);
    expect(applied(ADD_POINTS)).toBe(1);
  });

  it('refuses a Nectifi monthly quota without retrying, with a clear error', async () => {
    sandbox.faults.inject({ vendor: 'nectifi', path: '/crm/guests', fault: 'quota-exceeded' });
    const error = await caught<VendorApiError>(runner('nectifi').call(op('nectifi.listGuests'), {}));
    expect(error).toMatchObject({ status: 429, retryable: false, vendorMessage: 'api_monthly_quota_exceeded' });
    expect(error.message).toMatch(/Nectifi List Guests failed: HTTP 429: the monthly API quota of your plan is used up, .* \(api_monthly_quota_exceeded\) \(request id [\w-]+\)$/);
    expect(requests('nectifi GET /crm/guests')).toBe(1);
  });

  it('fails a long Retry-After at once with the delay, instead of blocking the workflow', async () => {
    sandbox.faults.inject({ vendor: 'nectifi', path: '/crm/tags', fault: 'rate-limit', retryAfterSeconds: 3600 });
    const error = await caught<VendorApiError>(runner('nectifi').call(op('nectifi.listTags'), {}));
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 3_600_000 });
    expect(error.message).toMatch(/wait 3600 s/);
  });
});

describe('vendor errors carry status, message and request id', () => {
  it('names the missing Nectifi scope', async () => {
    const crmOnly = runnerFor('nectifi', sandboxCredentials(sandbox, sandbox.keys.nectifi.crmOnly));
    const error = await caught<VendorApiError>(crmOnly.call(op('nectifi.listPromotions'), {}));
    expect(error).toMatchObject({ status: 403, retryable: false, outcome: 'failed' });
    expect(error.vendorMessage).toMatch(/promotions[.:]read/);
    expect(error.requestId).toBeTruthy();
  });

  it.each(['nectifi', 'splash', 'smartwifi', 'anykrowd'] as const)('refuses a wrong %s key with 401 and no secret in the message', async (vendor) => {
    const credentials = sandboxCredentials(sandbox);
    const wrong = { ...credentials, [vendor]: { ...credentials[vendor], apiKey: 'nk_wrongwrongwrongwrong', apiToken: 'wrong-token-123' } };
    const error = await caught<VendorApiError>(runnerFor(vendor, wrong).call(op(CHEAP_READ[vendor]), {}));
    expect(error.status).toBe(401);
    expect(error.message).not.toMatch(/wrongwrong|wrong-token-123/);
    expect(error.request).not.toMatch(/wrong-token-123/);
  });

  it('keeps anykrowd error text from its error envelope', async () => {
    const error = await caught<VendorApiError>(runner('anykrowd').call(op('anykrowd.getWallet'), { id: 999999 }));
    expect(error.status).toBe(404);
    expect(error.vendorMessage).toBeTruthy();
  });
});
