import { stopEngineTimers } from '../n8n/support/engine';
import { recordOutput } from '../n8n/support/record';
import { recordFigures } from '../support/figures';
import { deliveryBody, hostileDeliveries, sign, signed, validDelivery } from './support/deliveries';
import { N8nWebhookEndpoint } from './support/n8n-endpoint';

/** Deliveries tried, for the run's closing figures. */
const tally = { hostile: 0, refused: 0, replays: 0, replaysEmitted: 0, valid: 0, emitted: 0 };
afterAll(() => {
  recordFigures({ kind: 'webhook', name: 'n8n Nectifi Trigger', ...tally });
  stopEngineTimers();
});

const replayEntries = (endpoint: N8nWebhookEndpoint) =>
  Object.keys(((endpoint.staticData['node:Nectifi Trigger'] as { replay?: { seen: object } } | undefined)?.replay?.seen ?? {}) as object).length;

describe('Nectifi Trigger in n8n: what a delivery must be to start the workflow', () => {
  test.each(hostileDeliveries().map((h) => [h.name, h] as const))('%s is refused with the right status and starts nothing', async (_name, hostile) => {
    const endpoint = new N8nWebhookEndpoint();
    const answer = await endpoint.deliver(hostile.delivery.body, hostile.delivery.headers);
    recordOutput(answer.body);
    expect(answer.status).toBe(hostile.status);
    expect(answer.body).toEqual({ error: expect.stringMatching(hostile.reason) });
    expect(answer.emitted).toEqual([]);
    expect(replayEntries(endpoint)).toBe(0);
    tally.hostile += 1;
    tally.refused += answer.status >= 400 && answer.emitted.length === 0 ? 1 : 0;
  });

  test.each([
    ['with the sha256= prefix', true],
    ['without the prefix', false],
  ])('a valid delivery signed %s starts the workflow once', async (_name, prefix) => {
    const endpoint = new N8nWebhookEndpoint();
    const delivery = validDelivery(prefix);
    const answer = await endpoint.deliver(delivery.body, delivery.headers);
    tally.valid += 1;
    tally.emitted += answer.emitted.length;
    expect(answer.status).toBe(200);
    expect(answer.emitted.map((item) => item.json)).toEqual([
      expect.objectContaining({ event: 'guest.created', payload: JSON.parse(delivery.body).payload, delivery_id: delivery.headers['X-Nectifi-Delivery'] }),
    ]);
  });
});

describe('Nectifi Trigger in n8n: a delivery starts the workflow exactly once', () => {
  test('a replayed delivery is answered 200 and starts nothing, however often and whatever its delivery id', async () => {
    const endpoint = new N8nWebhookEndpoint();
    const delivery = validDelivery(true);
    const answers = [];
    answers.push(await endpoint.deliver(delivery.body, delivery.headers));
    answers.push(await endpoint.deliver(delivery.body, delivery.headers));
    // The delivery id header is not signed: a replay under a new id is the same delivery.
    answers.push(await endpoint.deliver(delivery.body, { ...delivery.headers, 'X-Nectifi-Delivery': 'another-id' }));
    // The other spelling of the same signature is still the same delivery.
    answers.push(await endpoint.deliver(delivery.body, { ...delivery.headers, 'X-Nectifi-Signature': sign(delivery.body, undefined, false) }));
    recordOutput(answers.map((a) => a.body));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => a.emitted.length)).toEqual([1, 0, 0, 0]);
    tally.replays += 3;
    tally.replaysEmitted += answers.slice(1).reduce((sum, a) => sum + a.emitted.length, 0);
    expect(answers[1].body).toEqual({ received: true, ignored: 'this delivery was already received' });
  });

  test('the trigger still knows a delivery after n8n reloads the workflow (the guard lives in static data)', async () => {
    const first = new N8nWebhookEndpoint();
    const delivery = validDelivery(true);
    expect((await first.deliver(delivery.body, delivery.headers)).emitted).toHaveLength(1);
    expect(replayEntries(first)).toBe(1);
    // Every delivery already runs on a freshly built workflow; a second endpoint shares nothing else.
    expect((await first.deliver(delivery.body, delivery.headers)).emitted).toHaveLength(0);
    const other = new N8nWebhookEndpoint();
    expect((await other.deliver(delivery.body, delivery.headers)).emitted).toHaveLength(1);
  });

  test('deliveries of an event the trigger does not watch are not remembered', async () => {
    const endpoint = new N8nWebhookEndpoint();
    const body = deliveryBody('visit.started', { session_id: 1 });
    const filtered = new N8nWebhookEndpoint(endpoint.node);
    Object.assign(filtered.node.parameters, { events: ['guest.created'] });
    const answer = await filtered.deliver(body, signed(body).headers);
    expect(answer.emitted).toEqual([]);
    expect(replayEntries(filtered)).toBe(0);
  });

  test('the replay guard forgets deliveries once they are too old to be accepted anyway: its size stays bounded', async () => {
    const endpoint = new N8nWebhookEndpoint();
    const start = Date.now();
    const now = jest.spyOn(Date, 'now');
    try {
      now.mockReturnValue(start);
      for (let i = 0; i < 40; i++) {
        const body = deliveryBody('guest.updated', { guest_id: i }, start);
        expect((await endpoint.deliver(body, signed(body).headers)).emitted).toHaveLength(1);
      }
      expect(replayEntries(endpoint)).toBe(40);
      now.mockReturnValue(start + 6 * 60_000);
      const later = deliveryBody('guest.updated', { guest_id: 99 }, start + 6 * 60_000);
      expect((await endpoint.deliver(later, signed(later).headers)).emitted).toHaveLength(1);
      expect(replayEntries(endpoint)).toBe(1);
      // An old delivery replayed now is refused as stale, not let in because it was forgotten.
      const old = deliveryBody('guest.updated', { guest_id: 0 }, start);
      expect((await endpoint.deliver(old, signed(old).headers)).status).toBe(401);
    } finally {
      now.mockRestore();
    }
  });
});
