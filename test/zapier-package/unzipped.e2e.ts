import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '../sandbox';
import { type UnzippedApp, unzipApp } from './unzipped-app';

let sandbox: Sandbox;
const unzipped: UnzippedApp[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
});

afterAll(async () => {
  for (const app of unzipped) app.remove();
  await sandbox?.close();
});

function open(name: Parameters<typeof unzipApp>[0]): UnzippedApp {
  const app = unzipApp(name);
  unzipped.push(app);
  return app;
}

function expectSelfContained(u: UnzippedApp): void {
  const definition = JSON.parse(readFileSync(join(u.dir, 'definition.json'), 'utf8'));
  const core = JSON.parse(readFileSync(join(u.dir, 'node_modules', 'zapier-platform-core', 'package.json'), 'utf8'));
  expect(definition.platformVersion).toBe(core.version);
  expect(core.version).toMatch(/^19\./);
  // The app's own require('zapier-platform-core') resolves inside the unzipped folder.
  expect(require.resolve('zapier-platform-core', { paths: [u.dir] }).startsWith(u.dir)).toBe(true);
}

describe('nectifi/build.zip, unzipped', () => {
  let u: UnzippedApp;
  let authData: Record<string, string>;
  beforeAll(() => {
    u = open('nectifi');
    authData = { apiKey: sandbox.keys.nectifi.full, baseUrl: sandbox.urls.nectifi, allowHttp: 'true', webhookSecret: sandbox.keys.nectifi.webhookSecret };
  });

  it('holds index.js and its own zapier-platform-core 19', () => expectSelfContained(u));

  it('tests the connection, polls New Guest newest first and creates a tag', async () => {
    const test = await u.run<{ label: string }>(u.app.authentication.test, { authData });
    expect(test.label).toMatch(/^Nectifi/);
    const added = sandbox.insert.nectifiGuest();
    const guests = await u.run<Array<{ id: number }>>(u.app.triggers.newGuest.operation.perform, { authData });
    expect(guests[0].id).toBe(added.id);
    await u.run(u.app.creates.createTag.operation.perform, { authData, inputData: { slug: 'from-build-zip', label: 'From Build Zip' } });
    expect(sandbox.state.nectifi.tags.some((tag) => tag.slug === 'from-build-zip')).toBe(true);
  });
});

describe('splash/build.zip, unzipped', () => {
  let u: UnzippedApp;
  let authData: Record<string, string>;
  beforeAll(() => {
    u = open('splash');
    authData = { host: sandbox.urls.splash, apiKey: sandbox.keys.splash.apiKey, team: sandbox.keys.splash.team, allowHttp: 'true' };
  });

  it('holds index.js and its own zapier-platform-core 19', () => expectSelfContained(u));

  it('tests the connection, polls New Customer and creates a voucher', async () => {
    await u.run(u.app.authentication.test, { authData });
    const customers = await u.run<Array<{ id: number }>>(u.app.triggers.newCustomer.operation.perform, { authData });
    expect(customers.length).toBeGreaterThan(0);
    const voucher = await u.run<{ id: number }>(u.app.creates.createVoucher.operation.perform, {
      authData,
      inputData: { code: 'FROM-BUILD-ZIP', venue_id: '2', number_of_days: '1' },
    });
    expect(sandbox.state.splash.vouchers.find((v) => v.id === voucher.id)?.code).toBe('FROM-BUILD-ZIP');
  });
});

describe('smartwifi/build.zip, unzipped', () => {
  let u: UnzippedApp;
  let authData: Record<string, string>;
  beforeAll(() => {
    u = open('smartwifi');
    authData = { apiToken: sandbox.keys.smartwifi.apiToken, environment: 'custom', baseUrl: sandbox.urls.smartwifi, allowHttp: 'true' };
  });

  it('holds index.js and its own zapier-platform-core 19', () => expectSelfContained(u));

  it('tests the connection, polls New Guest and finds a guest (SmartWiFi has no create)', async () => {
    await u.run(u.app.authentication.test, { authData });
    const added = sandbox.insert.smartwifiGuest({ first_name: 'Zipped' });
    const guests = await u.run<Array<{ id: number }>>(u.app.triggers.newGuest.operation.perform, { authData });
    expect(guests[0].id).toBe(added.id);
    const [found] = await u.run<any[]>(u.app.searches.findGuest.operation.perform, { authData, inputData: { guest_token: added.token } });
    expect(found.profile).toMatchObject({ firstname: 'Zipped' });
  });
});

describe('anykrowd/build.zip, unzipped', () => {
  let u: UnzippedApp;
  let authData: Record<string, string>;
  beforeAll(() => {
    u = open('anykrowd');
    authData = { tenantUrl: sandbox.urls.anykrowd, apiKey: sandbox.keys.anykrowd.apiKey, allowHttp: 'true' };
  });

  it('holds index.js and its own zapier-platform-core 19', () => expectSelfContained(u));

  it('tests the connection, polls New Wallet Transaction and tops up a user', async () => {
    const keys = sandbox.keys.anykrowd;
    await u.run(u.app.authentication.test, { authData });
    const before = sandbox.state.anykrowd.wallet(keys.walletId)?.balance_cents as number;
    const topUp = await u.run<{ amount: string }>(u.app.creates.topUpUser.operation.perform, {
      authData,
      inputData: { external_id: keys.userExternalId, currency_id: String(keys.currencyId), amount: '2.50' },
    });
    expect(topUp.amount).toBe('2.50');
    expect(sandbox.state.anykrowd.wallet(keys.walletId)?.balance_cents).toBe(before + 250);
    const transactions = await u.run<Array<{ id: unknown }>>(u.app.triggers.newWalletTransaction.operation.perform, {
      authData,
      inputData: { id: String(keys.walletId) },
    });
    expect(transactions.length).toBeGreaterThan(0);
  });
});
