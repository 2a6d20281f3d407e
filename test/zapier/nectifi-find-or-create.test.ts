import { type ZapierHarness, startZapierHarness } from './support/harness';

let h: ZapierHarness;
let authData: Record<string, string>;

beforeAll(async () => {
  h = await startZapierHarness('nectifi');
  authData = h.authData;
});
afterAll(async () => {
  await h?.close();
});

const st = () => h.sandbox.state.nectifi;
type Item = Record<string, any>;

/**
 * What Zapier does with a search-or-create that has an update, read from the app's own definition:
 * run the search; none found: run the create; found: map the first result into the update.
 */
async function findOrCreate(searchInput: Item, createInput: Item, updateInput: Item): Promise<{ step: 'created' | 'updated'; result: Item }> {
  const soc = h.app.searchOrCreates.findGuestByEmail;
  const found = await h.run<Item[]>(h.app.searches[soc.search].operation.perform, { authData, inputData: searchInput });
  if (found.length === 0) return { step: 'created', result: await h.run<Item>(h.app.creates[soc.create].operation.perform, { authData, inputData: createInput }) };
  const target = Object.fromEntries(Object.entries<string>(soc.updateInputFromSearchOutput).map(([field, from]) => [field, String(found[0][from])]));
  return { step: 'updated', result: await h.run<Item>(h.app.creates[soc.update].operation.perform, { authData, inputData: { ...updateInput, ...target } }) };
}

describe('Nectifi Find or Create Guest (with update) through the app tester', () => {
  it('is declared as Zapier requires: keyed like its exact search, with Create Guest and Update Guest', () => {
    expect(h.app.searchOrCreates.findGuestByEmail).toEqual({
      key: 'findGuestByEmail',
      display: { label: 'Find or Create Guest', description: 'Finds the guest with this email, or creates one when there is none.' },
      search: 'findGuestByEmail',
      create: 'createGuest',
      update: 'updateGuest',
      updateInputFromSearchOutput: { guest_id: 'id' },
      searchUniqueInputToOutputConstraint: { email: 'email' },
    });
  });

  it('creates the guest when no guest has the email, then finds and updates that one on the next run', async () => {
    const email = 'zoe.findorcreate@example.com';
    const before = st().guests.size;
    const first = await findOrCreate({ email }, { location_id: '2', email, name: 'Zoe First', marketing_consent: 'true' }, { name: 'unused' });
    expect(first.step).toBe('created');
    expect(st().guests.size).toBe(before + 1);
    expect(st().guests.get(first.result.id)).toMatchObject({ email, name: 'Zoe First', location_id: 2, marketing_consent: true });

    const second = await findOrCreate({ email: 'Zoe.FindOrCreate@Example.com' }, { location_id: '2', email, name: 'Zoe Twice' }, { name: 'Zoe Second', is_vip: 'true' });
    expect(second).toMatchObject({ step: 'updated', result: { id: first.result.id, name: 'Zoe Second', is_vip: true } });
    expect(st().guests.size).toBe(before + 1);
  });

  it('finds only the exact email, not a guest whose email merely contains it', async () => {
    const lookalike = h.sandbox.insert.nectifiGuest({ location_id: 1, email: 'xkim.exact@example.com' }) as { id: number };
    expect(await h.run(h.app.searches.findGuestByEmail.operation.perform, { authData, inputData: { email: 'kim.exact@example.com' } })).toEqual([]);
    const found = await h.run<Item[]>(h.app.searches.findGuestByEmail.operation.perform, { authData, inputData: { email: 'xkim.exact@example.com' } });
    expect(found.map((guest) => guest.id)).toEqual([lookalike.id]);
  });

  it('stops, naming the guests and changing nothing, when several guests have the email', async () => {
    const email = 'pair.twins@example.com';
    const a = h.sandbox.insert.nectifiGuest({ location_id: 1, email }) as { id: number };
    const b = h.sandbox.insert.nectifiGuest({ location_id: 1, email }) as { id: number };
    const error = await h.failure(h.app.searches.findGuestByEmail.operation.perform, { authData, inputData: { email } });
    expect(error.message).toContain(`2 guests have the email ${email}`);
    expect(error.message).toContain(`guest ID ${a.id}`);
    expect(error.message).toContain(`guest ID ${b.id}`);
    expect(error.message).toMatch(/AmbiguousMatch/);
  });

  it('names the field when the email is not one, before any request', async () => {
    const before = h.sandbox.counters.get().requests;
    const error = await h.failure(h.app.searches.findGuestByEmail.operation.perform, { authData, inputData: { email: 'not an email' } });
    expect(error.message).toMatch(/'email' \(Email\): expected an email address/);
    expect(h.sandbox.counters.get().requests).toEqual(before);
  });
});
