import type { IDataObject } from 'n8n-workflow';
import { paginate } from '../../../shared/client/paginate';
import type { OperationRunner } from '../../../shared/client/runner';
import type { OperationDeclaration } from '../../../shared/core/operation';

/** The first page is small (a poll normally finds its new items on it); later pages are full. */
const FIRST_PAGE_SIZE = 50;

export interface NewestFirstState {
  /** Highest id seen so far: everything above it is new next time. */
  cursor: number;
  /** Vendor time of the newest row seen (never past the poll's own time): the look-back counts from it. */
  newest?: number;
  /** Ids and times of the rows seen within the look-back of `newest`: a late row is told from them. */
  seen?: Array<[number, number]>;
}

export interface NewestFirstPoll {
  items: IDataObject[];
  state: NewestFirstState;
}

/** How a list's rows are dated, and how far back a row written late is still caught. */
export interface LookBack {
  timeOf(item: IDataObject): number | undefined;
  lookBackMs: number;
  /** This machine's clock. */
  nowMs: number;
}

const idOf = (item: unknown) => Number((item as { id?: unknown } | null)?.id);

/**
 * New items of a list that is newest first and whose ids grow with creation (Nectifi guests and
 * sessions, anykrowd wallet transactions). The docs say "newest first" without saying by what: by
 * id, a row written late is on top; by time, it sits below rows already seen (a visit recorded at
 * its end, a transaction synced from an offline terminal, a vendor clock stepping back). So the walk
 * goes past the first row at or below the cursor and stops at the first one that is also older than
 * the look-back before the newest row seen last time. New are the rows above the cursor and, within
 * the look-back, the rows not seen before (by id: a walk by time can pass a late row written while
 * it paged and still see higher ids below it). By id order the extra rows read are those of the
 * look-back only, so the cost still follows the number of new items. Rows added during the walk push
 * rows already seen onto the next page: those repeats are dropped by id. By time order, a row
 * written later than the look-back behind the newest is not caught.
 */
export async function pollNewestFirst(
  runner: OperationRunner,
  op: OperationDeclaration,
  input: Record<string, unknown>,
  previous: NewestFirstState | undefined,
  lookBack: LookBack,
): Promise<NewestFirstPoll> {
  const cursor = previous?.cursor;
  const seen = new Map<number, number>(previous?.seen ?? []);
  const walked = new Set<number>();
  const items: IDataObject[] = [];
  let highest = cursor ?? 0;
  let newest = previous?.newest;
  // Rows older than this, at or below the cursor, end the walk. The first poll, or a state saved
  // before the look-back existed, counts from the first dated row.
  let horizon = previous?.newest === undefined ? undefined : Math.min(previous.newest, lookBack.nowMs) - lookBack.lookBackMs;
  const firstPageSize = cursor === undefined ? 1 : FIRST_PAGE_SIZE;
  for await (const raw of paginate(runner, op, input, { firstPageSize })) {
    const item = raw as IDataObject;
    const id = idOf(item);
    if (!Number.isFinite(id) || walked.has(id)) continue;
    walked.add(id);
    const time = lookBack.timeOf(item);
    if (time !== undefined) horizon ??= Math.min(time, lookBack.nowMs) - lookBack.lookBackMs;
    const withinLookBack = time !== undefined && horizon !== undefined && time >= horizon;
    if ((cursor === undefined || id <= cursor) && !withinLookBack) break;
    if (time !== undefined) newest = Math.max(newest ?? time, time);
    highest = Math.max(highest, id);
    const isNew = cursor !== undefined && !seen.has(id) && (id > cursor || withinLookBack);
    if (time !== undefined) seen.set(id, time);
    if (isNew) items.push(item);
  }
  const state: NewestFirstState = { cursor: highest };
  if (newest !== undefined) {
    state.newest = Math.min(newest, lookBack.nowMs);
    const keepFrom = state.newest - lookBack.lookBackMs;
    state.seen = [...seen].filter(([, time]) => time >= keepFrom);
  }
  return { items: items.reverse(), state };
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
