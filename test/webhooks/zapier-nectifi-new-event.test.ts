import { type ZapierHarness, startZapierHarness } from '../zapier/support/harness';
import { recordFigures } from '../support/figures';
import { type Delivery, hostileDeliveries, sign, validDelivery } from './support/deliveries';

let h: ZapierHarness;
let authData: Record<string, string>;

beforeAll(async () => {
  h = await startZapierHarness('nectifi');
  authData = { apiKey: h.sandbox.keys.nectifi.full, baseUrl: h.sandbox.urls.nectifi, allowHttp: 'true', webhookSecret: h.sandbox.keys.nectifi.webhookSecret };
});
/** Deliveries tried, for the run's closing figures. */
const tally = { hostile: 0, refused: 0, replays: 0, replaysEmitted: 0, valid: 0, emitted: 0 };
afterAll(async () => {
  recordFigures({ kind: 'webhook', name: 'Zapier Nectifi New Event', ...tally });
  await h?.close();
});

/** A static hook's bundle: Zapier hands the raw request over, headers prefixed `Http-`. */
const bundleFor = (delivery: Delivery) => ({
  authData,
  rawRequest: { method: 'POST', content: delivery.body, headers: Object.fromEntries(Object.entries(delivery.headers).map(([k, v]) => [`Http-${k}`, v])) },
  cleanedRequest: safeJson(delivery.body),
});
const perform = () => h.app.triggers.newEvent.operation.perform;
const deliver = (delivery: Delivery) => h.run<Array<Record<string, unknown>>>(perform(), bundleFor(delivery));

/** The last line the app wrote with z.console, as Zapier stores it. */
function lastConsoleLine(): string {
  const lines = h.logs
    .text()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { message: string; data: { log_type?: string } })
    .filter((line) => line.data.log_type === 'console');
  return lines[lines.length - 1]?.message ?? '';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

// Zapier answers the sender itself (a static hook always gets 200): what the app decides is
// whether the Zap runs, i.e. what perform returns.
describe('Nectifi New Event in Zapier: what a delivery must be to run the Zap', () => {
  test.each(hostileDeliveries().map((hostile) => [hostile.name, hostile] as const))('%s runs nothing, and the log says why', async (_name, hostile) => {
    const events = await deliver(hostile.delivery);
    tally.hostile += 1;
    tally.refused += events.length === 0 ? 1 : 0;
    expect(events).toEqual([]);
    expect(lastConsoleLine()).toMatch(new RegExp(`^Nectifi delivery ignored: .*${hostile.reason.source}`));
  });

  test.each([
    ['with the sha256= prefix', true],
    ['without the prefix', false],
  ])('a valid delivery signed %s runs the Zap once', async (_name, prefix) => {
    const delivery = validDelivery(prefix);
    const events = await deliver(delivery);
    tally.valid += 1;
    tally.emitted += events.length;
    expect(events).toEqual([expect.objectContaining({ event: 'guest.created', payload: JSON.parse(delivery.body).payload, id: delivery.headers['X-Nectifi-Delivery'] })]);
  });
});

describe('Nectifi New Event in Zapier: a delivery runs the Zap exactly once', () => {
  test('a replayed delivery runs nothing, however often and whatever its delivery id (the guard lives in z.cache)', async () => {
    const delivery = validDelivery(true);
    const counts = [];
    counts.push((await deliver(delivery)).length);
    counts.push((await deliver(delivery)).length);
    counts.push((await deliver({ body: delivery.body, headers: { ...delivery.headers, 'X-Nectifi-Delivery': 'another-id' } })).length);
    counts.push((await deliver({ body: delivery.body, headers: { ...delivery.headers, 'X-Nectifi-Signature': sign(delivery.body, undefined, false) } })).length);
    expect(counts).toEqual([1, 0, 0, 0]);
    tally.replays += 3;
    tally.replaysEmitted += counts[1] + counts[2] + counts[3];
    expect(lastConsoleLine()).toMatch(/^Nectifi delivery ignored: it was already received/);
  });

  test('no secret shows in any log line or error of these deliveries', () => {
    expect(h.leakedSecrets()).toEqual([]);
  });
});
