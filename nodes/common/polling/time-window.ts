import type { IDataObject } from 'n8n-workflow';
import { paginate } from '../../../shared/client/paginate';
import type { OperationRunner } from '../../../shared/client/runner';
import type { OperationDeclaration } from '../../../shared/core/operation';

/** How one list is asked for "items since" and how its items are told apart. */
export interface WindowSource {
  op: OperationDeclaration;
  /** One or more inputs covering `[startMs, endMs)` (several when a filter needs several calls). */
  inputs(startMs: number, endMs: number): Array<Record<string, unknown>>;
  key(item: IDataObject): string;
  time(item: IDataObject): number | undefined;
  /**
   * Read this much before the window too, and leave out what is dated before it: a row built from
   * the records inside the range (a roaming SmartWiFi connection) is then seen whole, with the date
   * it had when first emitted, and not again under a later date once its first record is behind.
   */
  leadMs?: number;
}

export interface WindowState {
  /** Vendor time of the newest item seen (or the first poll's clock). */
  cursor: number;
  /** Keys of items whose time is within the look-back of the cursor, with their time. */
  seen: Array<[string, number]>;
}

export interface WindowPoll {
  items: IDataObject[];
  state: WindowState;
}

/**
 * New items of a list that can be filtered by time but has no usable cursor (Splash customers and
 * visits, SmartWiFi connections and guest plans). Each poll asks for everything since the cursor
 * minus the look-back, and drops what it already emitted, keyed by id or by a composite key.
 * The look-back absorbs clock skew and rows written late; state holds only keys inside it.
 */
export async function pollTimeWindow(
  runner: OperationRunner,
  source: WindowSource,
  previous: WindowState | undefined,
  lookBackMs: number,
  nowMs: number,
): Promise<WindowPoll> {
  // The cursor never passes the poll's own time: a row the vendor dated in the future (its clock a
  // day ahead for a while) would otherwise carry it forward, and once the clock is right again every
  // new row would fall before the window (issue 13). A state saved before this rule is pulled back too.
  const cursor = Math.min(previous?.cursor ?? nowMs, nowMs);
  // The look-back absorbs a vendor clock ahead of ours too: with a fixed minute past our now,
  // rows the vendor dated a few minutes "in our future" were missed by the first poll and then
  // emitted as new by the next one although they predate the trigger (property tests found it).
  const found = await fetchWindow(runner, source, cursor - lookBackMs, nowMs + Math.max(60_000, lookBackMs));
  const seen = new Map(previous?.seen ?? []);
  const fresh: IDataObject[] = [];
  let newest = cursor;
  for (const item of found) {
    const key = source.key(item);
    const time = source.time(item) ?? nowMs;
    newest = Math.min(Math.max(newest, time), nowMs);
    if (seen.has(key)) continue;
    seen.set(key, time);
    if (previous) fresh.push(item);
  }
  // Vendor filters take whole seconds, so the next window starts up to a second before
  // `newest - lookBackMs`: keep what it can bring back, or those rows are emitted again (property
  // tests found rows re-emitted on every poll when the first poll's cursor had milliseconds).
  const keepFrom = Math.floor((newest - lookBackMs) / 1000) * 1000;
  const keep = [...seen].filter(([, time]) => time >= keepFrom);
  return { items: sortByTime(source, fresh), state: { cursor: newest, seen: keep } };
}

/** The `count` most recent items within the last `spanMs`, oldest first. */
export async function recentInWindow(runner: OperationRunner, source: WindowSource, spanMs: number, count: number, nowMs: number) {
  const found = await fetchWindow(runner, source, nowMs - spanMs, nowMs + 60_000);
  return sortByTime(source, found).slice(-count);
}

async function fetchWindow(runner: OperationRunner, source: WindowSource, startMs: number, endMs: number): Promise<IDataObject[]> {
  const found: IDataObject[] = [];
  const keys = new Set<string>();
  const lead = source.leadMs ?? 0;
  for (const input of source.inputs(startMs - lead, endMs)) {
    for await (const item of paginate(runner, source.op, input)) {
      const key = source.key(item as IDataObject);
      if (keys.has(key)) continue;
      if (lead > 0 && (source.time(item as IDataObject) ?? startMs) < startMs) continue;
      keys.add(key);
      found.push(item as IDataObject);
    }
  }
  return found;
}

function sortByTime(source: WindowSource, items: IDataObject[]): IDataObject[] {
  return items
    .map((item, index) => ({ item, index, time: source.time(item) ?? 0 }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ item }) => item);
}
