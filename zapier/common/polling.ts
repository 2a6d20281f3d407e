import type { Bundle } from 'zapier-platform-core';
import type { Item } from './operations';

/** How many items a sample load returns: enough to pick from, fast to fetch. */
export const SAMPLE_SIZE = 3;

export interface Ordering {
  /** The item's unique id for Zapier's deduplication. */
  id(item: Item): string | number;
  /** When the item was created, in ms; items without one keep the vendor's order. */
  time?(item: Item): number;
}

/**
 * What Zapier wants from a polling trigger: unique `id`s, newest first. The id is written onto each
 * item (a composite id where the vendor gives none). Ties keep the vendor's order.
 */
export function newestFirst(items: Item[], ordering: Ordering): Item[] {
  const seen = new Set<string>();
  const unique: Array<{ item: Item; index: number; time: number }> = [];
  items.forEach((item, index) => {
    const id = ordering.id(item);
    if (seen.has(String(id))) return;
    seen.add(String(id));
    unique.push({ item: { ...item, id }, index, time: ordering.time?.(item) ?? Number.NaN });
  });
  const timed = unique.every((entry) => Number.isFinite(entry.time));
  if (timed) unique.sort((a, b) => b.time - a.time || a.index - b.index);
  return unique.map((entry) => entry.item);
}

/** Trims the list when Zapier only loads samples for the Zap editor. */
export function forBundle(bundle: Bundle, items: Item[]): Item[] {
  return bundle.meta?.isLoadingSample ? items.slice(0, SAMPLE_SIZE) : items;
}

export const byNumericId: Ordering = {
  id: (item) => item.id as number,
  time: (item) => Number(item.id),
};

export function timeOf(value: unknown): number {
  if (typeof value !== 'string' || value.trim() === '') return Number.NaN;
  const text = value.trim();
  // `yyyy-mm-dd hh:mm:ss` (no zone): the vendors' own clock, read as UTC.
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
  return Date.parse(iso);
}

/**
 * Zapier's types want string ids; vendors' numeric ids are kept as they are (Zapier compares them
 * as text when it deduplicates).
 */
export function asTriggerResults(items: Item[]): Array<{ id: string }> {
  return items as unknown as Array<{ id: string }>;
}
