import type { IDataObject, INode } from 'n8n-workflow';
import { type Sandbox, startSandbox } from '../sandbox';
import { poll, workflowOf } from './support/contexts';
import { triggerNode } from './support/chain';
import { type CredentialStore, stopEngineTimers } from './support/engine';
import { startHookProxy } from './support/hook-proxy';
import { sandboxCredentials, startTestSandbox } from './support/sandbox';

let sandbox: Sandbox;
let proxy: Awaited<ReturnType<typeof startHookProxy>>;
let credentials: CredentialStore;

/** The credentials point at the proxy, so a test can insert rows between two requests of one poll. */
function viaProxy(store: CredentialStore, sandboxUrl: string, proxyUrl: string): CredentialStore {
  const swap = (value: unknown) => (typeof value === 'string' ? value.replace(sandboxUrl, proxyUrl) : value);
  return Object.fromEntries(
    Object.entries(store).map(([type, data]) => [type, Object.fromEntries(Object.entries(data).map(([k, v]) => [k, swap(v)]))]),
  ) as CredentialStore;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  proxy = await startHookProxy(sandbox.url);
  credentials = viaProxy(sandboxCredentials(sandbox), sandbox.url, proxy.url);
});
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
  stopEngineTimers();
});

const trigger = triggerNode;

const times = <T>(count: number, make: () => T): T[] => Array.from({ length: count }, make);
const sorted = (values: string[]) => [...values].sort();

interface Scenario {
  node: INode;
  insert: () => string;
  key: (json: IDataObject) => string;
  between: number;
  during: number;
  /** Which request of the poll the rows are inserted before (1: before the vendor answers at all). */
  duringAt?: number;
  store?: CredentialStore;
}

/**
 * First activation emits nothing; rows inserted before a poll and while it pages are all emitted,
 * each exactly once, over the next polls; a poll with nothing new emits nothing.
 */
async function expectOnlyNewItems({ node, insert, key, between, during, duringAt = 1, store = credentials }: Scenario) {
  const workflow = workflowOf([node]);
  expect(await poll(workflow, node, store)).toBeNull();
  const before = times(between, insert);
  let inserted: string[] = [];
  countingHook((count) => {
    if (count === duringAt) inserted = times(during, insert);
  });
  const second = (await poll(workflow, node, store)) ?? [];
  countingHook();
  expect(inserted).toHaveLength(during);
  const third = (await poll(workflow, node, store)) ?? [];
  const emitted = [...second, ...third].map(key);
  expect(sorted(second.map(key)).filter((k) => before.includes(k))).toEqual(sorted(before));
  expect(sorted(emitted)).toEqual(sorted([...before, ...inserted]));
  const requestsBefore = proxyRequests;
  expect(await poll(workflow, node, store)).toBeNull();
  return { emitted: [...second, ...third], quietPollRequests: proxyRequests - requestsBefore, workflow };
}

let proxyRequests = 0;
beforeEach(() => {
  proxyRequests = 0;
  proxy.setHook(() => {
    proxyRequests += 1;
  });
});

function countingHook(extra?: (count: number) => void) {
  proxy.setHook(({ count }) => {
    proxyRequests += 1;
    extra?.(count);
  });
}

describe('polling triggers emit only new items', () => {
  test('Nectifi new guest: 120 guests across pages, 5 more between page 1 and page 2, each once', async () => {
    const insert = () => String(sandbox.insert.nectifiGuest().id);
    const node = trigger('nectifiPollingTrigger', { event: 'newGuest' });
    const workflow = workflowOf([node]);
    expect(await poll(workflow, node, credentials)).toBeNull();
    const before = times(120, insert);
    let during: string[] = [];
    // Page 2 is asked for after 5 newer guests pushed every row down by 5: page 2 repeats 5 rows.
    countingHook((count) => {
      if (count === 2) during = times(5, insert);
    });
    const second = (await poll(workflow, node, credentials))!;
    countingHook();
    const third = (await poll(workflow, node, credentials))!;
    expect(sorted(second.map((j) => String(j.id)))).toEqual(sorted(before));
    expect(sorted(third.map((j) => String(j.id)))).toEqual(sorted(during));
    // Oldest first within a poll.
    expect(second.map((j) => Number(j.id))).toEqual([...second.map((j) => Number(j.id))].sort((a, b) => a - b));
    proxyRequests = 0;
    expect(await poll(workflow, node, credentials)).toBeNull();
    // The rows of the look-back (30 minutes: all 125 here) are read again, in case one was written
    // late under a vendor that sorts by time: the first page of 50, then one of 200.
    expect(proxyRequests).toBe(2);
  });

  test('Nectifi new WiFi session at one location', async () => {
    const guest = sandbox.insert.nectifiGuest({ location_id: 2 }).id as number;
    const node = trigger('nectifiPollingTrigger', { event: 'newSession', locationId: { __rl: true, mode: 'list', value: '2' } });
    const { emitted } = await expectOnlyNewItems({
      node,
      insert: () => {
        sandbox.insert.nectifiSession({ guest_id: guest, location_id: 1 });
        return String(sandbox.insert.nectifiSession({ guest_id: guest, location_id: 2 }).id);
      },
      key: (json) => String(json.id),
      between: 4,
      during: 3,
    });
    expect(new Set(emitted.map((j) => j.location_id))).toEqual(new Set([2]));
  });

  test('Splash Air new customer and new customer visit', async () => {
    await expectOnlyNewItems({
      node: trigger('splashAirTrigger', { event: 'newCustomer' }),
      insert: () => String(sandbox.insert.splashCustomer().id),
      key: (json) => String(json.id),
      between: 30,
      during: 4,
    });
    await expectOnlyNewItems({
      node: trigger('splashAirTrigger', { event: 'newVisit' }),
      insert: () => String(sandbox.insert.splashVisit().id),
      key: (json) => String(json.id),
      between: 12,
      during: 3,
    });
  });

  test('SmartWiFi new guest, new connection and new guest plan', async () => {
    await expectOnlyNewItems({
      node: trigger('smartWifiTrigger', { event: 'newGuest' }),
      insert: () => String(sandbox.insert.smartwifiGuest().id),
      key: (json) => String(json.id),
      between: 6,
      during: 2,
    });
    const connectionKey = (c: IDataObject) => [c.guesttoken, c.macaddress, c.date].map(String).join('|');
    await expectOnlyNewItems({
      node: trigger('smartWifiTrigger', { event: 'newConnection' }),
      insert: () => connectionKey(sandbox.insert.smartwifiConnection() as IDataObject),
      key: connectionKey,
      between: 8,
      during: 3,
    });
    const planKey = (p: IDataObject) => [p.token, p.guest_plan_start, p.guest_plan_name].map(String).join('|');
    await expectOnlyNewItems({
      node: trigger('smartWifiTrigger', { event: 'newGuestPlan', planState: 'any' }),
      insert: () => planKey(sandbox.insert.smartwifiGuestPlan() as IDataObject),
      key: planKey,
      between: 5,
      during: 2,
      duringAt: 2,
    });
  });

  test('anykrowd new wallet transaction, for one wallet and for all wallets of a user', async () => {
    const { walletId, userExternalId } = sandbox.keys.anykrowd;
    await expectOnlyNewItems({
      node: trigger('anykrowdTrigger', { event: 'newWalletTransaction', watch: 'wallet', walletId }),
      insert: () => String(sandbox.insert.anykrowdTransaction(walletId).id),
      key: (json) => String(json.id),
      between: 60,
      during: 4,
      duringAt: 2,
    });
    const user = sandbox.state.anykrowd.userByExternalId(userExternalId)!;
    const wallets = sandbox.state.anykrowd.walletsOf(user.id).map((w) => w.id);
    expect(wallets.length).toBeGreaterThan(1);
    let next = 0;
    await expectOnlyNewItems({
      node: trigger('anykrowdTrigger', { event: 'newWalletTransaction', watch: 'user', externalId: userExternalId }),
      insert: () => String(sandbox.insert.anykrowdTransaction(wallets[next++ % wallets.length]).id),
      key: (json) => String(json.id),
      between: 6,
      during: 2,
    });
  });

  test('a manual test run returns a few recent items and leaves the polling state alone', async () => {
    const node = trigger('nectifiPollingTrigger', { event: 'newGuest' });
    const workflow = workflowOf([node]);
    await poll(workflow, node, credentials);
    const state = JSON.stringify(workflow.staticData);
    const newest = times(7, () => Number(sandbox.insert.nectifiGuest().id));
    const sample = (await poll(workflow, node, credentials, 'manual'))!;
    expect(sample.map((j) => j.id)).toEqual(newest.slice(-5));
    expect(JSON.stringify(workflow.staticData)).toBe(state);
    const emitted = (await poll(workflow, node, credentials))!;
    expect(emitted.map((j) => j.id)).toEqual(newest);

    for (const [type, parameters] of [
      ['splashAirTrigger', { event: 'newVisit' }],
      ['smartWifiTrigger', { event: 'newConnection' }],
      ['smartWifiTrigger', { event: 'newGuestPlan', planState: 'any' }],
      ['anykrowdTrigger', { event: 'newWalletTransaction', watch: 'wallet', walletId: sandbox.keys.anykrowd.walletId }],
    ] as const) {
      const other = trigger(type, parameters);
      const recent = await poll(workflowOf([other]), other, credentials, 'manual');
      expect([type, recent?.length]).toEqual([type, 5]);
    }
  });
});

describe('SmartWiFi guests without ids (as in the doc example)', () => {
  let blank: Sandbox;
  beforeAll(async () => {
    blank = await startSandbox({ port: 0, seed: 3, smartwifiBlankGuestIds: true, scale: { smartwifiGuests: 300, smartwifiConnections: 100 } });
  });
  afterAll(async () => {
    await blank.close();
  });

  test('new guests are recognised by MAC address', async () => {
    const store = sandboxCredentials(blank);
    const node = trigger('smartWifiTrigger', { event: 'newGuest' });
    const workflow = workflowOf([node]);
    expect(await poll(workflow, node, store)).toBeNull();
    const macs = times(4, () => String(blank.insert.smartwifiGuest().macaddress));
    const emitted = (await poll(workflow, node, store))!;
    expect(emitted.every((j) => j.id === undefined || j.id === null || j.id === '')).toBe(true);
    expect(emitted.map((j) => String(j.macaddress))).toEqual(macs);
    expect(await poll(workflow, node, store)).toBeNull();
  });
});
