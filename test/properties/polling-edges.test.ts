import type { IPollFunctions } from 'n8n-workflow';
import { SMARTWIFI_POLL_EVENTS, SPLASH_POLL_EVENTS } from '../../nodes/common';
import type { HttpRequest, HttpResponse, Transport } from '../../shared/http/transport';
import { OFFLINE_CREDENTIALS, runnerFor } from '../support/runners';
import { World } from './support/world';

// Edge cases the property runs found, pinned down one by one.

const context = (parameters: Record<string, unknown>) =>
  ({ getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback) }) as unknown as IPollFunctions;

describe('time window: a row in the second before the window start', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start();
  });
  afterAll(async () => {
    await world.close();
  });

  test('is neither emitted as new nor emitted again when the first poll ran at a fraction of a second', async () => {
    const event = SPLASH_POLL_EVENTS.find((e) => e.value === 'newVisit')!;
    const lookBack = 2 * 60_000;
    world.beginRun(0, 60_000, true);
    // The first poll at hh:mm:ss.700: its window starts at the whole second before, 2 minutes back.
    world.clock.machineMs = Math.floor(world.clock.machineMs / 1000) * 1000 + 700;
    const edge = Math.floor((world.clock.machineMs - lookBack) / 1000) * 1000;
    const old = world.sandbox.insert.splashVisit({ created_at: edge });
    const ctx = context({ event: 'newVisit', options: { lookBackMinutes: 2 } });
    const runner = world.runner('splash');
    let state: unknown;
    const emitted: unknown[] = [];
    for (let poll = 0; poll < 4; poll++) {
      const result = await event.poll(ctx, runner, state === undefined ? undefined : JSON.parse(JSON.stringify(state)), world.clock.machineMs);
      state = result.state;
      emitted.push(...result.items.map((item) => item.id));
      world.clock.advance(30_000);
    }
    expect(emitted).not.toContain(old.id);
  });
});

/** A SmartWiFi that answers the guest list from a script: `[]` for an empty account. */
class ScriptedGuests implements Transport {
  constructor(private readonly answers: Array<Array<{ id: number; macaddress: string }>>) {}
  async send(_request: HttpRequest): Promise<HttpResponse> {
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(this.answers.shift() ?? []) };
  }
}

describe('full list (SmartWiFi guests)', () => {
  const event = SMARTWIFI_POLL_EVENTS.find((e) => e.value === 'newGuest')!;
  const guest = (id: number) => ({ id, macaddress: `AA-BB-CC-DD-EE-${String(id).padStart(2, '0')}` });

  async function polls(answers: Array<Array<{ id: number; macaddress: string }>>): Promise<unknown[][]> {
    const runner = runnerFor('smartwifi', OFFLINE_CREDENTIALS, { transport: new ScriptedGuests([...answers]), rateLimit: false });
    let state: unknown;
    const emitted: unknown[][] = [];
    for (let i = 0; i < answers.length; i++) {
      const result = await event.poll(context({ event: 'newGuest' }), runner, state === undefined ? undefined : JSON.parse(JSON.stringify(state)));
      state = result.state;
      emitted.push(result.items.map((item) => item.id));
    }
    return emitted;
  }

  test('an account that has no guests yet at the first poll: its first guests are emitted', async () => {
    expect(await polls([[], [guest(2), guest(1)], [guest(3), guest(2), guest(1)]])).toEqual([[], [1, 2], [3]]);
  });

  test('an empty answer between two polls keeps the place: nothing is emitted again, nothing lost', async () => {
    expect(await polls([[guest(2), guest(1)], [], [guest(3), guest(2), guest(1)]])).toEqual([[], [], [3]]);
  });

  test('a list too long to spread into Math.max still has its newest id found', async () => {
    const many = Array.from({ length: 200_000 }, (_, i) => guest(200_000 - i));
    expect(await polls([many, [guest(200_001), ...many]])).toEqual([[], [200_001]]);
  });
});
