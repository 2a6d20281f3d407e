import { paginate } from '../client/paginate';
import type { OperationRunner } from '../client/runner';
import type { OperationDeclaration, Vendor } from '../core/operation';
import { parseVendorTime } from '../core/vendor-time';

/** A field's text, trimmed; undefined when missing or blank. */
export const fieldText = (value: unknown): string | undefined => (value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim());

export type Row = Record<string, unknown>;

/** One visit, whatever the vendor calls it (a Nectifi session, a Splash visit, a SmartWiFi connection). */
export interface Visit {
  /** Who visited: the vendor's guest id, customer id or guest token. */
  guest: string;
  /** Unique per visit and stable across reads. */
  key: string;
  start: number;
  /** When the visit ended; undefined while it goes on. */
  end?: number;
  row: Row;
}

/**
 * Where a vendor's visits come from and which fields say what: data, declared once per vendor
 * (`sources.ts`). Both platforms read visits through `readVisits` and derive events from them.
 */
export interface VisitSource {
  vendor: Vendor;
  op: OperationDeclaration;
  /** What the vendor calls a visit, for labels ("WiFi session", "visit", "connection"). */
  noun: string;
  guestOf(row: Row): string | undefined;
  keyOf(row: Row): string;
  startOf(row: Row): number | undefined;
  /** The end of a finished visit, undefined while it goes on; absent where the vendor gives none. */
  endOf?(row: Row): number | undefined;
  /**
   * How visits that started in `[since, until)` are asked for. `newest-first`: the list has no time
   * filter and is walked from the top until a row started before `since` less the slack (rows
   * written late sit above older ones). `window`: the inputs filter by time themselves.
   */
  read: { style: 'newest-first'; slackMs: number } | { style: 'window'; inputs(since: number, until: number): Row };
}

export function toVisit(source: VisitSource, row: Row): Visit | undefined {
  const guest = source.guestOf(row);
  const start = source.startOf(row);
  if (guest === undefined || guest === '' || start === undefined) return undefined;
  const visit: Visit = { guest, key: source.keyOf(row), start, row };
  const end = source.endOf?.(row);
  if (end !== undefined) visit.end = end;
  return visit;
}

/** Visits that started in `[since, until)`, each once, oldest first. `filter` narrows the vendor's list (a location). */
export async function readVisits(runner: OperationRunner, source: VisitSource, since: number, until: number, filter: Row = {}): Promise<Visit[]> {
  const found = new Map<string, Visit>();
  const input = source.read.style === 'window' ? { ...filter, ...source.read.inputs(since, until) } : filter;
  const stopBelow = source.read.style === 'newest-first' ? since - source.read.slackMs : -Infinity;
  for await (const raw of paginate(runner, source.op, input)) {
    const visit = toVisit(source, raw as Row);
    if (!visit) continue;
    if (visit.start < stopBelow) break;
    if (visit.start < since || visit.start >= until || found.has(visit.key)) continue;
    found.set(visit.key, visit);
  }
  return [...found.values()].sort(byStart);
}

export const byStart = (a: Visit, b: Visit) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** `hh:mm:ss` (SmartWiFi's `online_time`) or a number of seconds, in ms. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * 1000;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+):([0-5]\d):([0-5]\d)$/.exec(value.trim());
  if (!match) return undefined;
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}

export const timeField = (name: string) => (row: Row) => parseVendorTime(row[name]);
