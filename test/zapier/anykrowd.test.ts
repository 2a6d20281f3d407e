import { type ZapierHarness, expectUniqueIds, idsOf, startZapierHarness, throttleDelayOf } from './support/harness';

let h: ZapierHarness;
let authData: Record<string, string>;

beforeAll(async () => {
  h = await startZapierHarness('anykrowd');
  authData = h.authData;
});

afterAll(async () => {
  await h?.close();
});

const anykrowd = () => h.sandbox.state.anykrowd;
const keys = () => h.sandbox.keys.anykrowd;
const balanceCents = (walletId: number) => anykrowd().wallet(walletId)?.balance_cents;

describe('the built anykrowd app', () => {
  it('passes zapier-platform-core\'s own validation', async () => {
    expect(await h.validate()).toEqual([]);
  });

  it('asks for staff members as line items a no-code user can fill: one role per line, its dates in a stated format', () => {
    const fields = h.app.creates.syncUsers.operation.inputFields as any[];
    const staff = fields.find((f) => f.key === 'staff_members');
    expect(staff.children.map((c: any) => c.key)).toEqual([
      'external_id',
      'external_qr_code',
      'external_qr_codes',
      'first_name',
      'last_name',
      'role_id',
      'role_valid_from',
      'role_valid_until',
      'create_user_account',
    ]);
    expect(staff.children.find((c: any) => c.key === 'role_id').dynamic).toBe('listRoles.id.name');
    expect(staff.children.find((c: any) => c.key === 'role_valid_from').helpText).toMatch(/e\.g\. 2026-06-20 12:00:00/);
    // The group's description is its own text, not glued into the External ID help.
    expect(fields[0]).toMatchObject({ type: 'copy', helpText: expect.stringMatching(/several roles/) });
    expect(staff.children[0].helpText).not.toMatch(/staff members to create/);
    for (const child of staff.children) expect(child.helpText).not.toMatch(/JSON/);
  });
});

describe('anykrowd authentication', () => {
  it('accepts a good key and names the tenant', async () => {
    const result = await h.run<{ label: string }>(h.app.authentication.test, { authData });
    const url = new URL(h.sandbox.urls.anykrowd);
    expect(result.label).toBe(`anykrowd: ${url.host}${url.pathname}`);
    expect(await h.run(h.app.authentication.connectionLabel, { authData, inputData: result })).toBe(result.label);
  });

  it('rejects a wrong key with an auth error that says to reconnect', async () => {
    const error = await h.failure(h.app.authentication.test, { authData: { ...authData, apiKey: '99|wrongwrongwrongwrongwrong' } });
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/401.*Reconnect/s);
  });
});

describe('anykrowd New Wallet Transaction trigger', () => {
  it('returns unique ids, newest first, and picks up a transaction added between polls', async () => {
    const inputData = { id: String(keys().walletId) };
    const first = await h.run<Array<{ id: number }>>(h.app.triggers.newWalletTransaction.operation.perform, { authData, inputData });
    expectUniqueIds(first);
    expect(idsOf(first)).toEqual([...idsOf(first)].sort((a, b) => Number(b) - Number(a)));
    const added = h.sandbox.insert.anykrowdTransaction(keys().walletId, { amount: '4.20' });
    const second = await h.run<Array<{ id: number; amount: string }>>(h.app.triggers.newWalletTransaction.operation.perform, { authData, inputData });
    expect(second[0]).toMatchObject({ id: added.id, amount: '4.20' });
  });

  it('surfaces a 429 from anykrowd as a ThrottledError with its delay', async () => {
    h.sandbox.faults.inject({ vendor: 'anykrowd', fault: 'rate-limit-reset', retryAfterSeconds: 90 });
    const error = await h.failure(h.app.triggers.newWalletTransaction.operation.perform, { authData, inputData: { id: String(keys().walletId) } });
    const delay = throttleDelayOf(error);
    expect(delay).toBeGreaterThanOrEqual(88);
    expect(delay).toBeLessThanOrEqual(91);
  });
});

describe('anykrowd dropdowns and searches', () => {
  it.each<[string, () => number[]]>([
    ['listCurrencies', () => anykrowd().currencies.map((c) => c.id)],
    ['listRoles', () => anykrowd().roles.map((r) => r.id)],
  ])('%s returns the sandbox\'s records', async (key, expected) => {
    const items = await h.run(h.app.triggers[key].operation.perform, { authData, meta: { page: 0 } });
    expect(new Set(idsOf(items))).toEqual(new Set(expected()));
  });

  it('listEvents returns events the sandbox knows', async () => {
    const items = await h.run(h.app.triggers.listEvents.operation.perform, { authData, meta: { page: 0 } });
    const known = new Set(anykrowd().events.map((e) => e.id));
    expect(idsOf(items).length).toBeGreaterThan(0);
    for (const id of idsOf(items)) expect(known.has(id as number)).toBe(true);
  });

  it('Find Wallet finds a user\'s wallets by External ID', async () => {
    const wallets = await h.run<Array<{ id: number; current_balance: string }>>(h.app.searches.findWallet.operation.perform, {
      authData,
      inputData: { external_id: keys().userExternalId },
    });
    expect(idsOf(wallets)).toContain(keys().walletId);
    const wallet = wallets.find((w) => w.id === keys().walletId);
    expect(wallet?.current_balance).toBe(((balanceCents(keys().walletId) ?? 0) / 100).toFixed(2));
  });

  it('Find Wallet by ID, Find Currency, Find Event and Find Role read one record each', async () => {
    const [wallet] = await h.run<any[]>(h.app.searches.findWalletById.operation.perform, { authData, inputData: { id: String(keys().walletId) } });
    expect(wallet.id).toBe(keys().walletId);
    const [currency] = await h.run<any[]>(h.app.searches.findCurrency.operation.perform, { authData, inputData: { id: '1' } });
    expect(currency.id).toBe(1);
    const event = anykrowd().events[0];
    const [found] = await h.run<any[]>(h.app.searches.findEvent.operation.perform, { authData, inputData: { id: String(event.id) } });
    expect(found.id).toBe(event.id);
    const [role] = await h.run<any[]>(h.app.searches.findRole.operation.perform, { authData, inputData: { id: String(anykrowd().roles[0].id) } });
    expect(role.id).toBe(anykrowd().roles[0].id);
  });

  it('Find Wallet by ID finds nothing for an unknown wallet', async () => {
    expect(await h.run(h.app.searches.findWalletById.operation.perform, { authData, inputData: { id: '999999' } })).toEqual([]);
  });
});

describe('anykrowd creates change the sandbox as documented', () => {
  it('Sync Users creates a staff member from line items, one line per role', async () => {
    const [first, second] = anykrowd().roles;
    await h.run(h.app.creates.syncUsers.operation.perform, {
      authData,
      inputData: {
        staff_members: [
          {
            external_id: 'zapier-staff-1',
            external_qr_code: 'QR-ZAPIER-1',
            external_qr_codes: 'QR-ZAPIER-1B, QR-ZAPIER-1C',
            first_name: 'Zapier',
            last_name: 'Tester',
            role_id: String(first.id),
            create_user_account: 'false',
          },
          { external_id: 'zapier-staff-1', role_id: String(second.id), role_valid_from: '2026-06-20T12:00', role_valid_until: '2026-06-22 12:00:00' },
        ],
      },
    });
    const user = anykrowd().userByExternalId('zapier-staff-1');
    expect(user).toMatchObject({ first_name: 'Zapier', last_name: 'Tester', external_qr_codes: ['QR-ZAPIER-1B', 'QR-ZAPIER-1C'] });
    expect(user?.roles.map((r) => r.role_id)).toEqual([first.id, second.id]);
    expect(user?.roles[1]).toMatchObject({ valid_from: '2026-06-20 12:00:00', valid_until: '2026-06-22 12:00:00' });
  });

  it('Sync Users names the Role column of the line when a role is not an ID, before sending anything', async () => {
    const before = h.logs.requests().length;
    const error = await h.failure(h.app.creates.syncUsers.operation.perform, {
      authData,
      inputData: { staff_members: [{ external_id: 'zapier-staff-2', external_qr_code: 'QR-2', first_name: 'A', last_name: 'B', role_id: 'manager' }] },
    });
    expect(error.message).toMatch(/Role/);
    expect(error.message).toMatch(/manager|whole number|ID/);
    expect(h.logs.requests().length).toBe(before);
  });

  it('Top Up User adds the amount to the user\'s wallet in that currency, exactly', async () => {
    const before = balanceCents(keys().walletId) as number;
    const tx = await h.run<any>(h.app.creates.topUpUser.operation.perform, {
      authData,
      inputData: { external_id: keys().userExternalId, currency_id: String(keys().currencyId), amount: '10.10' },
    });
    expect(tx.amount).toBe('10.10');
    expect(balanceCents(keys().walletId)).toBe(before + 1010);
  });

  it('Top Up Wallet then Revoke Top-Ups puts the balance back', async () => {
    const before = balanceCents(keys().walletId) as number;
    const tx = await h.run<any>(h.app.creates.topUpWallet.operation.perform, {
      authData,
      inputData: { wallet_id: String(keys().walletId), amount: '0.20', currency_id: String(keys().currencyId) },
    });
    expect(balanceCents(keys().walletId)).toBe(before + 20);
    const result = await h.run<any>(h.app.creates.revokeTopUp.operation.perform, { authData, inputData: { nanoids: [tx.nanoid] } });
    expect(result.success).toBe(true);
    expect(balanceCents(keys().walletId)).toBe(before);
  });

  it('never repeats a top-up whose outcome is unknown, and says how to check and undo it', async () => {
    h.sandbox.faults.inject({ vendor: 'anykrowd', fault: 'reset-after', path: '/apix/v1/wallets/topup' });
    h.sandbox.counters.reset();
    const error = await h.failure(h.app.creates.topUpWallet.operation.perform, {
      authData,
      inputData: { wallet_id: String(keys().walletId), amount: '1.00', currency_id: String(keys().currencyId) },
    });
    expect(error.message).toMatch(/outcome is unknown/i);
    expect(error.message).toMatch(/OutcomeUnknown/);
    const topUps = Object.entries(h.sandbox.counters.get().requests).filter(([route]) => route.includes('wallets/topup'));
    expect(topUps.reduce((sum, [, n]) => sum + n, 0)).toBe(1);
  });

  it('rejects an amount with three decimals before sending', async () => {
    const error = await h.failure(h.app.creates.topUpWallet.operation.perform, {
      authData,
      inputData: { wallet_id: String(keys().walletId), amount: '1.005', currency_id: '1' },
    });
    expect(error.message).toMatch(/amount.*two decimal places/s);
  });
});

describe('anykrowd secrets', () => {
  it('logged every request through Zapier\'s HTTP log', () => {
    expect(h.logs.requests().some((line) => line.includes('/apix/v1/wallets/transactions'))).toBe(true);
  });

  it('leaves no key, nor the secret half of it, in any error or logged request', () => {
    expect(h.leakedSecrets()).toEqual([]);
  });
});

describe('anykrowd wallets without typed IDs, and the documented rate limit', () => {
  it('throttles every action at anykrowd\'s 1,000 requests an hour per key, so a burst queues in Zapier', () => {
    expect(h.app.throttle).toEqual({ window: 3600, limit: 1000, scope: ['auth'] });
  });

  it('offers the wallet as a dropdown of the wallets of the user whose External ID is entered above it', async () => {
    for (const step of [h.app.creates.topUpWallet, h.app.searches.findWalletById, h.app.triggers.newWalletTransaction]) {
      const fields = step.operation.inputFields as any[];
      const wallet = fields.find((f) => f.dynamic === 'listUserWallets.id.label');
      expect(wallet).toBeDefined();
      expect(fields.findIndex((f) => f.key === 'external_id' && f.altersDynamicFields)).toBeLessThan(fields.indexOf(wallet));
    }
    const wallets = await h.run<any[]>(h.app.triggers.listUserWallets.operation.perform, { authData, inputData: { external_id: keys().userExternalId } });
    expect(wallets.map((w) => w.id)).toContain(keys().walletId);
    for (const wallet of wallets) expect(wallet.label).toMatch(/wallet \(.*\), ID \d+$/);
  });

  it('says which field to fill when the wallet list is opened before the External ID', async () => {
    const error = await h.failure(h.app.triggers.listUserWallets.operation.perform, { authData, inputData: {} });
    expect(error.message).toMatch(/External ID/);
  });

  it('tops up the wallet picked from that list', async () => {
    const before = balanceCents(keys().walletId) as number;
    await h.run(h.app.creates.topUpWallet.operation.perform, {
      authData,
      inputData: { external_id: keys().userExternalId, wallet_id: String(keys().walletId), amount: '1.00', currency_id: String(keys().currencyId) },
    });
    expect(balanceCents(keys().walletId)).toBe(before + 100);
  });
});
