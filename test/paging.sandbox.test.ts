import { ALL_OPERATIONS } from '../shared/catalog';
import { paginate } from '../shared/client/paginate';
import { WINDOW_TARGET_ITEMS, firstWindow, nextWindow } from '../shared/client/window-sizing';
import type { OperationDeclaration } from '../shared/core/operation';
import { UndiciTransport } from '../shared/http/undici-transport';
import type { HttpRequest, Transport } from '../shared/http/transport';
import type { Sandbox } from './sandbox';
import { runnerFor } from './support/runners';
import { sandboxCredentials, startTestSandbox } from './support/sandbox';

let sandbox: Sandbox;
const transport = new UndiciTransport();
beforeAll(async () => (sandbox = await startTestSandbox()));
afterAll(async () => {
  await transport.close();
  await sandbox.close();
});
beforeEach(() => sandbox.counters.reset());

const op = (id: string) => ALL_OPERATIONS.find((candidate) => candidate.id === id) as OperationDeclaration;
const requests = (route: string) => sandbox.counters.get().requests[route] ?? 0;

async function collect(iterator: AsyncIterable<unknown>): Promise<any[]> {
  const items = [];
  for await (const item of iterator) items.push(item);
  return items;
}

/** Lets a test act between the pages of a walk, the way real traffic arrives while we page. */
function transportWithHook(after: (request: HttpRequest) => void): Transport {
  return { send: async (request) => transport.send(request).finally(() => after(request)) };
}

describe('paging iterators against the sandbox', () => {
  it('walks every Nectifi guest once while new guests arrive between pages (offsets shift)', async () => {
    const arriving = transportWithHook(() => {
      for (let i = 0; i < 3; i++) sandbox.insert.nectifiGuest({ name: 'Late Arrival' });
    });
    const runner = runnerFor('nectifi', sandboxCredentials(sandbox), { transport: arriving });
    const guests = await collect(paginate(runner, op('nectifi.listGuests'), {}));
    const ids = guests.map((guest) => guest.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let id = 1; id <= 5000; id++) expect(ids).toContain(id);
    expect(requests('nectifi GET /crm/guests')).toBe(Math.ceil(5000 / 200) + 1);
  });

  it('walks all Splash customers of the team page by page, as many as the vendor totals', async () => {
    const runner = runnerFor('splash', sandboxCredentials(sandbox));
    const first = await runner.send(op('splash.listCustomers'), runner.prepare(op('splash.listCustomers'), { per_page: 1 }));
    const total = (first.body as { total: number }).total;
    const customers = await collect(paginate(runner, op('splash.listCustomers'), {}));
    expect(customers).toHaveLength(total);
    expect(new Set(customers.map((c) => c.id)).size).toBe(total);
    expect(requests('splash GET /api/customers')).toBe(1 + Math.ceil(total / 500));
  });

  it('walks anykrowd wallet transactions by Laravel meta', async () => {
    const runner = runnerFor('anykrowd', sandboxCredentials(sandbox));
    const input = { id: sandbox.keys.anykrowd.walletId };
    const first = await runner.send(op('anykrowd.listWalletTransactions'), runner.prepare(op('anykrowd.listWalletTransactions'), { ...input, limit: 1 }));
    const total = (first.body as { meta: { total: number } }).meta.total;
    const transactions = await collect(paginate(runner, op('anykrowd.listWalletTransactions'), { ...input, limit: 3 }));
    expect(transactions).toHaveLength(total);
    expect(new Set(transactions.map((t) => t.nanoid)).size).toBe(total);
  });

  it('walks a 95-day SmartWiFi connections export in windows sized to the data, none over 30 days', async () => {
    const runner = runnerFor('smartwifi', sandboxCredentials(sandbox));
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 95 * 86_400_000).toISOString().slice(0, 10);
    const connections = await collect(paginate(runner, op('smartwifi.listConnections'), { from, to }));
    const windows = requests('smartwifi GET /v2/client/connections');
    expect(windows).toBeGreaterThan(4);
    expect(windows).toBeLessThan(200);
    const keys = connections.map((c) => `${c.guesttoken}|${c.macaddress}|${c.date}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(connections.length).toBeGreaterThan(1000);
    expect(connections.every((c) => c.date >= from && c.date < `${to}T99`)).toBe(true);
  });

  it('starts with a smaller first page, then full pages (offset paging)', async () => {
    const runner = runnerFor('nectifi', sandboxCredentials(sandbox));
    const first = await runner.send(op('nectifi.listGuests'), runner.prepare(op('nectifi.listGuests'), { limit: 1 }));
    const total = (first.body as { total: number }).total;
    sandbox.counters.reset();
    const guests = await collect(paginate(runner, op('nectifi.listGuests'), {}, { firstPageSize: 50 }));
    expect(new Set(guests.map((guest) => guest.id)).size).toBe(total);
    expect(requests('nectifi GET /crm/guests')).toBe(1 + Math.ceil((total - 50 + 1) / 200));
  });

  it('starts with a smaller first page, then full pages from page 1, each transaction once while new ones arrive', async () => {
    const walletId = sandbox.keys.anykrowd.walletId;
    const list = op('anykrowd.listWalletTransactions');
    const before = await collect(paginate(runnerFor('anykrowd', sandboxCredentials(sandbox)), list, { id: walletId }));
    sandbox.counters.reset();
    const limits: string[] = [];
    const arriving = transportWithHook((request) => {
      limits.push(new URL(request.url).searchParams.get('limit') ?? '');
      sandbox.insert.anykrowdTransaction(walletId);
    });
    const runner = runnerFor('anykrowd', sandboxCredentials(sandbox), { transport: arriving });
    const walked = await collect(paginate(runner, list, { id: walletId, limit: 10 }, { firstPageSize: 4 }));
    const nanoids = walked.map((t) => t.nanoid);
    expect(new Set(nanoids).size).toBe(nanoids.length);
    expect(nanoids).toEqual(expect.arrayContaining(before.map((t) => t.nanoid)));
    expect(limits.slice(0, 3)).toEqual(['4', '10', '10']);
    expect(new Set(limits.slice(1))).toEqual(new Set(['10']));
  });

  it('stops fetching as soon as the caller has enough (one page in memory at a time)', async () => {
    const runner = runnerFor('nectifi', sandboxCredentials(sandbox));
    const guests = await collect(paginate(runner, op('nectifi.listGuests'), { limit: 20 }, { maxItems: 45 }));
    expect(guests).toHaveLength(45);
    expect(requests('nectifi GET /crm/guests')).toBe(3);
  });
});

describe('window sizing', () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const MAX = 30 * DAY;
  const walk = (counts: number[]) => {
    let sizing = firstWindow();
    const spans = [sizing.span / HOUR];
    for (const count of counts) {
      sizing = nextWindow(sizing, count, MAX);
      spans.push(sizing.span / HOUR);
    }
    return spans;
  };

  it('starts at a day and stays there over empty history, before the first item', () => {
    expect(walk([0, 0, 0])).toEqual([24, 24, 24, 24]);
  });

  it('doubles at most over sparse history, up to the vendor maximum of 30 days', () => {
    const spans = walk(Array.from({ length: 8 }, () => 1));
    expect(spans.slice(0, 5)).toEqual([24, 48, 96, 192, 384]);
    expect(spans.at(-1)).toBe(30 * 24);
  });

  it('sizes a window from the densest stretch seen, so a quiet stretch does not size the next busy one', () => {
    let sizing = { span: 10 * HOUR, peakRate: 0 };
    sizing = nextWindow(sizing, 4 * WINDOW_TARGET_ITEMS, MAX); // busy: 800 an hour
    expect(sizing.span).toBe(2 * HOUR);
    sizing = nextWindow(sizing, 10, MAX); // a quiet night
    expect(sizing.span).toBe(2 * HOUR); // 90 % of the busy rate is still remembered
  });

  it('never goes below an hour', () => {
    expect(nextWindow(firstWindow(), 1_000_000, MAX).span).toBe(HOUR);
  });
});
