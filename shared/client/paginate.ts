import type { OperationDeclaration, Paging } from '../core/operation';
import type { CallOptions, OperationRunner } from './runner';
import { firstWindow, nextWindow } from './window-sizing';

export interface IterateOptions extends CallOptions {
  /** Stop after this many items; pages are asked no bigger than that, so a small limit is one small request. */
  maxItems?: number;
  /**
   * A smaller first page, then full pages: a poll usually finds all that is new on the first page,
   * and when many items are new, full pages keep the request count near ⌈k/page⌉.
   */
  firstPageSize?: number;
}

/**
 * Yields every item of a list operation, fetching one page at a time: memory holds one page,
 * however long the list. The paging style comes from the declaration. Input is checked when the
 * first item is asked for, as an async generator would.
 */
export function paginate(
  runner: OperationRunner,
  op: OperationDeclaration,
  input: unknown,
  options: IterateOptions = {},
): AsyncGenerator<unknown> {
  return new PageItems(() => pages(runner, op, op.paging, runner.prepare(op, input, options), options), options.maxItems ?? Infinity);
}

/**
 * The items of the pages, one by one. Written out rather than as an async generator: each `yield`
 * of one costs several promises, and over a million items that garbage made every page outlive a
 * few young-generation collections and reach the old one (benchmark 3). An item of a page already
 * fetched is one resolved promise here. Calls made while a page is being fetched wait in order.
 */
class PageItems implements AsyncGenerator<unknown> {
  private source?: AsyncGenerator<unknown[]>;
  private page: unknown[] = [];
  private index = 0;
  private finished = false;
  /** Calls waiting for, or running, a fetch; while any is, later calls queue behind them. */
  private waiting = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly open: () => AsyncGenerator<unknown[]>,
    private remaining: number,
  ) {}

  next(): Promise<IteratorResult<unknown>> {
    if (this.waiting === 0 && this.index < this.page.length && this.remaining > 0) {
      this.remaining--;
      return Promise.resolve({ value: this.take(), done: false });
    }
    return this.inTurn(() => this.advance());
  }

  return(value?: unknown): Promise<IteratorResult<unknown>> {
    return this.inTurn(async () => {
      await this.finish();
      return { value, done: true };
    });
  }

  throw(error?: unknown): Promise<IteratorResult<unknown>> {
    return this.inTurn(async () => {
      await this.finish();
      throw error;
    });
  }

  [Symbol.asyncIterator](): AsyncGenerator<unknown> {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }

  private inTurn(step: () => Promise<IteratorResult<unknown>>): Promise<IteratorResult<unknown>> {
    this.waiting++;
    const result = this.queue.then(step).finally(() => this.waiting--);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async advance(): Promise<IteratorResult<unknown>> {
    try {
      while (!this.finished && this.index >= this.page.length && this.remaining > 0) {
        this.page = []; // the page read so far is not kept while the next one is fetched
        this.source ??= this.open();
        const next = await this.source.next();
        if (next.done) break;
        this.page = next.value;
        this.index = 0;
      }
    } catch (error) {
      await this.finish();
      throw error;
    }
    if (this.finished || this.index >= this.page.length || this.remaining <= 0) {
      await this.finish();
      return { value: undefined, done: true };
    }
    this.remaining--;
    return { value: this.take(), done: false };
  }

  /** The next item; the page lets go of it, so an item the caller is done with can be collected. */
  private take(): unknown {
    const item = this.page[this.index];
    this.page[this.index++] = undefined;
    return item;
  }

  private async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.page = [];
    await this.source?.return(undefined);
  }
}

async function* pages(
  runner: OperationRunner,
  op: OperationDeclaration,
  paging: Paging,
  valid: Record<string, unknown>,
  { maxItems = Infinity, firstPageSize }: IterateOptions,
): AsyncGenerator<unknown[]> {
  const capped = (size: number) => Math.max(1, Math.min(size, maxItems));
  // Each page is fetched in a function of its own, which returns only the items: a suspended
  // generator keeps its temporaries, and the response (its text) and the whole body would
  // otherwise stay in memory while the page is read and the next one is fetched.
  const items = async (query?: Record<string, unknown>) => runner.itemsFrom(op, (await runner.send(op, valid, query)).body);
  switch (paging.style) {
    case 'none': {
      yield await items();
      return;
    }
    case 'offset': {
      const limit = capped((valid[paging.limitParam] as number | undefined) ?? paging.maxLimit);
      let pageLimit = Math.min(firstPageSize ?? limit, limit);
      let offset = (valid[paging.offsetParam] as number | undefined) ?? 0;
      // Newest first: rows added while we walk push earlier rows onto the next page. Those
      // repeats are dropped by id against the previous page, so memory stays at one page.
      let previousIds = new Set<unknown>();
      for (;;) {
        const page = await items({ [paging.limitParam]: pageLimit, [paging.offsetParam]: offset });
        const fresh = page.filter((item) => !previousIds.has(idOf(item)));
        if (fresh.length > 0) yield fresh;
        if (page.length < pageLimit) return;
        previousIds = idsOf(page);
        offset += page.length;
        pageLimit = limit;
      }
    }
    case 'page': {
      const size = capped((valid[paging.sizeParam] as number | undefined) ?? paging.maxSize);
      let page = (valid[paging.pageParam] as number | undefined) ?? 1;
      // Page numbers count in pages of one size, so a smaller first page only works from page 1:
      // page 1 of the full size then repeats it, and those repeats are dropped by id.
      let pageSize = page === 1 ? Math.min(firstPageSize ?? size, size) : size;
      let previousIds = new Set<unknown>();
      const numbered = async (number: number, perPage: number) => {
        const { body } = await runner.send(op, valid, { [paging.pageParam]: number, [paging.sizeParam]: perPage });
        const found = runner.itemsFrom(op, body);
        return { found, more: hasNextPage(body, number, perPage, found.length) };
      };
      for (;;) {
        const { found, more } = await numbered(page, pageSize);
        const fresh = found.filter((item) => !previousIds.has(idOf(item)));
        if (fresh.length > 0) yield fresh;
        if (!more) return;
        previousIds = idsOf(found);
        if (pageSize < size) pageSize = size;
        else page += 1;
      }
    }
    case 'window': {
      const bounds = windowBounds(valid[paging.fromParam], valid[paging.toParam]);
      if (!bounds) {
        yield await items();
        return;
      }
      let sizing = firstWindow();
      // Inner edges are read past by `whole.spanMs` each way, so a window may span that much less.
      const { whole } = paging;
      const reach = whole?.spanMs ?? 0;
      const maxSpan = paging.maxSpanDays * DAY_MS - 2 * reach;
      const windowItems = async (query: Record<string, unknown>, start: number, end: number) =>
        whole ? ownItems(await items(query), whole.timeField, start, end) : await items(query);
      for (let cursor = bounds.start; cursor < bounds.end; ) {
        const windowEnd = Math.min(bounds.end, cursor + Math.min(sizing.span, maxSpan));
        const askFrom = Math.max(bounds.start, cursor - reach);
        const askTo = Math.min(bounds.end, windowEnd + reach);
        const query = {
          [paging.fromParam]: formatUtc(askFrom, bounds.withTime || askFrom % DAY_MS !== 0),
          [paging.toParam]: formatUtc(askTo, bounds.withTime || askTo % DAY_MS !== 0),
        };
        const own = await windowItems(query, cursor, windowEnd);
        if (own.length > 0) yield own;
        cursor = windowEnd;
        sizing = nextWindow(sizing, own.length, maxSpan);
      }
      return;
    }
  }
}

/**
 * The items of a window read past its edges: those whose time falls in `[start, end)`. One whose
 * time cannot be read is kept (SmartWiFi dates every row; such a row may then show in two windows).
 */
export function ownItems(items: unknown[], timeField: string, start: number, end: number): unknown[] {
  return items.filter((item) => {
    const raw = item && typeof item === 'object' ? (item as Record<string, unknown>)[timeField] : undefined;
    const time = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
    return Number.isNaN(time) ? true : time >= start && time < end;
  });
}

function idOf(item: unknown): unknown {
  return item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
}

function idsOf(items: unknown[]): Set<unknown> {
  return new Set(items.map(idOf).filter((id) => id !== undefined));
}

/** Laravel's `meta.last_page` / `last_page`, or `links.next` / `next_page_url`, else a full page. */
export function hasNextPage(body: unknown, page: number, size: number, count: number): boolean {
  if (count === 0) return false;
  const envelope = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const meta = (envelope.meta ?? envelope) as Record<string, unknown>;
  if (typeof meta.last_page === 'number') return page < meta.last_page;
  const links = envelope.links as Record<string, unknown> | undefined;
  if (links && !Array.isArray(links) && 'next' in links) return Boolean(links.next);
  if ('next_page_url' in envelope) return Boolean(envelope.next_page_url);
  return count >= size;
}

const DAY_MS = 86_400_000;

/** `[from, to)` as UTC milliseconds, read from `yyyy-mm-dd` or `yyyy-mm-ddThh:mm:ss`. */
export function windowBounds(from: unknown, to: unknown): { start: number; end: number; withTime: boolean } | undefined {
  if (typeof from !== 'string' || typeof to !== 'string') return undefined;
  return { start: parseUtc(from), end: parseUtc(to), withTime: from.includes('T') || to.includes('T') };
}

function parseUtc(value: string): number {
  return Date.parse(value.includes('T') ? `${value}Z` : `${value}T00:00:00Z`);
}

export function formatUtc(ms: number, withTime: boolean): string {
  const iso = new Date(ms).toISOString();
  return withTime ? iso.slice(0, 19) : iso.slice(0, 10);
}
