import type { OperationDeclaration, Paging } from '../core/operation';
import type { CallOptions, OperationRunner } from './runner';

export interface IterateOptions extends CallOptions {
  /** Stop after this many items. */
  maxItems?: number;
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
  for await (const page of pages(runner, op, op.paging, valid)) {
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
): AsyncGenerator<unknown[]> {
  switch (paging.style) {
    case 'none': {
      const { body } = await runner.send(op, valid);
      yield runner.itemsFrom(op, body);
      return;
    }
    case 'offset': {
      const limit = (valid[paging.limitParam] as number | undefined) ?? paging.maxLimit;
      let offset = (valid[paging.offsetParam] as number | undefined) ?? 0;
      // Newest first: rows added while we walk push earlier rows onto the next page. Those
      // repeats are dropped by id against the previous page, so memory stays at one page.
      let previousIds = new Set<unknown>();
      for (;;) {
        const { body } = await runner.send(op, valid, { [paging.limitParam]: limit, [paging.offsetParam]: offset });
        const items = runner.itemsFrom(op, body);
        const fresh = items.filter((item) => !previousIds.has(idOf(item)));
        if (fresh.length > 0) yield fresh;
        if (items.length < limit) return;
        previousIds = new Set(items.map(idOf).filter((id) => id !== undefined));
        offset += items.length;
      }
    }
    case 'page': {
      const size = (valid[paging.sizeParam] as number | undefined) ?? paging.maxSize;
      let page = (valid[paging.pageParam] as number | undefined) ?? 1;
      for (;;) {
        const { body } = await runner.send(op, valid, { [paging.pageParam]: page, [paging.sizeParam]: size });
        const items = runner.itemsFrom(op, body);
        if (items.length > 0) yield items;
        if (!hasNextPage(body, page, size, items.length)) return;
        page += 1;
      }
    }
    case 'window': {
      for (const window of splitWindow(valid[paging.fromParam], valid[paging.toParam], paging.maxSpanDays)) {
        const { body } = await runner.send(op, valid, { [paging.fromParam]: window.from, [paging.toParam]: window.to });
        const items = runner.itemsFrom(op, body);
        if (items.length > 0) yield items;
      }
      return;
    }
  }
}

function idOf(item: unknown): unknown {
  return item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
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

/**
 * Splits `[from, to)` into consecutive windows no longer than the vendor allows, formatted like the
 * input (`yyyy-mm-dd` or `yyyy-mm-ddThh:mm:ss`, read as UTC). Without bounds, one unbounded call.
 */
export function splitWindow(
  from: unknown,
  to: unknown,
  maxSpanDays: number,
): Array<{ from: string | undefined; to: string | undefined }> {
  if (typeof from !== 'string' || typeof to !== 'string') {
    return [{ from: from as string | undefined, to: to as string | undefined }];
  }
  const withTime = from.includes('T') || to.includes('T');
  const start = parseUtc(from);
  const end = parseUtc(to);
  const windows: Array<{ from: string; to: string }> = [];
  for (let cursor = start; cursor < end; cursor += maxSpanDays * DAY_MS) {
    const windowEnd = Math.min(end, cursor + maxSpanDays * DAY_MS);
    windows.push({ from: formatUtc(cursor, withTime), to: formatUtc(windowEnd, withTime) });
  }
  return windows;
}

function parseUtc(value: string): number {
  return Date.parse(value.includes('T') ? `${value}Z` : `${value}T00:00:00Z`);
}

export function formatUtc(ms: number, withTime: boolean): string {
  const iso = new Date(ms).toISOString();
  return withTime ? iso.slice(0, 19) : iso.slice(0, 10);
}
