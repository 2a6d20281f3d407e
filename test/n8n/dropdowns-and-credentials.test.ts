import { ExecuteContext } from 'n8n-core';
import type { ICredentialType, INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
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

  test('a refused key says what Nectifi said; a Nectifi key without the CRM scope is a working key that lacks crm:read', async () => {
    const nectifi = credentialTypes.nectifiApi.test!;
    const revoked = await testCredential('nectifiApi', nectifi, sandboxCredentials(sandbox, sandbox.keys.nectifi.revoked));
    expect(revoked).toEqual({ status: 'Error', message: expect.stringMatching(/^Nectifi answered HTTP 401 "API key has been revoked": .*Create a new key/) });

    const wifiOnly = 'nk_wifionlyTestKey0000000000000001';
    const template = sandbox.state.nectifi.apiKeys.get(sandbox.keys.nectifi.readOnly)!;
    sandbox.state.nectifi.apiKeys.set(wifiOnly, { ...template, key: wifiOnly, scopes: ['wifi:read'], window: [] });
    const missingScope = await testCredential('nectifiApi', nectifi, sandboxCredentials(sandbox, wifiOnly));
    expect(missingScope.message).toMatch(/The API key works, but it lacks the scope crm:read/);
    const readOnly = await testCredential('nectifiApi', nectifi, sandboxCredentials(sandbox, sandbox.keys.nectifi.crmOnly));
    expect(readOnly.status).toBe('OK');
    const unknown = await testCredential('nectifiApi', nectifi, sandboxCredentials(sandbox, 'nk_notAKeyNectifiKnows00000000000'));
    expect(unknown.message).toMatch(/^Nectifi answered HTTP 401 "Invalid API key"/);

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
    recordOutput([revoked, missingScope, unknown]);
  });

  test('a Nectifi guest list as a bare array is a working key (issue 13, case 4)', async () => {
    sandbox.nectifiListShape = 'bare';
    try {
      expect(await testCredential('nectifiApi', credentialTypes.nectifiApi.test!, credentials)).toEqual({ status: 'OK', message: 'Connection successful!' });
    } finally {
      sandbox.nectifiListShape = 'envelope';
    }
  });

  test('an exhausted monthly quota and an IP allowlist say so, quoting Nectifi (issue 13, case 5)', async () => {
    const nectifi = credentialTypes.nectifiApi.test!;
    const key = sandbox.state.nectifi.apiKeys.get(sandbox.keys.nectifi.readOnly)!;
    const used = key.monthlyUsed;
    key.monthlyUsed = key.monthlyQuota;
    let quota: { status: string; message: string };
    try {
      quota = await testCredential('nectifiApi', nectifi, sandboxCredentials(sandbox, sandbox.keys.nectifi.readOnly));
    } finally {
      key.monthlyUsed = used;
    }
    expect(quota).toEqual({ status: 'Error', message: expect.stringMatching(/^Nectifi answered HTTP 429 "api_monthly_quota_exceeded": the monthly API quota .* The key itself is valid/) });
    expect(quota.message).not.toMatch(/mistyped|revoked/);

    const ipBlocked = await testCredential('nectifiApi', nectifi, sandboxCredentials(sandbox, sandbox.keys.nectifi.ipBlocked));
    expect(ipBlocked).toEqual({ status: 'Error', message: expect.stringMatching(/^Nectifi answered HTTP 403 "IP address not allowed for this API key": .*allowlist/) });
    recordOutput([quota, ipBlocked]);
  });

  test('an http:// URL without "Allow Plain HTTP" sends nothing and says to switch it on, for all four vendors (issue 13, case 5)', async () => {
    const plain: CredentialStore = Object.fromEntries(Object.entries(credentials).map(([type, data]) => [type, { ...data, allowHttp: false }]));
    const labels = { nectifiApi: 'Base URL', splashAirApi: 'Host', smartWifiApi: 'Base URL', anykrowdApi: 'Tenant URL' };
    sandbox.counters.reset();
    for (const [type, credentialType] of Object.entries(credentialTypes)) {
      const result = await testCredential(type, credentialType.test!, plain);
      expect([type, result]).toEqual([
        type,
        { status: 'Error', message: `The ${labels[type as keyof typeof labels]} starts with http:// and Allow Plain HTTP is off, so nothing was sent (the key would travel unencrypted). Use https://, or turn on Allow Plain HTTP for a local or private test server.` },
      ]);
    }
    expect(sandbox.counters.get().requests).toEqual({});
  });

  test('the credential form shows the plain-http notice only for an http:// URL with Allow Plain HTTP off', () => {
    const urlField = { nectifiApi: 'baseUrl', splashAirApi: 'host', smartWifiApi: 'baseUrl', anykrowdApi: 'tenantUrl' };
    for (const [type, credentialType] of Object.entries(credentialTypes)) {
      const notice = credentialType.properties.find((p) => p.name === 'plainHttpNotice')!;
      const field = urlField[type as keyof typeof urlField];
      const shown = (values: Record<string, unknown>) => NodeHelpers.displayParameter({ environment: 'custom', ...values } as never, notice, null, null);
      expect([type, shown({ [field]: 'http://127.0.0.1:4010', allowHttp: false })]).toEqual([type, true]);
      expect([type, shown({ [field]: 'http://127.0.0.1:4010', allowHttp: true })]).toEqual([type, false]);
      expect([type, shown({ [field]: 'https://example.com', allowHttp: false })]).toEqual([type, false]);
    }
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
