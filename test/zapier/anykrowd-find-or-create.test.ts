import { type ZapierHarness, idsOf, startZapierHarness } from './support/harness';

let h: ZapierHarness;
let authData: Record<string, string>;

beforeAll(async () => {
  h = await startZapierHarness('anykrowd');
  authData = h.authData;
});
afterAll(async () => {
  await h?.close();
});

const st = () => h.sandbox.state.anykrowd;
type Item = Record<string, any>;

/** What Zapier does with a search-or-create, read from the app's definition: search; none found: create. */
async function findOrCreate(searchInput: Item, createInput: Item): Promise<{ step: 'found' | 'created'; result: Item }> {
  const soc = h.app.searchOrCreates.findWallet;
  const found = await h.run<Item[]>(h.app.searches[soc.search].operation.perform, { authData, inputData: searchInput });
  if (found.length > 0) return { step: 'found', result: found[0] };
  return { step: 'created', result: await h.run<Item>(h.app.creates[soc.create].operation.perform, { authData, inputData: createInput }) };
}

const staffLine = (externalId: string, firstName: string) => ({
  staff_members: [{ external_id: externalId, external_qr_code: `QR-${externalId}`, first_name: firstName, last_name: 'Foc' }],
});

describe('anykrowd Find Wallet or Sync User through the app tester', () => {
  it('pairs Find Wallet with Sync Users, keyed like the search', () => {
    expect(h.app.searchOrCreates.findWallet).toMatchObject({ key: 'findWallet', search: 'findWallet', create: 'syncUsers' });
    expect(h.app.searchOrCreates.findWallet.display.label).toBe('Find Wallet or Sync User');
  });

  it('syncs (creates) a user anykrowd does not know, and the next run syncs the same user again rather than a second one', async () => {
    const externalId = 'foc-new-1';
    expect(st().userByExternalId(externalId)).toBeUndefined();
    const usersBefore = st().users.length;
    const first = await findOrCreate({ external_id: externalId }, staffLine(externalId, 'Fia'));
    expect(first).toMatchObject({ step: 'created', result: { success: true } });
    expect(st().userByExternalId(externalId)).toMatchObject({ first_name: 'Fia', last_name: 'Foc' });
    // A synced staff member without an account has no wallets yet: Find Wallet finds none, and Sync
    // Users, a create-or-update by External ID, updates the same user.
    await findOrCreate({ external_id: externalId }, staffLine(externalId, 'Fiona'));
    expect(st().users.length).toBe(usersBefore + 1);
    expect(st().userByExternalId(externalId)).toMatchObject({ first_name: 'Fiona' });
  });

  it('finds the wallets of a known user and syncs nothing', async () => {
    const { userExternalId, walletId } = h.sandbox.keys.anykrowd;
    const user = st().userByExternalId(userExternalId);
    const updatedAt = user?.updated_at;
    const result = await findOrCreate({ external_id: userExternalId }, staffLine(userExternalId, 'Overwritten'));
    expect(result.step).toBe('found');
    const wallets = await h.run<Item[]>(h.app.searches.findWallet.operation.perform, { authData, inputData: { external_id: userExternalId } });
    expect(idsOf(wallets)).toContain(walletId);
    expect(st().userByExternalId(userExternalId)?.updated_at).toBe(updatedAt);
    expect(st().userByExternalId(userExternalId)?.first_name).not.toBe('Overwritten');
  });
});
