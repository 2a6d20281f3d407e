import type { OperationDeclaration, Vendor } from '../core/operation';
import { getTier } from '../nectifi/operations/loyalty';
import { type LifecycleEvent, DAY_MS } from './derive';
import { wholeNumber } from './number-input';
import { nectifiVisits } from './sources';
import { type Row, type Visit, type VisitSource, byStart } from './visits';

/*
 * Loyalty Tier Changed, where a vendor gives a guest's current tier: Nectifi's "Current tier"
 * (`GET /loyalty/guests/{guest_id}/tier`). There is no list of tiers or of tier changes, so the
 * trigger watches the guests who visited lately (their WiFi sessions), reads a few of their tiers on
 * each poll, least recently read first, and compares each with the tier it read before. It needs the
 * previous tier, so it exists only where the platform keeps state (n8n, not Zapier).
 */

export interface TierSource {
  vendor: Vendor;
  /** One guest's current tier; its input is `{ [guestField]: id }`. */
  op: OperationDeclaration;
  guestField: string;
  tierOf(row: Row): string | undefined;
  /** Whose tiers to watch: guests with a visit in the watch window. */
  visits: VisitSource;
}

export const TIER_SOURCES: Partial<Record<Vendor, TierSource>> = {
  nectifi: {
    vendor: 'nectifi',
    op: getTier,
    guestField: 'guest_id',
    tierOf: (row) => (row.tier === undefined || row.tier === null || String(row.tier).trim() === '' ? undefined : String(row.tier)),
    visits: nectifiVisits,
  },
};

export const TIER_EVENT = {
  kind: 'loyaltyTierChanged',
  label: 'Loyalty Tier Changed',
  summary: "A recent visitor's loyalty tier changed (checks a few guests per poll, least recently checked first)",
  watchDays: { label: 'Watch Guests Seen Within (Days)', default: 30, min: 1, max: 90, help: 'Guests with a WiFi session within this many days are watched.' },
  checksPerPoll: { label: 'Tier Checks per Poll', default: 10, min: 1, max: 50, help: 'How many guests\' tiers each poll reads (one request each). A change shows within (watched guests ÷ this) polls.' },
  zapierMissing: 'needs the tier read before, and Zapier keeps no state for polling triggers: use the Nectifi webhook trigger (New Event, loyalty.points_added) with Find Loyalty Tier',
} as const;

/** Guests watched at most; past it, those seen longest ago are dropped. */
export const MAX_WATCHED_GUESTS = 2_000;

export interface TierSettings {
  watchMs: number;
  checksPerPoll: number;
  lookBackMs: number;
}

/** Per guest: last visit start, last tier read (absent until read) and when it was read (0: never). */
export interface TierState {
  cursor: number;
  seen: Array<[string, number]>;
  guests: Record<string, { visit: number; tier?: string; checked: number }>;
}

export function tierReadWindow(previous: TierState | undefined, now: number, settings: TierSettings) {
  const until = now + Math.max(60_000, settings.lookBackMs);
  return { since: previous ? Math.min(previous.cursor, now) - settings.lookBackMs : now - settings.watchMs, until };
}

const floorSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

/** Takes in the visits read and returns the guests whose tier this poll reads, with the state so far. */
export function planTierChecks(previous: TierState | undefined, visits: Visit[], now: number, settings: TierSettings): { check: string[]; state: TierState } {
  const seen = new Map(previous?.seen ?? []);
  const guests = { ...previous?.guests };
  let cursor = Math.max(previous ? Math.min(previous.cursor, now) : -Infinity, now - settings.lookBackMs);
  for (const visit of [...visits].sort(byStart)) {
    if (seen.has(visit.key)) continue;
    seen.set(visit.key, visit.start);
    if (visit.start <= now) cursor = Math.max(cursor, visit.start);
    const known = guests[visit.guest];
    guests[visit.guest] = { ...known, checked: known?.checked ?? 0, visit: Math.max(known?.visit ?? visit.start, visit.start) };
  }
  const watched = Object.entries(guests)
    .filter(([, g]) => g.visit > now - settings.watchMs)
    .sort(([, a], [, b]) => b.visit - a.visit)
    .slice(0, MAX_WATCHED_GUESTS);
  const check = [...watched]
    .sort(([ga, a], [gb, b]) => a.checked - b.checked || (ga < gb ? -1 : 1))
    .slice(0, settings.checksPerPoll)
    .map(([guest]) => guest);
  const keepFrom = floorSecond(cursor - settings.lookBackMs);
  return { check, state: { cursor, seen: [...seen].filter(([, start]) => start >= keepFrom), guests: Object.fromEntries(watched) } };
}

/** The tiers read (undefined: the guest is gone, it is dropped): events for the ones that changed. */
export function applyTierReadings(state: TierState, readings: Map<string, Row | undefined>, source: TierSource, now: number): { events: LifecycleEvent[]; state: TierState } {
  const guests = { ...state.guests };
  const events: LifecycleEvent[] = [];
  for (const [guest, row] of readings) {
    const known = guests[guest];
    if (!known) continue;
    if (!row) {
      delete guests[guest];
      continue;
    }
    const tier = source.tierOf(row);
    if (tier === undefined) continue;
    if (known.tier !== undefined && known.tier !== tier) {
      const id = `loyaltyTierChanged:${guest}:${known.tier}:${tier}:${now}`;
      events.push({ id, at: now, item: { event_id: id, guest_id: guest, previous_tier: known.tier, tier, detected_at: new Date(now).toISOString(), loyalty: row } });
    }
    guests[guest] = { ...known, tier, checked: now };
  }
  return { events, state: { ...state, guests } };
}

export function tierSettings(inputs: { watchDays?: unknown; checksPerPoll?: unknown }, lookBackMs: number): TierSettings {
  const bounded = (name: 'watchDays' | 'checksPerPoll', value: unknown) => wholeNumber(name, TIER_EVENT[name], value);
  return { watchMs: bounded('watchDays', inputs.watchDays) * DAY_MS, checksPerPoll: bounded('checksPerPoll', inputs.checksPerPoll), lookBackMs };
}
