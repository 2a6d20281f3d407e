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

/** A newest-first state is one number. */
export function cursorStateEntries(state: unknown): number {
  const keys = Object.keys(state as object);
  if (keys.length !== 1 || keys[0] !== 'cursor' || typeof (state as { cursor: unknown }).cursor !== 'number') {
    throw new Error(`unexpected cursor state ${JSON.stringify(state)}`);
  }
  return 1;
}
