import type { INode } from 'n8n-workflow';
import type { Sandbox } from '../sandbox';
import { engineLogger, nodeTypeOf, runWebhookLifecycle, workflowOf } from './support/contexts';
import { type CredentialStore, packageNode } from './support/engine';
import { CREDENTIAL_NAMES, useEngineSandbox } from './support/sandbox';

// Nectifi has no webhook subscription API: activation and deactivation must not call Nectifi, and
// must tell the user, with the URL, that registering and removing it is theirs to do.
let sandbox: Sandbox;
let credentials: CredentialStore;
const totalRequests = () => Object.values(sandbox.counters.get().requests).reduce((a, b) => a + b, 0);

useEngineSandbox((started, stored) => {
  sandbox = started;
  credentials = stored;
});

const trigger = (): INode =>
  packageNode('Nectifi Trigger', 'nectifiTrigger', { events: [], options: {} }, { nectifiApi: CREDENTIAL_NAMES.nectifiApi }, { webhookId: 'a1b2c3' });

describe('Nectifi Trigger webhook lifecycle (manual registration)', () => {
  test('activation hands out the production URL once, deactivation forgets it; Nectifi is never called', async () => {
    const logged: string[] = [];
    const info = jest.spyOn(engineLogger(), 'info').mockImplementation((message: string) => void logged.push(message));
    try {
      const node = trigger();
      const workflow = workflowOf([node]);
      const before = totalRequests();
      const url = 'http://127.0.0.1/webhook/a1b2c3/webhook';

      expect(await runWebhookLifecycle(workflow, node, credentials, 'activate')).toEqual(['checkExists', 'create']);
      expect(logged).toEqual([expect.stringContaining(`nothing was registered with Nectifi. Register ${url} as a webhook in your Nectifi workspace`)]);

      // n8n restarted with the workflow still active: the same URL, nothing new to tell.
      expect(await runWebhookLifecycle(workflow, node, credentials, 'activate')).toEqual(['checkExists']);
      expect(logged).toHaveLength(1);

      expect(await runWebhookLifecycle(workflow, node, credentials, 'deactivate')).toEqual(['delete']);
      expect(logged[1]).toContain(`if ${url} is registered in your Nectifi workspace, remove it there`);
      expect(await runWebhookLifecycle(workflow, node, credentials, 'activate')).toEqual(['checkExists', 'create']);

      expect(totalRequests()).toBe(before);
    } finally {
      info.mockRestore();
    }
  });

  test('the node says in its notice that nothing is registered with Nectifi', () => {
    const notice = nodeTypeOf(trigger()).description.properties.find((p) => p.type === 'notice');
    expect(notice?.displayName).toContain('registers nothing with Nectifi');
  });
});
