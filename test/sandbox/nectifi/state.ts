import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, slugify } from '../lib/names';
import { hashString, Rng, rngFor } from '../lib/rng';
import { SeededTable } from '../lib/table';
import { DAY, floorSecond, MINUTE } from '../lib/time';
import { Timeline } from '../lib/timeline';
import type { SandboxScale } from '../types';
import { seedApiKeys, type ApiKeyRecord } from './keys';

export interface NectifiLocation {
  id: number;
  name: string;
  address: string;
  city: string;
  country: string;
  timezone: string;
  created_at: number;
}

export interface NectifiPortal {
  id: number;
  location_id: number;
  name: string;
  ssid: string;
  is_active: boolean;
  created_at: number;
}

export interface NectifiGuest {
  id: number;
  location_id: number;
  portal_id: number | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  is_vip: boolean;
  marketing_consent: boolean;
  tags: string[];
  created_at: number;
  updated_at: number;
}

export interface NectifiSession {
  id: number;
  guest_id: number;
  location_id: number;
  portal_id: number;
  mac_address: string;
  device_type: string;
  started_at: number;
  ended_at: number | null;
  bytes_in: number;
  bytes_out: number;
}

export interface NectifiTag {
  id: number;
  slug: string;
  label: string;
  color: string;
  created_at: number;
}

export interface NectifiNote {
  id: number;
  guest_id: number;
  text: string;
  author: string;
  created_at: number;
}

export interface NectifiPromotion {
  id: number;
  name: string;
  description: string;
  type: 'percentage_discount' | 'fixed_discount' | 'free_item' | 'points_multiplier';
  value: number;
  location_ids: number[];
  is_active: boolean;
  starts_at: number;
  ends_at: number | null;
  valid_days: number;
  created_at: number;
}

export interface NectifiGrant {
  grant_id: number;
  promotion_id: number;
  guest_id: number;
  location_id: number;
  status: 'granted' | 'redeemed';
  granted_at: number;
  expires_at: number;
  redeemed_at: number | null;
  redeemed_location_id: number | null;
  redemption_id: number | null;
}

export interface LedgerEntry {
  transaction_id: number;
  guest_id: number;
  /** Signed: positive adds, negative spends. */
  points: number;
  type: 'adjustment' | 'redemption' | 'wallet_redemption';
  note: string | null;
  idempotency_key: string | null;
  balance_after: number;
  created_at: number;
}

export interface NectifiReward {
  reward_id: number;
  name: string;
  description: string;
  points_cost: number;
}

export interface WalletRedemption {
  redemption_id: number;
  guest_id: number;
  reward_id: number;
  location_id: number;
  points_spent: number;
  redeemed_at: number;
}

export interface WalletLink {
  token: string;
  guest_id: number;
  portal_id: number;
  url: string;
  created_at: number;
  expires_at: number;
}

export interface EmailDelivery {
  request_id: number;
  guest_id: number;
  template_slug: string;
  recipient: string;
  variables: Record<string, unknown>;
  created_at: number;
}

export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: string;
}

export const EMAIL_TEMPLATES = ['welcome_email', 'birthday_email', 'promotion_offer', 'loyalty_update', 'feedback_request', 'win_back'];

export const TIERS = [
  { tier: 'bronze', name: 'Bronze', min: 0 },
  { tier: 'silver', name: 'Silver', min: 1000 },
  { tier: 'gold', name: 'Gold', min: 2500 },
  { tier: 'platinum', name: 'Platinum', min: 5000 },
] as const;

const T = {
  guest: hashString('nectifi.guest'),
  session: hashString('nectifi.session'),
  device: hashString('nectifi.device'),
  points: hashString('nectifi.points'),
};

const HISTORY_DAYS = 180;

/** All Nectifi data of tenant 1. Guests and sessions are generated on demand from the seed. */
export class NectifiState {
  readonly tenantId = 1;
  readonly seedNow: number;
  readonly locations: NectifiLocation[];
  readonly portals: NectifiPortal[];
  readonly guests: SeededTable<NectifiGuest>;
  readonly sessions: SeededTable<NectifiSession>;
  readonly tags: NectifiTag[];
  readonly notes: NectifiNote[] = [];
  readonly promotions: NectifiPromotion[];
  readonly grants: NectifiGrant[] = [];
  readonly ledger: LedgerEntry[] = [];
  readonly rewards: NectifiReward[];
  readonly walletRedemptions: WalletRedemption[] = [];
  readonly walletLinks: WalletLink[] = [];
  readonly emails = new Map<number, EmailDelivery>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly apiKeys: Map<string, ApiKeyRecord>;
  /** Ids of sessions without `ended_at`. */
  readonly activeSessions = new Set<number>();
  nextEmailRequestId = 1001;
  private nextRedemptionId = 5001;

  private readonly guestTimeline: Timeline;
  private readonly sessionTimeline: Timeline;
  private readonly lastVisit = new Map<number, number>();
  private readonly sessionsByGuest = new Map<number, number[]>();
  private readonly notesByGuest = new Map<number, NectifiNote[]>();
  private readonly grantsByGuest = new Map<number, NectifiGrant[]>();
  private readonly ledgerByGuest = new Map<number, LedgerEntry[]>();

  constructor(
    private readonly seed: number,
    scale: SandboxScale,
    now: number,
    rateLimitOverride: number | undefined,
  ) {
    this.seedNow = floorSecond(now);
    const start = this.seedNow - HISTORY_DAYS * DAY;
    const end = this.seedNow - MINUTE;
    const rng = new Rng(seed ^ hashString('nectifi'));
    this.apiKeys = seedApiKeys(rateLimitOverride, now);
    this.locations = [
      { id: 1, name: 'Harbourside Hotel', address: '12 Marine Parade', city: 'Brighton', country: 'GB', timezone: 'Europe/London', created_at: start - 400 * DAY },
      { id: 2, name: 'Canal Street Café', address: 'Prinsengracht 210', city: 'Amsterdam', country: 'NL', timezone: 'Europe/Amsterdam', created_at: start - 300 * DAY },
      { id: 3, name: 'Arena Nord', address: 'Noorderlaan 88', city: 'Antwerp', country: 'BE', timezone: 'Europe/Brussels', created_at: start - 200 * DAY },
    ];
    this.portals = [
      { id: 1, location_id: 1, name: 'Harbourside Guest WiFi', ssid: 'Harbourside-Guest', is_active: true, created_at: start - 400 * DAY },
      { id: 2, location_id: 1, name: 'Harbourside Conference', ssid: 'Harbourside-Events', is_active: true, created_at: start - 350 * DAY },
      { id: 3, location_id: 2, name: 'Canal Café Free WiFi', ssid: 'CanalCafe', is_active: true, created_at: start - 300 * DAY },
      { id: 4, location_id: 3, name: 'Arena Nord Public', ssid: 'ArenaNord-Free', is_active: true, created_at: start - 200 * DAY },
      { id: 5, location_id: 3, name: 'Arena Nord VIP Lounge', ssid: 'ArenaNord-VIP', is_active: false, created_at: start - 150 * DAY },
    ];
    this.tags = [
      ['vip', 'VIP', '#6366f1'],
      ['regular', 'Regular', '#10b981'],
      ['newsletter', 'Newsletter', '#0ea5e9'],
      ['birthday-month', 'Birthday this month', '#f59e0b'],
      ['business-traveller', 'Business traveller', '#64748b'],
      ['family', 'Family', '#ec4899'],
      ['local', 'Local', '#84cc16'],
      ['staff', 'Staff', '#ef4444'],
    ].map(([slug, label, color], i) => ({ id: i + 1, slug, label, color, created_at: start - (300 - i) * DAY }));
    this.rewards = [
      { reward_id: 1, name: 'Free coffee', description: 'Any hot drink', points_cost: 150 },
      { reward_id: 2, name: 'Free dessert', description: 'Dessert of the day', points_cost: 300 },
      { reward_id: 3, name: '10% off your bill', description: 'One visit, food and drinks', points_cost: 500 },
      { reward_id: 4, name: 'Late checkout', description: 'Checkout at 2 pm, subject to availability', points_cost: 800 },
      { reward_id: 5, name: 'Room upgrade', description: 'Next category up', points_cost: 2000 },
    ];
    this.promotions = this.seedPromotions(rng, start);

    this.guestTimeline = new Timeline(seed, 'nectifi.guests', start, end, Math.max(1, scale.nectifiGuests));
    this.guests = new SeededTable(scale.nectifiGuests, (id) => this.genGuest(id));
    this.sessionTimeline = new Timeline(seed, 'nectifi.sessions', start + DAY, end, Math.max(1, scale.nectifiSessions));
    this.sessions = new SeededTable(scale.nectifiGuests > 0 ? scale.nectifiSessions : 0, (id) => this.genSession(id));
    this.indexSeededSessions();
    this.seedGrants(rng, scale.nectifiGrants);
    this.seedNotes(rng, scale.nectifiNotes);
  }

  // ---- seeded generation -------------------------------------------------------------------------

  private genGuest(id: number): NectifiGuest {
    const r = rngFor(this.seed, T.guest, id);
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const hasName = r.chance(0.85);
    const hasEmail = r.chance(0.9) || !hasName;
    const portal = r.pick(this.portals);
    const is_vip = r.chance(0.04);
    const tags: string[] = is_vip ? ['vip'] : [];
    for (const t of ['regular', 'newsletter', 'business-traveller', 'family', 'local']) if (r.chance(0.08)) tags.push(t);
    const created = floorSecond(this.guestTimeline.at(id - 1));
    return {
      id,
      location_id: portal.location_id,
      portal_id: portal.id,
      name: hasName ? `${first} ${last}` : null,
      email: hasEmail ? `${slugify(first)}.${slugify(last)}${id}@${r.pick(EMAIL_DOMAINS)}` : null,
      phone: r.chance(0.45) ? `+44 7${r.int(100, 999)} ${r.int(100000, 999999)}` : null,
      is_vip,
      marketing_consent: r.chance(0.62),
      tags,
      created_at: created,
      updated_at: created,
    };
  }

  private genSession(id: number): NectifiSession {
    const r = rngFor(this.seed, T.session, id);
    const started = floorSecond(this.sessionTimeline.at(id - 1));
    const bound = Math.max(1, this.guestTimeline.countBefore(started + 1));
    const guestId = Math.min(this.guests.seededCount, r.chance(0.3) ? bound : r.int(1, bound));
    const home = this.genGuest(guestId);
    const portal =
      home.portal_id !== null && r.chance(0.8)
        ? (this.portals.find((p) => p.id === home.portal_id) as NectifiPortal)
        : r.pick(this.portals);
    const seconds = Math.round(r.weighted([[r.int(120, 900), 3], [r.int(900, 3600), 5], [r.int(3600, 4 * 3600), 2]] as const));
    const endedAt = started + seconds * 1000;
    const device = rngFor(this.seed, T.device, guestId);
    return {
      id,
      guest_id: guestId,
      location_id: portal.location_id,
      portal_id: portal.id,
      mac_address: r.chance(0.85) ? device.mac() : r.mac(),
      device_type: device.pick(['iPhone', 'Android phone', 'iPad', 'Android tablet', 'Laptop']),
      started_at: started,
      ended_at: endedAt > this.seedNow ? null : endedAt,
      bytes_in: r.int(200_000, 900_000_000),
      bytes_out: r.int(50_000, 120_000_000),
    };
  }

  private indexSeededSessions(): void {
    const n = this.sessions.seededCount;
    for (let id = 1; id <= n; id++) {
      const s = this.sessions.get(id) as NectifiSession;
      this.countVisit(s);
      if (s.ended_at === null) this.activeSessions.add(id);
    }
    // The doc's live-guests endpoint is only interesting with someone online: keep a few sessions open.
    for (let id = n; id > Math.max(0, n - 3); id--) {
      if (this.activeSessions.has(id)) continue;
      const s = this.sessions.get(id) as NectifiSession;
      this.sessions.put(id, { ...s, ended_at: null });
      this.activeSessions.add(id);
    }
  }

  private countVisit(s: NectifiSession): void {
    this.lastVisit.set(s.guest_id, Math.max(this.lastVisit.get(s.guest_id) ?? 0, s.started_at));
    const list = this.sessionsByGuest.get(s.guest_id);
    if (list) list.push(s.id);
    else this.sessionsByGuest.set(s.guest_id, [s.id]);
  }

  private seedPromotions(rng: Rng, start: number): NectifiPromotion[] {
    const defs: [string, NectifiPromotion['type'], number, string][] = [
      ['Welcome drink', 'free_item', 1, 'A free drink on your first visit'],
      ['10% off food', 'percentage_discount', 10, 'Ten percent off the food bill'],
      ['Happy hour extension', 'percentage_discount', 25, 'Happy hour prices until 9 pm'],
      ['Birthday dessert', 'free_item', 1, 'A free dessert in your birthday month'],
      ['Double points weekend', 'points_multiplier', 2, 'Earn double loyalty points Friday to Sunday'],
      ['€5 off €25', 'fixed_discount', 5, 'Five euros off a bill of 25 or more'],
      ['Free upgrade', 'free_item', 1, 'Room upgrade on arrival, subject to availability'],
      ['Loyalty boost', 'points_multiplier', 3, 'Triple points on your next visit'],
      ['Summer terrace 15%', 'percentage_discount', 15, 'Fifteen percent off on the terrace'],
      ['Match day meal deal', 'fixed_discount', 7, 'Burger and drink deal on match days'],
      ['Come back soon', 'percentage_discount', 20, 'Twenty percent off your next visit'],
      ['Breakfast on us', 'free_item', 1, 'Free breakfast for two'],
    ];
    // Ids 1-12. #7 (the doc's example) is active everywhere; #4 and #10 have ended, #11 is paused,
    // #9 and #10 run at one location only.
    return defs.map(([name, type, value, description], i) => {
      const id = i + 1;
      const startsAt = floorSecond(start + rng.int(0, 150) * DAY);
      const expired = id === 4 || id === 10;
      return {
        id,
        name,
        description,
        type,
        value,
        location_ids: id === 9 ? [2] : id === 10 ? [3] : [1, 2, 3],
        is_active: id !== 11,
        starts_at: id === 7 ? start : startsAt,
        ends_at: expired ? floorSecond(this.seedNow - rng.int(2, 20) * DAY) : id === 7 || rng.chance(0.5) ? null : floorSecond(this.seedNow + rng.int(10, 120) * DAY),
        valid_days: rng.pick([7, 14, 30, 60]),
        created_at: (id === 7 ? start : startsAt) - DAY,
      };
    });
  }

  private seedGrants(rng: Rng, count: number): void {
    const n = this.guests.seededCount;
    if (!n) return;
    const times: number[] = [];
    for (let i = 0; i < count; i++) times.push(floorSecond(rng.int(this.seedNow - HISTORY_DAYS * DAY, this.seedNow - 5 * MINUTE)));
    times.sort((a, b) => a - b);
    for (const at of times) {
      const running = this.promotions.filter((p) => p.starts_at <= at && (p.ends_at === null || p.ends_at > at));
      if (!running.length) continue;
      const promo = rng.pick(running);
      const guestId = rng.int(1, Math.max(1, this.guestTimeline.countBefore(at + 1)));
      const grant = this.addGrant(promo, guestId, rng.pick(promo.location_ids), at);
      if (rng.chance(0.4)) {
        const redeemedAt = Math.min(grant.expires_at, at + rng.int(1, 10) * DAY);
        if (redeemedAt < this.seedNow) this.markRedeemed(grant, grant.location_id, floorSecond(redeemedAt));
      }
    }
  }

  private seedNotes(rng: Rng, count: number): void {
    const n = this.guests.seededCount;
    if (!n) return;
    const texts = ['Prefers window seat.', 'Allergic to nuts.', 'Celebrating anniversary.', 'Asked about the loyalty programme.', 'Complained about slow WiFi, offered voucher.', 'Regular on Friday evenings.', 'Vegetarian.', 'Booked the terrace for a party of 8.'];
    const picks: { guest: number; at: number }[] = [];
    for (let i = 0; i < count; i++) {
      const guest = rng.int(1, n);
      const created = (this.guests.get(guest) as NectifiGuest).created_at;
      picks.push({ guest, at: floorSecond(rng.int(created, this.seedNow - MINUTE)) });
    }
    picks.sort((a, b) => a.at - b.at);
    for (const p of picks) this.addNote(p.guest, rng.pick(texts), rng.pick(['Front desk', 'Bar', 'Manager']), p.at);
  }

  // ---- reads -------------------------------------------------------------------------------------

  visitStats(guestId: number): { visit_count: number; last_visit_at: number | null } {
    return { visit_count: this.sessionsByGuest.get(guestId)?.length ?? 0, last_visit_at: this.lastVisit.get(guestId) ?? null };
  }

  sessionIdsOf(guestId: number): number[] {
    return this.sessionsByGuest.get(guestId) ?? [];
  }

  notesOf(guestId: number): NectifiNote[] {
    return this.notesByGuest.get(guestId) ?? [];
  }

  grantsOf(guestId: number): NectifiGrant[] {
    return this.grantsByGuest.get(guestId) ?? [];
  }

  ledgerOf(guestId: number): LedgerEntry[] {
    return this.ledgerByGuest.get(guestId) ?? [];
  }

  /** Seeded opening balance: points earned and spent before the sandbox started. */
  private openingPoints(guestId: number): { lifetime: number; balance: number } {
    if (guestId > this.guests.seededCount) return { lifetime: 0, balance: 0 };
    const r = rngFor(this.seed, T.points, guestId);
    if (!r.chance(0.7)) return { lifetime: 0, balance: 0 };
    const lifetime = this.visitStats(guestId).visit_count * 25 + r.int(0, 1200);
    return { lifetime, balance: Math.floor(lifetime * r.float(0.3, 1)) };
  }

  points(guestId: number): { balance: number; lifetime: number; updated_at: number } {
    const open = this.openingPoints(guestId);
    let { balance, lifetime } = open;
    const guest = this.guests.get(guestId) as NectifiGuest;
    let updated = guest.created_at;
    for (const e of this.ledgerOf(guestId)) {
      balance += e.points;
      if (e.points > 0) lifetime += e.points;
      updated = e.created_at;
    }
    return { balance, lifetime, updated_at: updated };
  }

  tierFor(lifetime: number): { current: (typeof TIERS)[number]; next: (typeof TIERS)[number] | null } {
    let i = 0;
    while (i + 1 < TIERS.length && lifetime >= TIERS[i + 1].min) i++;
    return { current: TIERS[i], next: TIERS[i + 1] ?? null };
  }

  guestTimelineCountBefore(t: number): number {
    return Math.min(this.guests.seededCount, this.guestTimeline.countBefore(t));
  }

  sessionTimelineCountBefore(t: number): number {
    return Math.min(this.sessions.seededCount, this.sessionTimeline.countBefore(t));
  }

  // ---- writes ------------------------------------------------------------------------------------

  addGuest(fields: Omit<NectifiGuest, 'id'>): NectifiGuest {
    return this.guests.add((id) => ({ id, ...fields }));
  }

  updateGuest(guest: NectifiGuest): void {
    this.guests.put(guest.id, guest);
  }

  addSession(fields: Omit<NectifiSession, 'id'>): NectifiSession {
    const s = this.sessions.add((id) => ({ id, ...fields }));
    this.countVisit(s);
    if (s.ended_at === null) this.activeSessions.add(s.id);
    return s;
  }

  endSession(id: number, at: number): NectifiSession {
    const s = this.sessions.get(id) as NectifiSession;
    const ended = { ...s, ended_at: Math.max(s.started_at, at) };
    this.sessions.put(id, ended);
    this.activeSessions.delete(id);
    return ended;
  }

  addTag(slug: string, label: string, color: string, at: number): NectifiTag {
    const tag = { id: this.tags.length + 1, slug, label, color, created_at: at };
    this.tags.push(tag);
    return tag;
  }

  addNote(guestId: number, text: string, author: string, at: number): NectifiNote {
    const note = { id: this.notes.length + 1, guest_id: guestId, text, author, created_at: at };
    this.notes.push(note);
    const list = this.notesByGuest.get(guestId);
    if (list) list.push(note);
    else this.notesByGuest.set(guestId, [note]);
    return note;
  }

  addGrant(promo: NectifiPromotion, guestId: number, locationId: number, at: number): NectifiGrant {
    const grant: NectifiGrant = {
      grant_id: this.grants.length + 1,
      promotion_id: promo.id,
      guest_id: guestId,
      location_id: locationId,
      status: 'granted',
      granted_at: at,
      expires_at: at + promo.valid_days * DAY,
      redeemed_at: null,
      redeemed_location_id: null,
      redemption_id: null,
    };
    this.grants.push(grant);
    const list = this.grantsByGuest.get(guestId);
    if (list) list.push(grant);
    else this.grantsByGuest.set(guestId, [grant]);
    return grant;
  }

  markRedeemed(grant: NectifiGrant, locationId: number, at: number): NectifiGrant {
    Object.assign(grant, { status: 'redeemed', redeemed_at: at, redeemed_location_id: locationId, redemption_id: this.nextRedemptionId++ });
    return grant;
  }

  addLedger(guestId: number, points: number, type: LedgerEntry['type'], note: string | null, key: string | null, at: number): LedgerEntry {
    const balanceAfter = this.points(guestId).balance + points;
    const entry: LedgerEntry = {
      transaction_id: 90001 + this.ledger.length,
      guest_id: guestId,
      points,
      type,
      note,
      idempotency_key: key,
      balance_after: balanceAfter,
      created_at: at,
    };
    this.ledger.push(entry);
    const list = this.ledgerByGuest.get(guestId);
    if (list) list.push(entry);
    else this.ledgerByGuest.set(guestId, [entry]);
    return entry;
  }
}
