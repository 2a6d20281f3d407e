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
 * however long the list. The paging style comes from the declaration.
 */
export async function* paginate(
  runner: OperationRunner,
  op: OperationDeclaration,
  input: unknown,
  options: IterateOptions = {},
): AsyncGenerator<unknown> {
  const valid = runner.prepare(op, input, options);
  let remaining = options.maxItems ?? Infinity;
  for await (const page of pages(runner, op, op.paging, valid, options)) {
    for (const item of page) {
      if (remaining-- <= 0) return;
      yield item;
    }
    if (remaining <= 0) return;
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
  switch (paging.style) {
    case 'none': {
      const { body } = await runner.send(op, valid);
      yield runner.itemsFrom(op, body);
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
        const { body } = await runner.send(op, valid, { [paging.limitParam]: pageLimit, [paging.offsetParam]: offset });
        const items = runner.itemsFrom(op, body);
        const fresh = items.filter((item) => !previousIds.has(idOf(item)));
        if (fresh.length > 0) yield fresh;
        if (items.length < pageLimit) return;
        previousIds = idsOf(items);
        offset += items.length;
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
      for (;;) {
        const { body } = await runner.send(op, valid, { [paging.pageParam]: page, [paging.sizeParam]: pageSize });
        const items = runner.itemsFrom(op, body);
        const fresh = items.filter((item) => !previousIds.has(idOf(item)));
        if (fresh.length > 0) yield fresh;
        if (!hasNextPage(body, page, pageSize, items.length)) return;
        previousIds = idsOf(items);
        if (pageSize < size) pageSize = size;
        else page += 1;
      }
    }
    case 'window': {
      const bounds = windowBounds(valid[paging.fromParam], valid[paging.toParam]);
      if (!bounds) {
        const { body } = await runner.send(op, valid);
        yield runner.itemsFrom(op, body);
        return;
      }
      let sizing = firstWindow();
      // Inner edges are read past by `whole.spanMs` each way, so a window may span that much less.
      const reach = paging.whole?.spanMs ?? 0;
      const maxSpan = paging.maxSpanDays * DAY_MS - 2 * reach;
      for (let cursor = bounds.start; cursor < bounds.end; ) {
        const windowEnd = Math.min(bounds.end, cursor + Math.min(sizing.span, maxSpan));
        const askFrom = Math.max(bounds.start, cursor - reach);
        const askTo = Math.min(bounds.end, windowEnd + reach);
        const query = {
          [paging.fromParam]: formatUtc(askFrom, bounds.withTime || askFrom % DAY_MS !== 0),
          [paging.toParam]: formatUtc(askTo, bounds.withTime || askTo % DAY_MS !== 0),
        };
        const { body } = await runner.send(op, valid, query);
        const items = paging.whole ? ownItems(runner.itemsFrom(op, body), paging.whole.timeField, cursor, windowEnd) : runner.itemsFrom(op, body);
        if (items.length > 0) yield items;
        cursor = windowEnd;
        sizing = nextWindow(sizing, items.length, maxSpan);
      }
      return;
    }
  }
}

/**
 * The items of a window read past its edges: those whose time falls in `[start, end)`. One whose
 * time cannot be read is kept (SmartWiFi dates every row; such a row may then show in two windows).
 */
function ownItems(items: unknown[], timeField: string, start: number, end: number): unknown[] {
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
