import type { Sandbox } from '../sandbox';
import { byId, fromList, runChain, step } from './support/chain';
import { type CredentialStore, stopEngineTimers } from './support/engine';
import { sandboxCredentials, startTestSandbox } from './support/sandbox';

let sandbox: Sandbox;
let credentials: CredentialStore;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  credentials = sandboxCredentials(sandbox);
});
afterAll(async () => {
  await sandbox.close();
  stopEngineTimers();
});

const nectifi = (name: string, resource: string, operation: string, parameters = {}) => step(name, 'nectifi', resource, operation, parameters);

describe('Nectifi workflows through the n8n engine', () => {
  test('guest: create, update, get, list, timeline', async () => {
    const result = await runChain(
      [
        nectifi('Create Guest', 'guest', 'createGuest', {
          locationId: fromList(2),
          portalId: byId(3),
          additionalFields: { name: 'Nora Workflow', email: 'nora.workflow@example.com', marketingConsent: true },
        }),
        nectifi('Update Guest', 'guest', 'updateGuest', { guestId: '={{ $json.id }}', updateFields: { isVip: true, tags: ['vip', 'local'] } }),
        nectifi('Get Guest', 'guest', 'getGuest', { guestId: '={{ $json.id }}' }),
        nectifi('Timeline', 'guest', 'getGuestTimeline', { guestId: '={{ $json.id }}', returnAll: true }),
      ],
      [{}],
      credentials,
    );
    const [created] = result.output('Create Guest');
    const id = created.json.id as number;
    const stored = sandbox.state.nectifi.guests.get(id);
    expect(stored).toMatchObject({ name: 'Nora Workflow', email: 'nora.workflow@example.com', location_id: 2, portal_id: 3, is_vip: true });
    expect(result.output('Get Guest')[0].json).toMatchObject({ id, is_vip: true, tags: ['vip', 'local'] });
    expect(result.output('Get Guest')[0].pairedItem).toEqual({ item: 0 });

    const list = await runChain([nectifi('List', 'guest', 'listGuests', { returnAll: false, limit: 5, filters: { search: 'nora.workflow' } })], [{}], credentials);
    expect(list.output('List').map((i) => i.json.id)).toEqual([id]);
  });
});
