import type { Sandbox } from '../sandbox';
import { fromList, runChain, step } from './support/chain';
import type { CredentialStore } from './support/engine';
import { useEngineSandbox } from './support/sandbox';

let sandbox: Sandbox;
let credentials: CredentialStore;

useEngineSandbox((started, stored) => {
  sandbox = started;
  credentials = stored;
});

const anykrowd = (name: string, resource: string, operation: string, parameters = {}) => step(name, 'anykrowd', resource, operation, parameters);
const st = () => sandbox.state.anykrowd;
const balanceCents = (walletId: number) => st().wallet(walletId)!.balance_cents;

describe('anykrowd workflows through the n8n engine', () => {
  test('user: sync staff, list their wallets, top up a user by External ID', async () => {
    const staff = [{ external_id: 'n8n-77', external_qr_code: 'QR-77', first_name: 'Ada', last_name: 'Lovelace', roles: [{ role_id: 1 }] }];
    await runChain([anykrowd('Sync', 'user', 'syncUsers', { staffMembers: JSON.stringify(staff) })], [{}], credentials);
    expect(st().userByExternalId('n8n-77')).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', external_qr_code: 'QR-77' });

    const { userExternalId, walletId, currencyId } = sandbox.keys.anykrowd;
    const before = balanceCents(walletId);
    const result = await runChain(
      [
        anykrowd('Top Up', 'user', 'topUpUser', { externalId: userExternalId, currencyId: fromList(currencyId), amount: '12.34' }),
        anykrowd('Wallets', 'user', 'listUserWallets', { externalId: userExternalId, returnAll: true }),
      ],
      [{}],
      credentials,
    );
    expect(balanceCents(walletId) - before).toBe(1234);
    expect(result.output('Top Up')[0].json.amount).toBe('12.34');
    const wallet = result.output('Wallets').find((i) => i.json.id === walletId)!;
    expect(wallet.json.current_balance).toBe((balanceCents(walletId) / 100).toFixed(2));
  });

  test('wallet: top up, see the transaction, revoke it; the balance moves back', async () => {
    const { walletId, currencyId } = sandbox.keys.anykrowd;
    const before = balanceCents(walletId);
    const result = await runChain(
      [
        anykrowd('Top Up', 'wallet', 'topUpWallet', { walletId, amount: '5.50', currencyId: fromList(currencyId) }),
        anykrowd('Revoke', 'wallet', 'revokeTopUp', { nanoids: '={{ $json.nanoid }}' }),
        anykrowd('Get Wallet', 'wallet', 'getWallet', { walletId }),
        anykrowd('Transactions', 'wallet', 'listWalletTransactions', { walletId, limit: 5 }),
      ],
      [{}],
      credentials,
    );
    const nanoid = result.output('Top Up')[0].json.nanoid as string;
    const topUp = st().transactions.find((t) => t.nanoid === nanoid)!;
    expect(topUp.amount_cents).toBe(550);
    expect(topUp.revoked_at).not.toBeNull();
    expect(balanceCents(walletId)).toBe(before);
    expect(result.output('Get Wallet')[0].json.current_balance).toBe((before / 100).toFixed(2));
    expect(result.output('Transactions').map((i) => i.json.nanoid)).toContain(nanoid);
  });

  test('account, currencies, events and roles: ping, lists and gets picked from the lists', async () => {
    const result = await runChain(
      [
        anykrowd('Ping', 'account', 'ping'),
        anykrowd('Currencies', 'currency', 'listCurrencies', { returnAll: true }),
        anykrowd('Currency', 'currency', 'getCurrency', { currencyId: fromList('={{ $json.id }}') }),
      ],
      [{}],
      credentials,
    );
    expect(result.output('Ping')[0].json).toHaveProperty('message');
    expect(result.output('Currency').map((i) => i.json.id)).toEqual(st().currencies.map((c) => c.id));

    const more = await runChain(
      [
        anykrowd('Events', 'event', 'listEvents', { limit: 2, filters: { active: false } }),
        anykrowd('Event', 'event', 'getEvent', { eventId: fromList('={{ $json.id }}') }),
        anykrowd('Roles', 'role', 'listRoles', { returnAll: true }),
        anykrowd('Role', 'role', 'getRole', { roleId: fromList('={{ $json.id }}') }),
      ],
      [{}],
      credentials,
    );
    expect(more.output('Event')).toHaveLength(2);
    expect(more.output('Role').map((i) => i.json.name).sort()).toEqual([...st().roles.map((r) => r.name)].sort().flatMap((n) => Array(2).fill(n)).sort());
  });
});
