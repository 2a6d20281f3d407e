import type { OperationDeclaration, Vendor } from '../shared/core/operation';
import type { SchemaDrift } from '../shared/client/decode';
import type { OperationRunner } from '../shared/client/runner';
import { ALL_OPERATIONS } from '../shared/catalog';
import { paginate } from '../shared/client/paginate';
import type { Sandbox } from './sandbox';
import { runnerFor } from './support/runners';
import { sandboxCredentials, startTestSandbox } from './support/sandbox';
import { type Ids, PLACEHOLDER_IDS, validInputs } from './support/valid-inputs';

/**
 * Every declaration, through the real undici transport, against the sandbox: valid calls succeed
 * and what comes back matches the declared output schema (no drift), and the writes show in the
 * sandbox's state.
 */
let sandbox: Sandbox;
const drift: SchemaDrift[] = [];
const runners = {} as Record<Vendor, OperationRunner>;
const ids: Ids = { ...PLACEHOLDER_IDS };
const called = new Set<string>();

const op = (id: string) => ALL_OPERATIONS.find((candidate) => candidate.id === id) as OperationDeclaration;

async function call(id: string, overrides: Record<string, unknown> = {}): Promise<any> {
  called.add(id);
  const declaration = op(id);
  return runners[declaration.vendor].call(declaration, { ...validInputs(ids)[id], ...overrides });
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const credentials = sandboxCredentials(sandbox);
  for (const vendor of ['nectifi', 'splash', 'smartwifi', 'anykrowd'] as const) {
    runners[vendor] = runnerFor(vendor, credentials, { onDrift: (d) => drift.push(d) });
  }
});
afterAll(() => sandbox.close());
afterEach(() => expect(drift).toEqual([]));

describe('Nectifi against the sandbox', () => {
  it('reads locations, portals, guests and promotions', async () => {
    const locations = await call('nectifi.listLocations');
    ids.locationId = locations[0].id;
    const portals = await call('nectifi.listPortals');
    expect(portals.every((p: { location_id?: number }) => p.location_id === undefined || p.location_id === ids.locationId)).toBe(true);
    ids.portalId = portals[0].id;
    const guests = await call('nectifi.listGuests', { search: undefined });
    expect(guests).toHaveLength(50);
    expect(guests[0].id).toBeGreaterThan(guests[49].id);
    ids.guestId = guests[0].id;
    ids.promotionId = (await call('nectifi.listPromotions'))[0].id;
  });

  it('creates, reads and updates a guest, with tags and notes', async () => {
    const created = await call('nectifi.createGuest', { email: 'new.guest@example.com' });
    expect(created.email).toBe('new.guest@example.com');
    ids.guestId = created.id;
    ids.tagSlug = `vip-${Date.now() % 100000}`;
    await call('nectifi.createTag');
    expect((await call('nectifi.listTags')).map((t: { slug: string }) => t.slug)).toContain(ids.tagSlug);
    const updated = await call('nectifi.updateGuest');
    expect(updated).toMatchObject({ name: 'Alex M.', is_vip: true });
    expect((await call('nectifi.getGuest')).tags).toContain(ids.tagSlug);
    await call('nectifi.addNote');
    expect((await call('nectifi.listNotes')).map((n: { text: string }) => n.text)).toContain('Prefers window seat.');
    expect(Array.isArray(await call('nectifi.getGuestTimeline'))).toBe(true);
  });

  it('grants and redeems a promotion once', async () => {
    const grant = await call('nectifi.grantPromotion');
    ids.grantId = grant.grant_id ?? grant.id;
    const before = sandbox.counters.get().applied['nectifi POST /promotions/redeem'] ?? 0;
    await call('nectifi.redeemPromotion', { idempotency_key: 'redeem-once-1' });
    await call('nectifi.redeemPromotion', { idempotency_key: 'redeem-once-1' });
    expect(sandbox.counters.get().applied['nectifi POST /promotions/redeem']).toBe(before + 1);
  });

  it('moves loyalty points and redeems a wallet reward', async () => {
    const start = await call('nectifi.getPoints');
    await call('nectifi.addPoints', { points: 5000 });
    await call('nectifi.redeemPoints', { points: 10 });
    const after = await call('nectifi.getPoints');
    const balance = (value: Record<string, number>) => value.points;
    expect(balance(after) - balance(start)).toBe(4990);
    await call('nectifi.getTier');
    const wallet = await call('nectifi.getWallet');
    ids.rewardId = wallet.rewards[0].reward_id ?? wallet.rewards[0].id;
    await call('nectifi.redeemWalletReward');
    expect((await call('nectifi.issueWalletLink')).url).toMatch(/^https?:\/\//);
  });

  it('sends an email and reads its delivery', async () => {
    const sent = await call('nectifi.sendEmail');
    ids.requestId = Number(sent.request_id);
    const delivery = await call('nectifi.getDeliveryStatus');
    expect(String(delivery.request_id)).toBe(String(sent.request_id));
  });

  it('reads sessions, live guests and analytics', async () => {
    await call('nectifi.listSessions');
    await call('nectifi.listLiveGuests');
    await call('nectifi.getAnalyticsOverview');
    await call('nectifi.getGuestAnalytics');
    await call('nectifi.getPromotionAnalytics');
  });
});

describe('Splash Air against the sandbox', () => {
  it('reads customers, visits and venues of the team', async () => {
    expect((await call('splash.listCustomers')).length).toBeGreaterThan(0);
    expect((await call('splash.listCustomerVisits')).length).toBeGreaterThan(0);
    ids.venueId = (await call('splash.listVenues'))[0].id;
  });

  it('creates a voucher (form-encoded), lists it, and deletes it', async () => {
    ids.voucherCode = `TEST-${Date.now() % 1_000_000}`;
    const voucher = await call('splash.createVoucher');
    expect(voucher.code).toBe(ids.voucherCode);
    ids.voucherId = voucher.id;
    expect((await call('splash.listVouchers', { per_page: 500 })).map((v: { id: number }) => v.id)).toContain(voucher.id);
    const all = [];
    for await (const item of paginate(runners.splash, op('splash.listVouchers'), {})) all.push(item);
    expect(all.map((v: any) => v.code)).toContain(ids.voucherCode);
    await call('splash.deleteVoucher');
    const remaining = [];
    for await (const item of paginate(runners.splash, op('splash.listVouchers'), {})) remaining.push(item);
    expect(remaining.map((v: any) => v.code)).not.toContain(ids.voucherCode);
  });
});

describe('SmartWiFi against the sandbox', () => {
  it('pings, lists hotspots, guests, guest plans and connections', async () => {
    await call('smartwifi.ping');
    ids.hotspotId = (await call('smartwifi.listHotspots'))[0].id;
    expect((await call('smartwifi.listGuests')).length).toBeGreaterThan(100);
    await call('smartwifi.listGuestPlans');
    const connections = await call('smartwifi.listConnections');
    expect(connections.length).toBeGreaterThan(0);
    ids.guestToken = connections[0].guesttoken;
    expect((await call('smartwifi.getGuest')).profile.macaddress).toMatch(/^[0-9A-F]{2}(-[0-9A-F]{2}){5}$/);
  });
});

describe('anykrowd against the sandbox', () => {
  it('pings and reads currencies, events and roles', async () => {
    await call('anykrowd.ping');
    ids.currencyId = (await call('anykrowd.listCurrencies'))[0].id;
    await call('anykrowd.getCurrency');
    ids.eventId = (await call('anykrowd.listEvents'))[0].id;
    await call('anykrowd.getEvent');
    ids.roleId = (await call('anykrowd.listRoles'))[0].id;
    await call('anykrowd.getRole');
  });

  it('syncs a user, tops up by external id and by wallet, and revokes a top-up', async () => {
    await call('anykrowd.syncUsers');
    ids.externalId = sandbox.keys.anykrowd.userExternalId;
    ids.currencyId = sandbox.keys.anykrowd.currencyId;
    ids.walletId = sandbox.keys.anykrowd.walletId;
    const before = await call('anykrowd.getWallet');
    const topUp = await call('anykrowd.topUpUser', { amount: '10.24' });
    expect(topUp.amount).toBe('10.24');
    await call('anykrowd.topUpWallet', { amount: '0.10' });
    const wallets = await call('anykrowd.listUserWallets');
    expect(wallets.map((w: { id: number }) => w.id)).toContain(ids.walletId);
    const after = await call('anykrowd.getWallet');
    expect(cents(after.current_balance) - cents(before.current_balance)).toBe(1034);
    ids.nanoid = topUp.nanoid;
    await call('anykrowd.revokeTopUp');
    expect(cents((await call('anykrowd.getWallet')).current_balance) - cents(before.current_balance)).toBe(10);
    const transactions = await call('anykrowd.listWalletTransactions');
    expect(transactions[0].nanoid).toBeDefined();
  });
});

describe('coverage', () => {
  it('called every one of the 54 declared operations', () => {
    expect(ALL_OPERATIONS.filter((declaration) => !called.has(declaration.id)).map((d) => d.id)).toEqual([]);
  });
});

function cents(amount: string): number {
  const [whole, fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
