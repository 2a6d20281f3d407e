import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, slugify } from '../lib/names';
import { hashString, Rng, rngFor } from '../lib/rng';
import { SeededTable } from '../lib/table';
import { DAY, floorSecond, MINUTE } from '../lib/time';
import { Timeline } from '../lib/timeline';
import type { SandboxScale } from '../types';

export interface SplashTeam {
  id: number;
  slug: string;
  name: string;
}

export interface SplashVenue {
  id: number;
  team_id: number;
  name: string;
  address: string;
  city: string;
  postcode: string;
  country: string;
  timezone: string;
  created_at: number;
  updated_at: number;
}

export interface SplashCustomer {
  id: number;
  team_id: number;
  venue_id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  mac_address: string;
  gender: string | null;
  birthday: string | null;
  postcode: string | null;
  marketing_opt_in: boolean;
  source: string;
  created_at: number;
  updated_at: number;
}

export interface SplashVisit {
  id: number;
  team_id: number;
  customer_id: number;
  venue_id: number;
  mac_address: string;
  device: string;
  duration: number;
  created_at: number;
  updated_at: number;
}

export interface SplashVoucher {
  id: number;
  team_id: number;
  venue_id: number;
  code: string;
  number_of_days: number;
  upspeed: number;
  downspeed: number;
  volumecap: number;
  max_devices: number;
  created_at: number;
  updated_at: number;
}

const T = { customer: hashString('splash.customer'), visit: hashString('splash.visit') };
const HISTORY_DAYS = 180;
const VENUE_WEIGHTS: readonly (readonly [number, number])[] = [[1, 3], [2, 2], [3, 2], [4, 2.5]];

export class SplashState {
  readonly seedNow: number;
  readonly teams: SplashTeam[] = [
    { id: 1, slug: 'default', name: 'Splash Hospitality Group' },
    { id: 2, slug: 'north', name: 'North Region' },
  ];
  readonly venues: SplashVenue[];
  readonly customers: SeededTable<SplashCustomer>;
  readonly visits: SeededTable<SplashVisit>;
  readonly vouchers: SplashVoucher[] = [];
  nextVoucherId = 1;
  private readonly customerTimeline: Timeline;
  private readonly visitTimeline: Timeline;

  constructor(
    private readonly seed: number,
    scale: SandboxScale,
    now: number,
  ) {
    this.seedNow = floorSecond(now);
    const start = this.seedNow - HISTORY_DAYS * DAY;
    const end = this.seedNow - MINUTE;
    const v = (id: number, team_id: number, name: string, address: string, city: string, postcode: string, country: string, timezone: string): SplashVenue => ({
      id, team_id, name, address, city, postcode, country, timezone, created_at: start - (400 - id * 30) * DAY, updated_at: start - 20 * DAY,
    });
    this.venues = [
      v(1, 1, 'The Grand Pavilion', '1 Esplanade', 'Bournemouth', 'BH1 2AA', 'GB', 'Europe/London'),
      v(2, 1, 'Riverside Brewhouse', '44 Quay Street', 'Bristol', 'BS1 4DJ', 'GB', 'Europe/London'),
      v(3, 1, 'Old Town Coffee', '7 High Street', 'Edinburgh', 'EH1 1SR', 'GB', 'Europe/London'),
      v(4, 2, 'Northern Lights Arena', '200 Arena Way', 'Leeds', 'LS11 8BU', 'GB', 'Europe/London'),
    ];
    this.customerTimeline = new Timeline(seed, 'splash.customers', start, end, Math.max(1, scale.splashCustomers));
    this.customers = new SeededTable(scale.splashCustomers, (id) => this.genCustomer(id));
    this.visitTimeline = new Timeline(seed, 'splash.visits', start + DAY, end, Math.max(1, scale.splashVisits));
    this.visits = new SeededTable(scale.splashCustomers > 0 ? scale.splashVisits : 0, (id) => this.genVisit(id));
    this.seedVouchers(new Rng(seed ^ hashString('splash.vouchers')), scale.splashVouchers, start);
  }

  team(slug: string): SplashTeam | undefined {
    return this.teams.find((t) => t.slug === slug);
  }

  private genCustomer(id: number): SplashCustomer {
    const r = rngFor(this.seed, T.customer, id);
    const venueId = r.weighted(VENUE_WEIGHTS);
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const social = r.chance(0.3);
    const hasEmail = r.chance(0.88);
    const created = floorSecond(this.customerTimeline.at(id - 1));
    return {
      id,
      team_id: (this.venues.find((v) => v.id === venueId) as SplashVenue).team_id,
      venue_id: venueId,
      first_name: hasEmail || social ? first : null,
      last_name: hasEmail || social ? last : null,
      email: hasEmail ? `${slugify(first)}${r.chance(0.5) ? '.' : '_'}${slugify(last)}${r.int(1, 999)}@${r.pick(EMAIL_DOMAINS)}` : null,
      phone: r.chance(0.35) ? `+447${r.int(100000000, 999999999)}` : null,
      mac_address: r.mac().toLowerCase().replace(/-/g, ':'),
      gender: r.chance(0.4) ? r.pick(['male', 'female', 'other']) : null,
      birthday: r.chance(0.3) ? `${r.int(1955, 2006)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` : null,
      postcode: r.chance(0.25) ? `${r.pick(['BH', 'BS', 'EH', 'LS', 'M', 'SW'])}${r.int(1, 20)} ${r.int(1, 9)}${r.alnum(2).toUpperCase()}` : null,
      marketing_opt_in: r.chance(0.55),
      source: social ? r.pick(['facebook', 'google', 'apple']) : hasEmail ? 'form' : 'click-through',
      created_at: created,
      updated_at: created,
    };
  }

  private genVisit(id: number): SplashVisit {
    const r = rngFor(this.seed, T.visit, id);
    const at = floorSecond(this.visitTimeline.at(id - 1));
    const bound = Math.max(1, Math.min(this.customers.seededCount, this.customerTimeline.countBefore(at + 1)));
    const customer = this.genCustomer(r.chance(0.25) ? bound : r.int(1, bound));
    const duration = r.int(3, 240);
    return {
      id,
      team_id: customer.team_id,
      customer_id: customer.id,
      venue_id: customer.team_id === 2 || r.chance(0.85) ? customer.venue_id : r.int(1, 3),
      mac_address: customer.mac_address,
      device: r.pick(['iPhone', 'Android', 'iPad', 'Windows', 'Mac']),
      duration,
      created_at: at,
      updated_at: Math.min(this.seedNow, at + duration * MINUTE),
    };
  }

  private seedVouchers(rng: Rng, count: number, start: number): void {
    const times = Array.from({ length: count }, () => floorSecond(rng.int(start, this.seedNow - MINUTE))).sort((a, b) => a - b);
    for (const at of times) {
      const venue = rng.weighted(VENUE_WEIGHTS);
      this.addVoucher({
        team_id: venue === 4 ? 2 : 1,
        venue_id: venue,
        code: `${rng.pick(['WIFI', 'GUEST', 'EVENT', 'VIP'])}-${rng.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')}`,
        number_of_days: rng.pick([1, 1, 2, 3, 7, 14, 30]),
        upspeed: rng.pick([0, 5, 10, 20]),
        downspeed: rng.pick([0, 10, 25, 50, 100]),
        volumecap: rng.pick([0, 0, 1, 5, 10]),
        max_devices: rng.pick([0, 1, 2, 3, 5]),
        created_at: at,
        updated_at: at,
      });
    }
  }

  addVoucher(fields: Omit<SplashVoucher, 'id'>): SplashVoucher {
    const voucher = { id: this.nextVoucherId++, ...fields };
    this.vouchers.push(voucher);
    return voucher;
  }

  /** Ids (ascending) of a team's customers. */
  customerIds(teamId: number): number[] {
    return this.customers.filterIds(`team:${teamId}`, (c) => c.team_id === teamId);
  }

  visitIds(teamId: number): number[] {
    return this.visits.filterIds(`team:${teamId}`, (v) => v.team_id === teamId);
  }
}
