import { stopEngineTimers } from '../n8n/support/engine';
import { recordOutput } from '../n8n/support/record';
import { recordFigures } from '../support/figures';
import { deliveryBody, signed } from './support/deliveries';
import { N8nWebhookEndpoint, nectifiTriggerNode } from './support/n8n-endpoint';

/**
 * n8n (regular mode, and a queue-mode webhook process) runs every webhook request on its own copy
 * of the workflow's static data and writes it back afterwards without a lock. These deliveries
 * overlap the way simultaneous HTTP requests do there.
 */
/** For the run's closing figures: every copy after a delivery's first counts as a replay. */
const tally = { valid: 0, emitted: 0, replays: 0, replaysEmitted: 0 };
afterAll(() => {
  recordFigures({ kind: 'webhook', name: 'n8n Nectifi Trigger, concurrent deliveries', ...tally });
  stopEngineTimers();
});

const COPIES = 8;

describe('Nectifi Trigger in n8n: simultaneous deliveries', () => {
  test(`${COPIES} simultaneous copies of one signed delivery start one execution`, async () => {
    const endpoint = new N8nWebhookEndpoint();
    const body = deliveryBody('guest.created', { guest_id: 7001 });
    // A sender retrying on a timeout sends the same body under new delivery ids.
    const answers = await Promise.all(Array.from({ length: COPIES }, () => endpoint.deliver(body, signed(body).headers)));
    recordOutput(answers.map((a) => a.body));
    // A later copy, in this process or after a restart, starts nothing either.
    const later = [await endpoint.deliver(body, signed(body).headers), await endpoint.afterRestart().deliver(body, signed(body).headers)];
    const started = answers.reduce((sum, a) => sum + a.emitted.length, 0);
    tally.valid += 1;
    tally.emitted += Math.min(started, 1);
    tally.replays += COPIES - 1 + later.length;
    tally.replaysEmitted += Math.max(0, started - 1) + later.reduce((sum, a) => sum + a.emitted.length, 0);
    expect(answers.map((a) => a.status)).toEqual(Array(COPIES).fill(200));
    expect(answers.map((a) => a.emitted.length).sort()).toEqual([...Array(COPIES - 1).fill(0), 1]);
    expect(later.map((a) => a.emitted.length)).toEqual([0, 0]);
  });

  test('simultaneous distinct deliveries each start once and none erases the record of another', async () => {
    const endpoint = new N8nWebhookEndpoint();
    const bodies = Array.from({ length: 5 }, (_, i) => deliveryBody('loyalty.points_added', { guest_id: 7100 + i, points: 10 }));
    const first = await Promise.all(bodies.map((body) => endpoint.deliver(body, signed(body).headers)));
    expect(first.map((a) => a.emitted.length)).toEqual([1, 1, 1, 1, 1]);
    // The stored static data holds all five (the last writer carried every record), so a replay
    // of each after a restart starts nothing: before, four of the five ran again.
    const restarted = endpoint.afterRestart();
    const replays = await Promise.all(bodies.map((body) => restarted.deliver(body, signed(body).headers)));
    tally.valid += bodies.length;
    tally.emitted += first.reduce((sum, a) => sum + a.emitted.length, 0);
    tally.replays += replays.length;
    tally.replaysEmitted += replays.reduce((sum, a) => sum + a.emitted.length, 0);
    expect(replays.map((a) => a.emitted.length)).toEqual([0, 0, 0, 0, 0]);
  });

  test('with no Freshness Window (0) a delivery still starts once, also replayed after a restart', async () => {
    const endpoint = new N8nWebhookEndpoint(nectifiTriggerNode({ options: { toleranceSeconds: 0 } }));
    const body = deliveryBody('guest.created', { guest_id: 7401 });
    const answers = await Promise.all([1, 2, 3].map(() => endpoint.deliver(body, signed(body).headers)));
    const replay = await endpoint.afterRestart().deliver(body, signed(body).headers);
    expect(answers.map((a) => a.emitted.length).sort()).toEqual([0, 0, 1]);
    expect(replay.emitted).toHaveLength(0);
  });

  test('a delivery sent to both the production URL and the editor\'s test URL runs in each', async () => {
    const production = new N8nWebhookEndpoint();
    const body = deliveryBody('guest.created', { guest_id: 7301 });
    const [live, test] = await Promise.all([production.deliver(body, signed(body).headers), production.testUrl().deliver(body, signed(body).headers)]);
    expect([live.emitted.length, test.emitted.length]).toEqual([1, 1]);
  });

  test('every copy of a delivery carries the same signed dedup_key, and other deliveries another', async () => {
    const body = deliveryBody('guest.created', { guest_id: 7201 });
    const other = deliveryBody('guest.created', { guest_id: 7202 });
    // Two workflows (or two webhook processes that do not share memory) both start: the key lets a downstream step drop the second.
    const [a, b, c] = await Promise.all([
      new N8nWebhookEndpoint().deliver(body, signed(body).headers),
      new N8nWebhookEndpoint().deliver(body, signed(body).headers),
      new N8nWebhookEndpoint().deliver(other, signed(other).headers),
    ]);
    const keyOf = (answer: typeof a) => answer.emitted[0]?.json.dedup_key;
    expect(keyOf(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(keyOf(b)).toBe(keyOf(a));
    expect(keyOf(c)).not.toBe(keyOf(a));
  });
});
