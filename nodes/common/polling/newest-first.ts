import type { IDataObject } from 'n8n-workflow';
import { paginate } from '../../../shared/client/paginate';
import type { OperationRunner } from '../../../shared/client/runner';
import type { OperationDeclaration } from '../../../shared/core/operation';

/** The first page is small (a poll normally finds its new items on it); later pages are full. */
const FIRST_PAGE_SIZE = 50;

export interface NewestFirstPoll {
  items: IDataObject[];
  /** Highest id seen so far: everything above it is new next time. */
  cursor: number;
}

const idOf = (item: unknown) => Number((item as { id?: unknown } | null)?.id);

/**
 * New items of a list that is newest first and whose ids grow with creation (Nectifi guests and
 * sessions, anykrowd wallet transactions). Walks pages until an id at or below the cursor, so the
 * cost follows the number of new items. Rows added during the walk push rows already seen onto the
 * next page: those repeats are dropped by id. Rows added during the walk itself have higher ids
 * than the cursor that is stored, so the next poll picks them up.
 */
export async function pollNewestFirst(
  runner: OperationRunner,
  op: OperationDeclaration,
  input: Record<string, unknown>,
  cursor: number | undefined,
): Promise<NewestFirstPoll> {
  if (cursor === undefined) {
    const [newest] = await recentNewestFirst(runner, op, input, 1);
    return { items: [], cursor: Number.isFinite(idOf(newest)) ? idOf(newest) : 0 };
  }
  const seen = new Set<number>();
  const items: IDataObject[] = [];
  let highest = cursor;
  for await (const item of paginate(runner, op, input, { firstPageSize: FIRST_PAGE_SIZE })) {
    const id = idOf(item);
    if (!Number.isFinite(id)) continue;
    if (id <= cursor) break;
    if (seen.has(id)) continue;
    seen.add(id);
    items.push(item as IDataObject);
    highest = Math.max(highest, id);
  }
  return { items: items.reverse(), cursor: highest };
}

/** The newest `count` items, oldest first (manual executions show these). */
export async function recentNewestFirst(
  runner: OperationRunner,
  op: OperationDeclaration,
  input: Record<string, unknown>,
  count: number,
): Promise<IDataObject[]> {
  const items: IDataObject[] = [];
  for await (const item of paginate(runner, op, input, { maxItems: count })) {
    items.push(item as IDataObject);
  }
  return items.reverse();
}
