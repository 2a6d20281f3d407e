import { ExecuteContext } from 'n8n-core';
import type { ICredentialType, INode } from 'n8n-workflow';
import type { Sandbox } from '../sandbox';
import { testSecrets } from '../support/test-secrets';
import { loadOptions, runCredentialTest, workflowOf } from './support/contexts';
import { type CredentialStore, additionalDataFor, packageNode, stopEngineTimers } from './support/engine';
import { HTTP_PROBE_NODE_TYPE, loadPackageCredentials } from './support/node-types';
import { recordOutput } from './support/record';
import { CREDENTIAL_NAMES, sandboxCredentials, startTestSandbox } from './support/sandbox';

let sandbox: Sandbox;
let credentials: CredentialStore;
const credentialTypes: Record<string, ICredentialType> = loadPackageCredentials();

beforeAll(async () => {
  sandbox = await startTestSandbox();
  credentials = sandboxCredentials(sandbox);
});
afterAll(async () => {
  await sandbox.close();
  stopEngineTimers();
});

const nodeOf = (type: string, credentialType: keyof typeof CREDENTIAL_NAMES) =>
  packageNode(type, type, {}, { [credentialType]: CREDENTIAL_NAMES[credentialType] });

describe('dropdowns are fed by the vendor lists', () => {
  test('Nectifi: locations (searchable), portals, promotions, tags', async () => {
    const node = nodeOf('nectifi', 'nectifiApi');
    const locations = await loadOptions(node, credentials, 'listSearch', 'searchLocations');
    expect(locations.map((l) => l.name).sort()).toEqual(sandbox.state.nectifi.locations.map((l) => l.name).sort());
    expect(locations.map((l) => l.value).sort()).toEqual(sandbox.state.nectifi.locations.map((l) => String(l.id)).sort());
    const arena = await loadOptions(node, credentials, 'listSearch', 'searchLocations', 'arena');
    expect(arena).toEqual([{ name: 'Arena Nord', value: '3' }]);
    const portals = await loadOptions(node, credentials, 'listSearch', 'searchPortals');
    expect(portals).toHaveLength(sandbox.state.nectifi.portals.length);
    const promotions = await loadOptions(node, credentials, 'listSearch', 'searchPromotions');
    expect(promotions).toHaveLength(sandbox.state.nectifi.promotions.length);
    const tags = await loadOptions(node, credentials, 'loadOptions', 'getTags');
    expect(tags).toContainEqual({ name: 'VIP', value: 'vip' });
  });

  test('Splash Air venues and vouchers, SmartWiFi hotspots, anykrowd currencies, roles and events', async () => {
    const splash = nodeOf('splashAir', 'splashAirApi');
    const venues = await loadOptions(splash, credentials, 'listSearch', 'searchVenues');
    const team = sandbox.state.splash.teams.find((t) => t.slug === 'default')!;
    expect(venues.map((v) => v.name).sort()).toEqual(sandbox.state.splash.venues.filter((v) => v.team_id === team.id).map((v) => v.name).sort());
    const vouchers = await loadOptions(splash, credentials, 'listSearch', 'searchVouchers');
    expect(vouchers.length).toBeGreaterThan(0);

    const hotspots = await loadOptions(nodeOf('smartWifi', 'smartWifiApi'), credentials, 'listSearch', 'searchHotspots');
    expect(hotspots.map((h) => h.value).sort()).toEqual(sandbox.state.smartwifi.hotspots.map((h) => String(h.id)).sort());
    const trigger = await loadOptions(nodeOf('smartWifiTrigger', 'smartWifiApi'), credentials, 'listSearch', 'searchHotspots');
    expect(trigger).toEqual(hotspots);

    const anykrowd = nodeOf('anykrowd', 'anykrowdApi');
    const currencies = await loadOptions(anykrowd, credentials, 'listSearch', 'searchCurrencies');
    expect(currencies.map((c) => c.name).sort()).toEqual(sandbox.state.anykrowd.currencies.map((c) => c.name).sort());
    const roles = await loadOptions(anykrowd, credentials, 'listSearch', 'searchRoles');
    expect(roles).toHaveLength(sandbox.state.anykrowd.roles.length);
    const events = await loadOptions(anykrowd, credentials, 'listSearch', 'searchEvents');
    expect(events).toHaveLength(sandbox.state.anykrowd.events.length);
  });
});

describe('credential tests, as n8n runs them', () => {
  test('each credential proves the sandbox key', async () => {
    for (const type of Object.keys(credentialTypes)) {
      expect([type, await runCredentialTest(type, credentials)]).toEqual([type, { status: 'OK', message: 'Connection successful!' }]);
    }
  });

  test('a refused key says so; a Nectifi key without the CRM scope is a working key that lacks crm:read', async () => {
    const revoked = await runCredentialTest('nectifiApi', sandboxCredentials(sandbox, sandbox.keys.nectifi.revoked));
    expect(revoked).toEqual({ status: 'Error', message: expect.stringMatching(/Nectifi answered HTTP 401 "API key has been revoked".*create a new key/i) });

    const wifiOnly = 'nk_wifionlyTestKey0000000000000001';
    const template = sandbox.state.nectifi.apiKeys.get(sandbox.keys.nectifi.readOnly)!;
    sandbox.state.nectifi.apiKeys.set(wifiOnly, { ...template, key: wifiOnly, scopes: ['wifi:read'], window: [] });
    const missingScope = await runCredentialTest('nectifiApi', sandboxCredentials(sandbox, wifiOnly));
    expect(missingScope.message).toMatch(/HTTP 403 "Missing scope: crm:read".*The key works, but lacks that scope/);
    const readOnly = await runCredentialTest('nectifiApi', sandboxCredentials(sandbox, sandbox.keys.nectifi.crmOnly));
    expect(readOnly.status).toBe('OK');

    const badToken = { ...credentials, smartWifiApi: { ...credentials.smartWifiApi, apiToken: 'wrong-token-000000' } };
    expect(await runCredentialTest('smartWifiApi', badToken)).toEqual({
      status: 'Error',
      message: expect.stringMatching(/SmartWiFi answered HTTP 401 "Invalid api_token\.".*Environment \(US-A or US-B\)/),
    });
    const badTeam = { ...credentials, splashAirApi: { ...credentials.splashAirApi, team: 'no-such-team' } };
    expect(await runCredentialTest('splashAirApi', badTeam)).toEqual({
      status: 'Error',
      message: expect.stringMatching(/Splash Air answered HTTP 404.*does not know this team: check the Team field/),
    });
    const badKey = { ...credentials, anykrowdApi: { ...credentials.anykrowdApi, apiKey: 'not-the-key-0000000000' } };
    expect(await runCredentialTest('anykrowdApi', badKey)).toEqual({ status: 'Error', message: expect.stringMatching(/anykrowd answered HTTP 401.*key was refused/) });
    recordOutput([revoked, missingScope]);
  });

  test('without "Allow Plain HTTP" the test never sends the key over http', async () => {
    const plain = { ...credentials, anykrowdApi: { ...credentials.anykrowdApi, allowHttp: false } };
    sandbox.counters.reset();
    const result = await runCredentialTest('anykrowdApi', plain);
    expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/plain http.*turn on "Allow Plain HTTP"/) });
    expect(sandbox.counters.get().requests['anykrowd GET /apix/v1/ping'] ?? 0).toBe(0);
  });

  test('the HTTP Request node can use each credential as a predefined type for an endpoint we do not cover', async () => {
    // The HTTP Request node sends its request through httpRequestWithAuthentication with the chosen type.
    const targets: Array<[string, string]> = [
      ['nectifiApi', `${sandbox.urls.nectifi}/crm/guests/1`],
      ['splashAirApi', `${sandbox.urls.splash}/api/venues?slug=default`],
      ['smartWifiApi', `${sandbox.urls.smartwifi}/v2/zapier/client/ping`],
      ['anykrowdApi', `${sandbox.urls.anykrowd}/apix/v1/ping`],
    ];
    for (const [type, url] of targets) {
      const node: INode = { ...packageNode('HTTP Request', 'unused', {}, { [type]: 'sandbox' }), type: HTTP_PROBE_NODE_TYPE };
      const context = new ExecuteContext(workflowOf([node]), node, additionalDataFor(credentials), 'manual', { resultData: { runData: {} } } as never, 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
      const response = (await context.helpers.httpRequestWithAuthentication.call(context, type, { url, returnFullResponse: true, json: true })) as { statusCode: number; body: unknown };
      expect([type, response.statusCode]).toEqual([type, 200]);
      const text = JSON.stringify(response.body);
      for (const secret of testSecrets()) expect(text).not.toContain(secret);
    }
  });
});
