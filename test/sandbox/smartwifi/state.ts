import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, slugify, USER_AGENTS } from '../lib/names';
import { hashString, rngFor } from '../lib/rng';
import { SeededTable } from '../lib/table';
import { DAY, HOUR, hms, isoMicroOffset, MINUTE } from '../lib/time';
import { Timeline } from '../lib/timeline';
import type { SandboxScale } from '../types';

export interface SwHotspot {
  id: number;
  name: string;
}

export interface SwGuest {
  id: number;
  token: string;
  macaddress: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  display_name: string | null;
  mobile_phone: string | null;
  birthdate: string | null;
  gender: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  address: string | null;
  postal_code: string | null;
  profile_url: string | null;
  custom: (string | null)[];
  unsubscribed: boolean;
  home_hotspot_id: number;
  created_at: number;
}

/** One row of the Guest Connections report; fields and order exactly as the doc's example. */
export interface SwConnection {
  date: string;
  email: string | null;
  phone: string | null;
  device: string;
  mobile: string | null;
  identity: string;
  lastname: string | null;
  uploaded: number;
  firstname: string | null;
  useragent: string;
  downloaded: number;
  guesttoken: string;
  macaddress: string;
  hotspotname: string;
  online_time: string;
  profileuser: string | null;
  reason_for_termination: string;
}

export interface SwConnectionRecord {
  at: number;
  hotspot_id: number;
  row: SwConnection;
  /**
   * Records of one roaming connection share this number (the doc: a gateway may send several sets
   * of records for one guest connection, e.g. when the device roams from one AP to another).
   */
  connection?: number;
}

export interface SwGuestPlan {
  id: number;
  guest_id: number;
  guest_plan_name: string;
  session_profile_name: string;
  start: number;
  expire: number;
  payment_gateway: string;
  gateway_transaction_id: string;
}

const T = {
  guest: hashString('smartwifi.guest'),
  conn: hashString('smartwifi.connection'),
  plan: hashString('smartwifi.plan'),
};

const REASONS: readonly (readonly [string, number])[] = [
  ['Idle Timeout', 5],
  ['Lost Service', 2],
  ['User Request', 2],
  ['Session Timeout', 2],
  ['Lost Carrier', 1],
  ['Admin Reset', 0.2],
];

export const PLANS: readonly (readonly [string, string, number])[] = [
  ['1 Hour Free', 'Basic 5 Mbps', HOUR],
  ['Day Pass', 'Standard 20 Mbps', DAY],
  ['Premium 24h', 'Premium 100 Mbps', DAY],
  ['Weekend Pass', 'Standard 20 Mbps', 3 * DAY],
  ['Week Pass', 'Standard 20 Mbps', 7 * DAY],
  ['Monthly Unlimited', 'Premium 100 Mbps', 30 * DAY],
];

const HISTORY_DAYS = 180;

export class SmartwifiState {
  readonly client = { id: 53, company: 'Coastal Leisure Group' };
  readonly seedNow: number;
  readonly hotspots: SwHotspot[] = [
    { id: 12261, name: 'Hotspot_1' },
    { id: 12290, name: 'Arena_345' },
    { id: 12304, name: 'Marina_Bar' },
    { id: 12377, name: 'Hotel_Lobby' },
    { id: 12415, name: 'Pool_Deck' },
    { id: 12502, name: 'Conference_Center' },
  ];
  readonly guests: SeededTable<SwGuest>;
  /** Seeded rows are generated on demand, ordered by date; `extraConnections` are inserted ones. */
  readonly connectionCount: number;
  readonly extraConnections: SwConnectionRecord[] = [];
  /** Numbers the roaming connections inserted at run time. */
  roamingConnections = 0;
  readonly plans: SeededTable<SwGuestPlan>;
  readonly lastHotspot = new Map<number, number>();
  private tokens: Map<string, number> | null = null;
  private readonly guestCache: SwGuest[] = [];
  private readonly guestTimeline: Timeline;
  private readonly connTimeline: Timeline;
  private readonly planTimeline: Timeline;

  constructor(
    private readonly seed: number,
    scale: SandboxScale,
    now: number,
  ) {
    this.seedNow = Math.floor(now);
    const start = this.seedNow - HISTORY_DAYS * DAY;
    const end = this.seedNow - MINUTE;
    this.guestTimeline = new Timeline(seed, 'smartwifi.guests', start, end, Math.max(1, scale.smartwifiGuests));
    this.guests = new SeededTable(scale.smartwifiGuests, (id) => this.genGuest(id));
    const hasGuests = scale.smartwifiGuests > 0;
    this.connectionCount = hasGuests ? scale.smartwifiConnections : 0;
    this.connTimeline = new Timeline(seed, 'smartwifi.connections', start + HOUR, end, Math.max(1, this.connectionCount));
    this.planTimeline = new Timeline(seed, 'smartwifi.plans', start + HOUR, end, Math.max(1, scale.smartwifiGuestPlans));
    this.plans = new SeededTable(hasGuests ? scale.smartwifiGuestPlans : 0, (id) => this.genPlan(id));
  }

  private genGuest(id: number): SwGuest {
    const r = rngFor(this.seed, T.guest, id);
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const form = r.chance(0.6);
    const email = form || r.chance(0.2) ? `${slugify(first)}.${slugify(last)}${r.int(1, 99)}@${r.pick(EMAIL_DOMAINS)}` : null;
    const custom: (string | null)[] = Array(10).fill(null);
    if (form && r.chance(0.3)) custom[0] = r.pick(['Leisure', 'Business', 'Event']);
    if (form && r.chance(0.2)) custom[1] = r.pick(['Newsletter', 'Offers', 'None']);
    return {
      id,
      token: r.uuid(),
      macaddress: r.mac(),
      email,
      first_name: form ? first : null,
      last_name: form ? last : null,
      display_name: form && r.chance(0.5) ? `${first} ${last[0]}.` : null,
      mobile_phone: form && r.chance(0.3) ? `+1${r.int(2000000000, 9999999999)}` : null,
      birthdate: form && r.chance(0.35) ? `${r.int(1960, 2006)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` : null,
      gender: form && r.chance(0.4) ? r.pick(['male', 'female']) : null,
      country: form ? r.pick(['US', 'US', 'US', 'CA', 'MX', 'GB']) : null,
      region: form && r.chance(0.5) ? r.pick(['FL', 'CA', 'TX', 'NY', 'ON']) : null,
      city: form && r.chance(0.5) ? r.pick(['Miami', 'Orlando', 'San Diego', 'Austin', 'Toronto']) : null,
      address: null,
      postal_code: form && r.chance(0.3) ? String(r.int(10000, 99999)) : null,
      profile_url: !form && r.chance(0.3) ? `https://graph.facebook.com/${r.int(100000000, 999999999)}/picture` : null,
      custom,
      unsubscribed: r.chance(0.08),
      home_hotspot_id: r.pick(this.hotspots).id,
      created_at: Math.floor(this.guestTimeline.at(id - 1)),
    };
  }

  /** Guests never change once created, so generated ones are memoised. */
  guest(id: number): SwGuest {
    return (this.guestCache[id] ??= this.guests.get(id) as SwGuest);
  }

  /** Seeded connection `i` (0-based), by ascending date. */
  connection(i: number): SwConnectionRecord {
    const r = rngFor(this.seed, T.conn, i);
    const at = this.connTimeline.at(i);
    const bound = Math.max(1, Math.min(this.guests.seededCount, this.guestTimeline.countBefore(at + 1)));
    const guest = this.guest(r.chance(0.3) ? bound : r.int(1, bound));
    const hotspot = r.chance(0.85) ? (this.hotspots.find((h) => h.id === guest.home_hotspot_id) as SwHotspot) : r.pick(this.hotspots);
    const [device, useragent] = rngFor(this.seed, T.guest ^ 0x5a5a, guest.id).pick(USER_AGENTS);
    return { at, hotspot_id: hotspot.id, row: this.row(guest, hotspot, at, r.int(0, 999), device, useragent, r.int(60, 4 * 3600), r.int(20_000, 60_000_000), r.int(100_000, 900_000_000), r.weighted(REASONS)) };
  }

  row(g: SwGuest, h: SwHotspot, at: number, micros: number, device: string, useragent: string, seconds: number, up: number, down: number, reason: string): SwConnection {
    return {
      date: isoMicroOffset(at, (at % 1000) * 1000 + micros),
      email: g.email,
      phone: null,
      device,
      mobile: g.mobile_phone,
      identity: g.email ?? g.macaddress,
      lastname: g.last_name,
      uploaded: up,
      firstname: g.first_name,
      useragent,
      downloaded: down,
      guesttoken: g.token,
      macaddress: g.macaddress,
      hotspotname: h.name,
      online_time: hms(seconds),
      profileuser: null,
      reason_for_termination: reason,
    };
  }

  /** Index of the first seeded connection at or after `t`. */
  connectionIndexAt(t: number): number {
    return this.connTimeline.countBefore(t);
  }

  private genPlan(id: number): SwGuestPlan {
    const r = rngFor(this.seed, T.plan, id);
    const start = Math.floor(this.planTimeline.at(id - 1) / 1000) * 1000;
    const bound = Math.max(1, Math.min(this.guests.seededCount, this.guestTimeline.countBefore(start + 1)));
    const [name, profile, duration] = r.weighted(PLANS.map((p, i) => [p, [5, 3, 2, 1, 1, 0.5][i]] as const));
    const gateway = r.weighted([['Voucher', 4], ['PayPal', 2], ['Stripe', 3]] as const);
    return {
      id,
      guest_id: r.int(1, bound),
      guest_plan_name: name,
      session_profile_name: profile,
      start,
      expire: start + duration,
      payment_gateway: gateway,
      gateway_transaction_id:
        gateway === 'Voucher' ? r.chars(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789') : gateway === 'PayPal' ? `PAYID-${r.alnum(24).toUpperCase()}` : `ch_${r.alnum(24)}`,
    };
  }

  guestByToken(token: string): SwGuest | undefined {
    if (!this.tokens) {
      this.tokens = new Map();
      for (let id = 1; id <= this.guests.size; id++) this.tokens.set((this.guests.get(id) as SwGuest).token, id);
    }
    const id = this.tokens.get(token);
    return id === undefined ? undefined : this.guests.get(id);
  }

  addGuest(make: (id: number) => SwGuest): SwGuest {
    const g = this.guests.add(make);
    this.tokens?.set(g.token, g.id);
    return g;
  }

  addConnection(rec: SwConnectionRecord): void {
    const i = this.extraConnections.findIndex((c) => c.at > rec.at);
    if (i < 0) this.extraConnections.push(rec);
    else this.extraConnections.splice(i, 0, rec);
    const g = this.guestByToken(rec.row.guesttoken);
    if (g) this.lastHotspot.set(g.id, rec.hotspot_id);
  }
}
