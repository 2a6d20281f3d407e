import { ExecuteContext } from 'n8n-core';
import type { ICredentialType, INode } from 'n8n-workflow';
import type { Sandbox } from '../sandbox';
import { testSecrets } from '../support/test-secrets';
import { loadOptions, testCredential, workflowOf } from './support/contexts';
import { type CredentialStore, additionalDataFor, packageNode } from './support/engine';
import { HTTP_PROBE_NODE_TYPE, loadPackageCredentials } from './support/node-types';
import { recordOutput } from './support/record';
import { CREDENTIAL_NAMES, sandboxCredentials, useEngineSandbox } from './support/sandbox';

let sandbox: Sandbox;
let credentials: CredentialStore;
const credentialTypes: Record<string, ICredentialType> = loadPackageCredentials();

useEngineSandbox((started, stored) => {
  sandbox = started;
  credentials = stored;
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
    for (const [type, credentialType] of Object.entries(credentialTypes)) {
      expect([type, await testCredential(type, credentialType.test!, credentials)]).toEqual([type, { status: 'OK', message: 'Connection successful!' }]);
    }
  });

  test('a refused key says so; a Nectifi key without the CRM scope is a working key that lacks crm:read', async () => {
    const nectifi = credentialTypes.nectifiApi.test!;
    const revoked = await testCredential('nectifiApi', nectifi, sandboxCredentials(sandbox, sandbox.keys.nectifi.revoked));
    expect(revoked).toEqual({ status: 'Error', message: expect.stringMatching(/Nectifi did not accept the API key/) });

    const wifiOnly = 'nk_wifionlyTestKey0000000000000001';
    const template = sandbox.state.nectifi.apiKeys.get(sandbox.keys.nectifi.readOnly)!;
    sandbox.state.nectifi.apiKeys.set(wifiOnly, { ...template, key: wifiOnly, scopes: ['wifi:read'], window: [] });
    const missingScope = await testCredential('nectifiApi', nectifi, sandboxCredentials(sandbox, wifiOnly));
    expect(missingScope.message).toMatch(/The API key works, but it lacks the scope crm:read/);
    const readOnly = await testCredential('nectifiApi', nectifi, sandboxCredentials(sandbox, sandbox.keys.nectifi.crmOnly));
    expect(readOnly.status).toBe('OK');

    const badToken = { ...credentials, smartWifiApi: { ...credentials.smartWifiApi, apiToken: 'wrong-token-000000' } };
    // Status rules: our text where n8n keeps the failed response, n8n's own text in 2.8 (which drops it).
    expect(await testCredential('smartWifiApi', credentialTypes.smartWifiApi.test!, badToken)).toEqual({
      status: 'Error',
      message: expect.stringMatching(/refused the API token|Authorization failed/),
    });
    const badTeam = { ...credentials, splashAirApi: { ...credentials.splashAirApi, team: 'no-such-team' } };
    expect(await testCredential('splashAirApi', credentialTypes.splashAirApi.test!, badTeam)).toEqual({
      status: 'Error',
      message: expect.stringMatching(/does not know this team|could not be found/),
    });
    recordOutput([revoked, missingScope]);
  });

  test('without "Allow Plain HTTP" the test never sends the key over http', async () => {
    const plain = { ...credentials, anykrowdApi: { ...credentials.anykrowdApi, allowHttp: false } };
    sandbox.counters.reset();
    const result = await testCredential('anykrowdApi', credentialTypes.anykrowdApi.test!, plain);
    expect(result.status).toBe('Error');
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
