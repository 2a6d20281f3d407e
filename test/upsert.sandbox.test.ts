import { runUpsert } from '../shared/client/upsert';
import type { OperationRunner } from '../shared/client/runner';
import { defineUpsert } from '../shared/core/upsert';
import { createNectifiClient } from '../shared/nectifi';
import { createOrUpdateGuest } from '../shared/nectifi/operations';
import type { Sandbox } from './sandbox';
import { runnerFor } from './support/runners';
import { sandboxCredentials, startTestSandbox } from './support/sandbox';

/** The shared Create or Update run by the client alone (no platform), through real HTTP to the sandbox. */
let sandbox: Sandbox;
let runner: OperationRunner;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  runner = runnerFor('nectifi', sandboxCredentials(sandbox));
});
afterAll(() => sandbox.close());

const st = () => sandbox.state.nectifi;

describe('runUpsert (shared/client/upsert.ts)', () => {
  it('derives its fields from the create and the update: the key required, create-only and update-only fields said so', () => {
    const { fields, upsert } = createOrUpdateGuest;
    expect(Object.keys(fields)).toEqual(['email', 'location_id', 'portal_id', 'name', 'marketing_consent', 'is_vip', 'tags']);
    expect(createOrUpdateGuest.input.safeParse({ location_id: 1 }).success).toBe(false);
    expect([upsert.createOnly, upsert.updateOnly]).toEqual([['location_id', 'portal_id', 'marketing_consent'], ['is_vip', 'tags']]);
    expect(fields.marketing_consent.help).toMatch(/Used only when a new guest is created\.$/);
    expect(fields.tags.help).toMatch(/A new guest gets it right after it is created\.$/);
    expect(createOrUpdateGuest.safety).toBe('unsafe');
  });

  it('creates, then updates the same guest, through the client alone', async () => {
    const email = 'cli.upsert@example.com';
    const created = await runUpsert(runner, createOrUpdateGuest, { email, location_id: 1, name: 'Cli One' });
    expect(created).toMatchObject({ action: 'created', record: { email, name: 'Cli One' } });
    const updated = await runUpsert(runner, createOrUpdateGuest, { email, location_id: 1, name: 'Cli Two' });
    expect(updated).toMatchObject({ action: 'updated', record: { id: created.record.id, name: 'Cli Two' } });
  });

  it('is a method of the typed Nectifi client', async () => {
    const client = createNectifiClient(sandboxCredentials(sandbox).nectifi);
    const result = await client.createOrUpdateGuest({ email: 'typed.client@example.com', location_id: 2 });
    expect(result).toMatchObject({ action: 'created', record: { email: 'typed.client@example.com', location_id: 2 } });
  });

  it('stops without a write when the search returns more candidates than it checks', async () => {
    const strict = defineUpsert({ ...createOrUpdateGuest.upsert, maxCandidates: 2 });
    for (const prefix of ['a', 'b', 'c']) sandbox.insert.nectifiGuest({ location_id: 1, email: `${prefix}many.match@example.com` });
    const before = st().guests.size;
    const writesBefore = Object.values(sandbox.counters.get().applied).reduce((a, b) => a + b, 0);
    await expect(runUpsert(runner, strict, { email: 'many.match@example.com', location_id: 1, name: 'New' })).rejects.toThrow(
      /Create or Update Guest stopped: looking for many\.match@example\.com found more than 2 guests to check, so it changed nothing/,
    );
    expect(st().guests.size).toBe(before);
    expect(Object.values(sandbox.counters.get().applied).reduce((a, b) => a + b, 0)).toBe(writesBefore);
  });

  it('checks the whole input before the first request', async () => {
    const requests = sandbox.counters.get().requests;
    await expect(runUpsert(runner, createOrUpdateGuest, { email: 'ok@example.com', location_id: 1, tags: 'vip' })).rejects.toThrow(/'tags' \(Tags\)/);
    await expect(runUpsert(runner, createOrUpdateGuest, { email: 'ok@example.com', location_id: 1, phone: '1' })).rejects.toThrow(/'phone'/);
    expect(sandbox.counters.get().requests).toEqual(requests);
  });
});
