import { type ZapierHarness, expectUniqueIds, idsOf, startZapierHarness, throttleDelayOf } from './support/harness';

let h: ZapierHarness;
let authData: Record<string, string>;

beforeAll(async () => {
  h = await startZapierHarness('splash');
  authData = h.authData;
});

afterAll(async () => {
  await h?.close();
});

const splash = () => h.sandbox.state.splash;
const teamId = (slug: string) => splash().team(slug)?.id;

describe('the built Splash Air app', () => {
  it('passes zapier-platform-core\'s own validation', async () => {
    expect(await h.validate()).toEqual([]);
  });

  it('exposes the two new-item triggers, the two lifecycle triggers, the venue and voucher dropdowns and the voucher creates', () => {
    expect(Object.keys(h.app.triggers).sort()).toEqual(['lapsedGuest', 'listVenues', 'listVouchers', 'newCustomer', 'newVisit', 'returningGuest']);
    expect(Object.keys(h.app.creates).sort()).toEqual(['createVoucher', 'deleteVoucher']);
    expect(h.app.creates.createVoucher.operation.inputFields.find((f: any) => f.key === 'venue_id').dynamic).toBe('listVenues.id.name');
    expect(h.app.creates.deleteVoucher.operation.inputFields.find((f: any) => f.key === 'voucher_id').dynamic).toBe('listVouchers.id.code');
  });
});

describe('Splash Air authentication', () => {
  it('accepts a good key and names the team and host', async () => {
    const result = await h.run<{ label: string }>(h.app.authentication.test, { authData });
    expect(result.label).toBe(`Splash Air: team default on ${new URL(h.sandbox.urls.splash).host}`);
    expect(await h.run(h.app.authentication.connectionLabel, { authData, inputData: result })).toBe(result.label);
  });

  it('rejects a wrong key with an auth error that says to reconnect', async () => {
    const error = await h.failure(h.app.authentication.test, { authData: { ...authData, apiKey: 'wrong-key-0123456789' } });
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/401: Unauthenticated\b.*\. Reconnect/s);
    expect(error.message).not.toMatch(/\.\./);
  });

  it('rejects a team that does not exist', async () => {
    const error = await h.failure(h.app.authentication.test, { authData: { ...authData, team: 'no-such-team' } });
    expect(error.message).toMatch(/404/);
  });

  it('refuses a plain http host unless allowed', async () => {
    const error = await h.failure(h.app.authentication.test, { authData: { ...authData, allowHttp: 'false' } });
    expect(error.message).toMatch(/plain http/);
  });
});

describe('Splash Air polling triggers', () => {
  it('New Customer returns unique ids, newest first, and picks up a customer added between polls', async () => {
    const first = await h.run<Array<{ id: number }>>(h.app.triggers.newCustomer.operation.perform, { authData });
    expectUniqueIds(first);
    expect(idsOf(first)).toEqual([...idsOf(first)].sort((a, b) => Number(b) - Number(a)));
    expect(first.length).toBeGreaterThanOrEqual(100);
    const newestSeeded = Math.max(...splash().customerIds(teamId('default') as number));
    expect(first[0].id).toBe(newestSeeded);
    const added = h.sandbox.insert.splashCustomer();
    const second = await h.run<Array<{ id: number }>>(h.app.triggers.newCustomer.operation.perform, { authData });
    expect(second[0].id).toBe(added.id);
    expect(idsOf(second).slice(1, 10)).toEqual(idsOf(first).slice(0, 9));
  });

  it('New Customer only returns the connection\'s team', async () => {
    const north = await h.run<Array<{ id: number }>>(h.app.triggers.newCustomer.operation.perform, { authData: { ...authData, team: 'north' } });
    const northIds = new Set(splash().customerIds(teamId('north') as number));
    expect(north.length).toBeGreaterThan(0);
    for (const id of idsOf(north)) expect(northIds.has(id as number)).toBe(true);
  });

  it('New Customer Visit returns unique ids, newest first, and picks up a visit added between polls', async () => {
    const first = await h.run<Array<{ id: number }>>(h.app.triggers.newVisit.operation.perform, { authData });
    expectUniqueIds(first);
    expect(idsOf(first)).toEqual([...idsOf(first)].sort((a, b) => Number(b) - Number(a)));
    const added = h.sandbox.insert.splashVisit();
    const second = await h.run<Array<{ id: number }>>(h.app.triggers.newVisit.operation.perform, { authData });
    expect(second[0].id).toBe(added.id);
  });

  it('returns three items when Zapier loads samples, the newest', async () => {
    const full = await h.run<Array<{ id: number }>>(h.app.triggers.newVisit.operation.perform, { authData });
    const sample = await h.run<Array<{ id: number }>>(h.app.triggers.newVisit.operation.perform, { authData, meta: { isLoadingSample: true } });
    expect(idsOf(sample)).toEqual(idsOf(full).slice(0, 3));
  });

  it('costs three requests per poll however long the history', async () => {
    h.sandbox.counters.reset();
    await h.run(h.app.triggers.newCustomer.operation.perform, { authData });
    const requests = Object.values(h.sandbox.counters.get().requests).reduce((sum, n) => sum + n, 0);
    expect(requests).toBeLessThanOrEqual(3);
  });

  it('surfaces a 429 from Splash Air as a ThrottledError with its delay', async () => {
    h.sandbox.faults.inject({ vendor: 'splash', fault: 'rate-limit', retryAfterSeconds: 12 });
    const error = await h.failure(h.app.triggers.newCustomer.operation.perform, { authData });
    expect(throttleDelayOf(error)).toBe(12);
  });
});

describe('Splash Air dropdowns', () => {
  it('listVenues returns the team\'s venues', async () => {
    const venues = await h.run(h.app.triggers.listVenues.operation.perform, { authData, meta: { page: 0 } });
    expect(new Set(idsOf(venues))).toEqual(new Set(splash().venues.filter((v) => v.team_id === teamId('default')).map((v) => v.id)));
  });

  it('listVouchers returns the team\'s vouchers', async () => {
    const vouchers = await h.run(h.app.triggers.listVouchers.operation.perform, { authData, meta: { page: 0 } });
    expect(new Set(idsOf(vouchers))).toEqual(new Set(splash().vouchers.filter((v) => v.team_id === teamId('default')).map((v) => v.id)));
  });
});

describe('Splash Air creates change the sandbox as documented', () => {
  let voucherId: number;

  it('Create Voucher adds a voucher with the given limits (sent as a form)', async () => {
    const voucher = await h.run<any>(h.app.creates.createVoucher.operation.perform, {
      authData,
      inputData: { code: 'ZAPIER-2026', venue_id: '2', number_of_days: '7', downspeed: '50', max_devices: '2' },
    });
    voucherId = voucher.id;
    expect(splash().vouchers.find((v) => v.id === voucherId)).toMatchObject({ code: 'ZAPIER-2026', venue_id: 2, number_of_days: 7, downspeed: 50, max_devices: 2 });
  });

  it('Create Voucher takes any code and a data limit in part-GB, as the docs do not restrict them', async () => {
    const voucher = await h.run<any>(h.app.creates.createVoucher.operation.perform, {
      authData,
      inputData: { code: 'Summer.2026/VIP', venue_id: '2', number_of_days: '1' },
    });
    expect(splash().vouchers.find((v) => v.id === voucher.id)?.code).toBe('Summer.2026/VIP');
    const field = h.app.creates.createVoucher.operation.inputFields.find((f: any) => f.key === 'volumecap');
    expect(field.helpText).toMatch(/0\.5/);
    expect(h.app.creates.createVoucher.operation.inputFields.find((f: any) => f.key === 'code').helpText).not.toMatch(/letters|64/);
  });

  it('Create Voucher reports Splash Air\'s own message for a duplicate code', async () => {
    const error = await h.failure(h.app.creates.createVoucher.operation.perform, {
      authData,
      inputData: { code: 'ZAPIER-2026', venue_id: '2', number_of_days: '7' },
    });
    expect(error.message).toMatch(/422.*code has already been taken/s);
  });

  it('Delete Voucher removes it', async () => {
    const result = await h.run<any>(h.app.creates.deleteVoucher.operation.perform, { authData, inputData: { voucher_id: String(voucherId) } });
    // What was deleted, not the vendor's answer (which may be a page of the remaining vouchers).
    expect(result).toEqual({ deleted: true, voucher_id: voucherId });
    expect(h.app.creates.deleteVoucher.operation.sample).toEqual({ deleted: true, voucher_id: 501 });
    expect(h.app.creates.deleteVoucher.operation.outputFields.map((f: any) => f.label)).toEqual(['Deleted', 'Voucher ID']);
    expect(splash().vouchers.some((v) => v.id === voucherId)).toBe(false);
  });

  it('Delete Voucher names the voucher when it does not exist', async () => {
    const error = await h.failure(h.app.creates.deleteVoucher.operation.perform, { authData, inputData: { voucher_id: String(voucherId) } });
    expect(error.message).toMatch(/404/);
  });
});

describe('Splash Air secrets', () => {
  it('logged every request through Zapier\'s HTTP log', () => {
    expect(h.logs.requests().some((line) => line.includes('/api/customers'))).toBe(true);
  });

  it('leaves no key in any error or logged request', () => {
    expect(h.leakedSecrets()).toEqual([]);
  });
});
