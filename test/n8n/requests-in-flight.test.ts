/**
 * Overlapping items inside one node run (Options > Requests in Flight), through n8n's engine against
 * the sandbox with latency: output in input order, each item paired to its input, continue-on-fail
 * per item, and writes that are not safe to repeat one at a time unless every outcome is reported.
 */
import type { Sandbox } from '../sandbox';
import { runChain, step } from './support/chain';
import { type CredentialStore, stopEngineTimers } from './support/engine';
import { sandboxCredentials, startTestSandbox } from './support/sandbox';

let sandbox: Sandbox;
let credentials: CredentialStore;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  credentials = sandboxCredentials(sandbox);
  // Long enough that requests of one run overlap at the sandbox when the node lets them.
  sandbox.latency.set(40);
});
afterAll(async () => {
  await sandbox.close();
  stopEngineTimers();
});
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.counters.reset();
});

const maxInFlight = (vendor: string) => sandbox.counters.get().maxInFlight[vendor] ?? 0;
const guestIds = (count: number) => Array.from({ length: count }, (_, i) => 1 + ((i * 37) % sandbox.state.nectifi.guests.seededCount));
/** Requests in Flight exists from node version 1.1. */
const V = { typeVersion: 1.1 };
const getGuest = (options: Record<string, number> = {}, extra = {}) =>
  step('Get Guest', 'nectifi', 'guest', 'getGuest', { guestId: '={{ $json.guest }}', options }, { ...V, ...extra });

test('reads overlap up to Requests in Flight; output keeps the input order and pairing', async () => {
  const ids = guestIds(24);
  const result = await runChain([getGuest()], ids.map((guest) => ({ guest })), credentials);
  const out = result.output('Get Guest');
  expect(out.map((item) => item.json.id)).toEqual(ids);
  expect(out.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
  expect(maxInFlight('nectifi')).toBeGreaterThan(1);
  expect(maxInFlight('nectifi')).toBeLessThanOrEqual(32);

  sandbox.counters.reset();
  const three = await runChain([getGuest({ requestsInFlight: 3 })], ids.map((guest) => ({ guest })), credentials);
  expect(three.output('Get Guest').map((item) => item.json.id)).toEqual(ids);
  expect(maxInFlight('nectifi')).toBeLessThanOrEqual(3);

  sandbox.counters.reset();
  await runChain([getGuest({ requestsInFlight: 1 })], ids.slice(0, 6).map((guest) => ({ guest })), credentials);
  expect(maxInFlight('nectifi')).toBe(1);
});

test('a node saved at version 1 runs its items one at a time, as it always did', async () => {
  const ids = guestIds(6);
  const result = await runChain([getGuest({}, { typeVersion: 1 })], ids.map((guest) => ({ guest })), credentials);
  expect(result.output('Get Guest').map((item) => item.json.id)).toEqual(ids);
  expect(maxInFlight('nectifi')).toBe(1);
});

test('continue on fail: a failed item keeps its place and its pairing among overlapped ones', async () => {
  const ids = guestIds(10);
  const input = ids.map((guest, i) => ({ guest: i === 3 || i === 7 ? 99_999_000 + i : guest }));
  const result = await runChain([getGuest({}, { continueOnFail: true })], input, credentials);
  const out = result.output('Get Guest');
  expect(out).toHaveLength(10);
  out.forEach((item, i) => {
    expect(item.pairedItem).toEqual({ item: i });
    if (i === 3 || i === 7) expect(item.json).toMatchObject({ status: 404, vendor: 'nectifi' });
    else expect(item.json.id).toBe(ids[i]);
  });
});

test('without continue on fail, the first failed item fails the node and is named', async () => {
  const ids = guestIds(12);
  const input = ids.map((guest, i) => ({ guest: i === 5 ? 99_999_005 : guest }));
  const result = await runChain([getGuest()], input, credentials);
  const error = result.error('Get Guest') as (Error & { context?: { itemIndex?: number } }) | undefined;
  expect(error?.message).toMatch(/404|not found/i);
  expect(error?.context?.itemIndex).toBe(5);
});

describe('writes that are not safe to repeat (anykrowd top-ups)', () => {
  const topUp = (extra = {}, walletId: string | number = sandbox.keys.anykrowd.walletId) =>
    step('Top Up', 'anykrowd', 'wallet', 'topUpWallet', { walletId, amount: '1.00', currencyId: { __rl: true, mode: 'id', value: String(sandbox.keys.anykrowd.currencyId) } }, { ...V, ...extra });
  const applied = () => sandbox.counters.get().applied['anykrowd POST /apix/v1/wallets/topup'] ?? 0;

  test('run one at a time; a failure stops at that item, nothing after it is applied', async () => {
    // The third item names a wallet the vendor does not have: the node stops there.
    const walletId = `={{ $json.i === 2 ? 987654321 : ${sandbox.keys.anykrowd.walletId} }}`;
    const result = await runChain([topUp({}, walletId)], Array.from({ length: 6 }, (_, i) => ({ i })), credentials);
    const error = result.error('Top Up') as (Error & { context?: { itemIndex?: number } }) | undefined;
    expect(error?.context?.itemIndex).toBe(2);
    expect(maxInFlight('anykrowd')).toBe(1);
    expect(applied()).toBe(2);
  });

  test('overlap with continue on fail, every outcome reported in its place, each applied once', async () => {
    const result = await runChain([topUp({ continueOnFail: true })], Array.from({ length: 8 }, (_, i) => ({ i })), credentials);
    const out = result.output('Top Up');
    expect(out.map((item) => item.pairedItem)).toEqual(Array.from({ length: 8 }, (_, item) => ({ item })));
    expect(out.every((item) => typeof item.json.nanoid === 'string')).toBe(true);
    expect(new Set(out.map((item) => item.json.nanoid)).size).toBe(8);
    expect(applied()).toBe(8);
    expect(maxInFlight('anykrowd')).toBeGreaterThan(1);
  });
});
