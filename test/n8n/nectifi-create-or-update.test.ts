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

const st = () => sandbox.state.nectifi;
const upsert = (parameters: Record<string, unknown>) =>
  step('Create or Update', 'nectifi', 'guest', 'createOrUpdateGuest', { locationId: fromList(2), ...parameters }, { typeVersion: 1.1 });

describe('Nectifi Create or Update Guest through the n8n engine (node version 1.1)', () => {
  test('creates the guest when no guest has the email, with VIP and tags set right after, and says so', async () => {
    const email = 'una.upsert@example.com';
    const before = st().guests.size;
    const result = await runChain(
      [upsert({ email, additionalFields: { name: 'Una Upsert', marketingConsent: true, isVip: true, tags: ['vip'] }, output: 'raw' })],
      [{}],
      credentials,
    );
    const [item] = result.output('Create or Update');
    expect(item.json).toMatchObject({ action: 'created', email, name: 'Una Upsert', is_vip: true, tags: ['vip'] });
    expect(st().guests.size).toBe(before + 1);
    expect(st().guests.get(item.json.id as number)).toMatchObject({ email, location_id: 2, marketing_consent: true, is_vip: true, tags: ['vip'] });
  });

  test('updates the one guest whose email matches exactly, ignoring case, not a guest it only partly matches', async () => {
    const target = sandbox.insert.nectifiGuest({ location_id: 1, email: 'ivo.exact@example.com' }) as { id: number };
    const lookalike = sandbox.insert.nectifiGuest({ location_id: 1, email: 'mivo.exact@example.com', name: 'Look Alike' }) as { id: number };
    const before = st().guests.size;
    const result = await runChain(
      [upsert({ email: 'IVO.Exact@Example.com', additionalFields: { name: 'Ivo Updated', isVip: true }, output: 'raw' })],
      [{}],
      credentials,
    );
    const [item] = result.output('Create or Update');
    expect(item.json).toMatchObject({ action: 'updated', id: target.id, name: 'Ivo Updated', is_vip: true });
    expect(item.pairedItem).toEqual({ item: 0 });
    expect(st().guests.size).toBe(before);
    expect(st().guests.get(target.id)).toMatchObject({ name: 'Ivo Updated', is_vip: true, location_id: 1 });
    expect(st().guests.get(lookalike.id)).toMatchObject({ name: 'Look Alike' });
  });

  test('runs items one at a time even with Continue On Fail: two items with one new email create one guest, then update it', async () => {
    const email = 'dora.double@example.com';
    const before = st().guests.size;
    const items = [{ name: 'Dora One' }, { name: 'Dora Two' }];
    const node = upsert({ email, additionalFields: { name: '={{ $json.name }}' } });
    const result = await runChain([{ ...node, continueOnFail: true }], items, credentials);
    expect(result.output('Create or Update').map((i) => [i.json.action, i.json.name])).toEqual([
      ['created', 'Dora One'],
      ['updated', 'Dora Two'],
    ]);
    expect(st().guests.size).toBe(before + 1);
  });

  test('says the guest was created, with its ID, when setting what the create does not take fails after it', async () => {
    const email = 'tara.tagless@example.com';
    const result = await runChain([upsert({ email, additionalFields: { tags: ['no-such-tag'] } })], [{}], credentials);
    const message = result.error('Create or Update')?.message ?? '';
    const created = st().guests.get(st().guests.maxId);
    expect(created).toMatchObject({ email });
    expect(message).toMatch(new RegExp(`^The guest was created \\(guest ID ${created?.id}\\), but setting Tags on it failed: .*Unknown tag: no-such-tag`));
  });

  test('leaves the guest as it is when nothing to change is given, saying "unchanged"; Simplified keeps the action', async () => {
    const target = sandbox.insert.nectifiGuest({ location_id: 1, email: 'ulla.same@example.com' }) as { id: number };
    const updatedAt = st().guests.get(target.id)?.updated_at;
    const result = await runChain([upsert({ email: 'ulla.same@example.com' })], [{}], credentials);
    expect(result.output('Create or Update')[0].json).toMatchObject({ action: 'unchanged', id: target.id });
    expect(st().guests.get(target.id)?.updated_at).toBe(updatedAt);
  });

  test('changes nothing and names the guests when several have the email', async () => {
    const email = 'twin.guest@example.com';
    const a = sandbox.insert.nectifiGuest({ location_id: 1, email, name: 'Twin A' }) as { id: number };
    const b = sandbox.insert.nectifiGuest({ location_id: 1, email, name: 'Twin B' }) as { id: number };
    const run = await runChain([upsert({ email, additionalFields: { name: 'Overwritten' } })], [{}], credentials);
    expect(run.error('Create or Update')?.message).toMatch(new RegExp(`changed nothing: 2 guests have the email ${email} \\(guest ID (${a.id}|${b.id}); guest ID (${a.id}|${b.id})\\)`));
    expect([st().guests.get(a.id)?.name, st().guests.get(b.id)?.name]).toEqual(['Twin A', 'Twin B']);
  });

  test('rejects a malformed email before any request, naming the field', async () => {
    const before = sandbox.counters.get().requests;
    const run = await runChain([upsert({ email: 'not-an-email' })], [{}], credentials);
    expect(run.error('Create or Update')?.message).toMatch(/'email' \(Email\): expected an email address/);
    expect(sandbox.counters.get().requests).toEqual(before);
  });
});
