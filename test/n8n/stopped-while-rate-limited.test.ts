import type { Sandbox } from '../sandbox';
import { packageNode, runWorkflow, stopEngineTimers } from './support/engine';
import { sandboxCredentials, startTestSandbox } from './support/sandbox';
import { ITEMS_NODE_TYPE } from './support/node-types';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
  stopEngineTimers();
});

test('an execution stopped while a request waits for a rate-limit slot ends with the reason, and the request is never sent', async () => {
  // A key limited to 1 request per minute: the second guest's request waits about a minute.
  const store = sandboxCredentials(sandbox);
  store.nectifiApi = { ...store.nectifiApi, apiKey: sandbox.keys.nectifi.crmOnly, requestsPerMinute: 1 };
  const items = { id: 'items', name: 'Items', type: ITEMS_NODE_TYPE, typeVersion: 1, position: [0, 0] as [number, number], parameters: { items: JSON.stringify([{ id: 1 }, { id: 2 }]) } };
  const getGuest = packageNode('Get guest', 'nectifi', { resource: 'guest', operation: 'getGuest', guestId: '={{ $json.id }}' }, { nectifiApi: 'Nectifi' });
  const before = sandbox.counters.get().requests['nectifi GET /crm/guests/{guest_id}'] ?? 0;
  const started = Date.now();
  const result = await runWorkflow([items, getGuest], { Items: { main: [[{ node: 'Get guest', type: 'main', index: 0 }]] } }, store, { stopAfterMs: 1_500 });
  expect(Date.now() - started).toBeLessThan(20_000);
  const error = result.error('Get guest');
  expect(error?.message).toMatch(/Nectifi Get Guest was not sent: the run was stopped .*rate limit \(1 request per minute.*nothing was sent/);
  expect((sandbox.counters.get().requests['nectifi GET /crm/guests/{guest_id}'] ?? 0) - before).toBe(1);
});
