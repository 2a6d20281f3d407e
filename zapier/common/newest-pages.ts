import type { OperationRunner } from '../../shared/client/runner';
import type { OperationDeclaration } from '../../shared/core/operation';
import type { Item } from './operations';

/**
 * The newest items of a page-numbered list (Laravel paginators: Splash Air, anykrowd), whichever
 * way the vendor sorts. Page 1 comes first; if it is oldest first and there are more pages, the
 * newest are on the last page, fetched with the one before it when it is not full so that at least
 * `limit` items come back. At most three requests however long the history.
 */
export async function newestPageItems(
  runner: OperationRunner,
  op: OperationDeclaration,
  input: Record<string, unknown>,
  limit: number,
): Promise<Item[]> {
  if (op.paging.style !== 'page') throw new Error(`${op.id} is not paged by page number`);
  const { pageParam, sizeParam, maxSize } = op.paging;
  const size = Math.min(Math.max(1, limit), maxSize);
  const valid = runner.prepare(op, input);
  const fetchPage = async (page: number) => {
    const { body } = await runner.send(op, valid, { [pageParam]: page, [sizeParam]: size });
    return { body, items: runner.itemsFrom(op, body) as Item[] };
  };
  const first = await fetchPage(1);
  const total = totalOf(first.body);
  if (total === undefined || total <= size || newestFirst(first.items)) return first.items;
  const last = Math.ceil(total / size);
  const pages = total % size !== 0 ? [last - 1, last] : [last];
  const items: Item[] = [];
  for (const page of pages) items.push(...(page === 1 ? first.items : (await fetchPage(page)).items));
  return items;
}

function totalOf(body: unknown): number | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const envelope = body as { total?: unknown; meta?: { total?: unknown } };
  const total = envelope.total ?? envelope.meta?.total;
  return typeof total === 'number' ? total : undefined;
}

/**
 * Ids grow with creation time at both vendors. The order is read from every neighbouring pair, not
 * from the first and last row: a vendor that lists newest first by time puts a row written late
 * (highest id) anywhere in page 1, and one such row at its end must not make the page look oldest first.
 */
function newestFirst(items: Item[]): boolean {
  let descending = 0;
  for (let i = 1; i < items.length; i++) descending += Math.sign(Number(items[i - 1].id) - Number(items[i].id)) || 0;
  return descending > 0;
}
