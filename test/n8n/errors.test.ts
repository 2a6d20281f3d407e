import type { Sandbox } from '../sandbox';
import { testSecrets } from '../support/test-secrets';
import { fromList, runChain, step } from './support/chain';
import type { CredentialStore } from './support/engine';
import { recordNodeError, recordOutput } from './support/record';
import { sandboxCredentials, useEngineSandbox } from './support/sandbox';

let sandbox: Sandbox;
let credentials: CredentialStore;

useEngineSandbox((started, stored) => {
  sandbox = started;
  credentials = stored;
});
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.counters.reset();
});

type NodeErrorShape = Error & { description?: string; httpCode?: string | null; context: { itemIndex?: number }; node?: { name: string } };

/** Runs one failing step and returns its error, recorded for the secret scan, with no secret in it. */
async function failing(node: ReturnType<typeof step>, items: object[] = [{}], store = credentials): Promise<NodeErrorShape> {
  const result = await runChain([node], items, store);
  const error = result.error(node.name) as NodeErrorShape | undefined;
  if (!error) throw new Error(`${node.name} did not fail`);
  recordNodeError(error);
  const text = JSON.stringify({ message: error.message, description: error.description, context: error.context, stack: error.stack });
  for (const secret of testSecrets()) expect(text).not.toContain(secret);
  return error;
}

const requests = () => Object.values(sandbox.counters.get().requests).reduce((a, b) => a + b, 0);

describe('errors of the action nodes', () => {
  test('a vendor 404 is a NodeApiError with the item index, the HTTP code and the vendor message', async () => {
    const error = await failing(step('Get Guest', 'nectifi', 'guest', 'getGuest', { guestId: '={{ $json.id }}' }), [{ id: 1 }, { id: 99999999 }]);
    expect(error.name).toBe('NodeApiError');
    expect(error.httpCode).toBe('404');
    expect(error.context.itemIndex).toBe(1);
    expect(error.message).toMatch(/Nectifi Get Guest failed: HTTP 404: Guest .*not found/i);
    expect(error.description).toMatch(/Request: GET http:\/\/127\.0\.0\.1:\d+\/nectifi\/api\/v1\/external\/v1\/crm\/guests\/99999999/);
  });

  test('a revoked key and a wrong token fail with 401 and leave no key in the error', async () => {
    const revoked = sandboxCredentials(sandbox, sandbox.keys.nectifi.revoked);
    const nectifi = await failing(step('Locations', 'nectifi', 'wifi', 'listLocations'), [{}], revoked);
    expect(nectifi.httpCode).toBe('401');
    expect(nectifi.message).toMatch(/revoked/);

    const wrongToken = { ...credentials, smartWifiApi: { ...credentials.smartWifiApi, apiToken: 'not-the-token-123456' } };
    const smartwifi = await failing(step('Hotspots', 'smartWifi', 'hotspot', 'listHotspots'), [{}], wrongToken);
    expect(smartwifi.httpCode).toBe('401');
    expect(JSON.stringify([smartwifi.message, smartwifi.description])).not.toContain('not-the-token-123456');
  });

  test('input the declaration rejects fails before any request, naming the parameter', async () => {
    const slug = await failing(step('Create Tag', 'nectifi', 'tag', 'createTag', { slug: 'Not A Slug', label: 'x' }));
    expect(slug.name).toBe('NodeOperationError');
    expect(slug.message).toMatch(/'slug' \(Slug\): expected a tag slug without spaces/);
    expect(slug.context.itemIndex).toBe(0);

    const json = await failing(step('Sync', 'anykrowd', 'user', 'syncUsers', { staffMembers: '[{"external_id": 1,' }));
    expect(json.message).toMatch(/Staff Members is not valid JSON/);

    const amount = await failing(step('Top Up', 'anykrowd', 'wallet', 'topUpWallet', { walletId: 1, amount: '10.555', currencyId: fromList(1) }));
    expect(amount.message).toMatch(/'amount' \(Amount\): expected a decimal string with at most two decimal places/);
    expect(requests()).toBe(0);
  });

  test('a credential that would send the key over plain http is refused before any request', async () => {
    const plain = { ...credentials, splashAirApi: { ...credentials.splashAirApi, allowHttp: false } };
    const error = await failing(step('Venues', 'splashAir', 'venue', 'listVenues'), [{}], plain);
    expect(error.message).toMatch(/Check the credential: Host uses plain http/);
    expect(requests()).toBe(0);
  });

  test('Continue On Fail: the failed item carries the error, paired to its input, the others go on', async () => {
    const node = step('Get Guest', 'nectifi', 'guest', 'getGuest', { guestId: '={{ $json.id }}' }, { onError: 'continueRegularOutput' });
    const result = await runChain([node], [{ id: 2 }, { id: 99999999 }, { id: 3 }], credentials);
    const out = result.output('Get Guest');
    recordOutput(out);
    expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(out.map((i) => i.json.id ?? null)).toEqual([2, null, 3]);
    expect(out[1].json).toMatchObject({ status: 404, outcome: 'failed', vendor: 'nectifi' });
    expect(String(out[1].json.error)).toMatch(/404/);
  });

  test('a top-up whose connection drops after sending is not repeated and says the outcome is unknown', async () => {
    sandbox.faults.inject({ vendor: 'anykrowd', method: 'POST', path: '/apix/v1/wallets/topup', fault: 'reset-after' });
    const { walletId, currencyId } = sandbox.keys.anykrowd;
    const error = await failing(step('Top Up', 'anykrowd', 'wallet', 'topUpWallet', { walletId, amount: '1.00', currencyId: fromList(currencyId) }));
    expect(error.message).toMatch(/outcome is unknown/);
    expect(error.message).toMatch(/topup-revoke|Revoke|wallet transactions/i);
    expect(sandbox.counters.get().requests['anykrowd POST /apix/v1/wallets/topup']).toBe(1);
  });

  test('a top-up whose answer is cut mid-body says the outcome is unknown and how to check, not that the execution was cancelled', async () => {
    sandbox.counters.reset();
    sandbox.faults.inject({ vendor: 'anykrowd', method: 'POST', path: '/apix/v1/wallets/topup', fault: 'truncated-body' });
    const { walletId, currencyId } = sandbox.keys.anykrowd;
    const error = await failing(step('Top Up', 'anykrowd', 'wallet', 'topUpWallet', { walletId, amount: '1.00', currencyId: fromList(currencyId) }));
    expect(error.message).toMatch(/outcome is unknown/);
    expect(error.message).toMatch(/wallet transactions|Revoke/i);
    expect(error.message).not.toMatch(/cancel/i);
    expect(sandbox.counters.get().requests['anykrowd POST /apix/v1/wallets/topup']).toBe(1);
  });

  test('reads survive a 503 and a rate limit: the shared retry policy runs inside n8n', async () => {
    sandbox.faults.inject([
      { vendor: 'splash', path: '/api/venues', fault: 'status-503' },
      { vendor: 'splash', path: '/api/venues', fault: 'rate-limit', retryAfterSeconds: 0 },
    ]);
    const result = await runChain([step('Venues', 'splashAir', 'venue', 'listVenues', { returnAll: true })], [{}], credentials);
    expect(result.output('Venues').length).toBeGreaterThan(0);
    expect(sandbox.counters.get().requests['splash GET /api/venues']).toBe(3);
  });

  test('a server that is down: the read is retried, then fails saying it could not connect', async () => {
    const down = { ...credentials, anykrowdApi: { ...credentials.anykrowdApi, tenantUrl: 'http://127.0.0.1:9' } };
    const error = await failing(step('Ping', 'anykrowd', 'account', 'ping'), [{}], down);
    expect(error.message).toMatch(/anykrowd Ping failed: could not connect to the server after 4 attempts/);
  });
});
