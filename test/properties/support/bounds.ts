import type { WindowState } from '../../../nodes/common/polling/time-window';

/** A time-window state keeps only keys within the look-back of its cursor: bounded by the row rate. */
export function windowStateEntries(state: unknown, lookBackMs: number): number {
  const { cursor, seen } = state as WindowState;
  if (typeof cursor !== 'number' || !Array.isArray(seen)) throw new Error(`unexpected window state ${JSON.stringify(state).slice(0, 200)}`);
  // Whole seconds: a window starts at the second of `cursor - lookBack`.
  const from = Math.floor((cursor - lookBackMs) / 1000) * 1000;
  for (const [key, time] of seen) {
    if (time < from) throw new Error(`state keeps ${key} (${new Date(time).toISOString()}), older than the look-back of ${new Date(cursor).toISOString()}`);
  }
  return seen.length;
}

/**
 * A newest-first state: the highest id, the time of the newest row seen, and the rows seen within
 * the look-back of it (bounded by the row rate).
 */
export function cursorStateEntries(state: unknown, lookBackMs: number): number {
  const { cursor, newest, seen = [], ...rest } = state as { cursor?: unknown; newest?: unknown; seen?: Array<[number, number]> };
  if (typeof cursor !== 'number' || (newest !== undefined && typeof newest !== 'number') || Object.keys(rest).length > 0) {
    throw new Error(`unexpected cursor state ${JSON.stringify(state).slice(0, 200)}`);
  }
  for (const [id, time] of seen) {
    if (typeof newest !== 'number' || time < newest - lookBackMs) throw new Error(`state keeps row ${id} (${new Date(time).toISOString()}), older than the look-back`);
  }
  return 1 + (newest === undefined ? 0 : 1) + seen.length;
}
