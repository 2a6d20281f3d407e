import { FIRST_NAMES, LAST_NAMES } from '../lib/names';
import { hashString, Rng } from '../lib/rng';
import { DAY, floorSecond, HOUR, MINUTE } from '../lib/time';
import type { SandboxScale } from '../types';

export interface AkCurrency {
  id: number;
  default: 0 | 1;
  name: string;
  prefix: string;
  suffix: string;
  exchange_rate: string;
}

export interface AkEvent {
  id: number;
  name: string;
  summary: string | null;
  description: string;
  main_image: string;
  start_sales: number;
  end_sales: number;
  start: number;
  end: number;
}

export interface AkRole {
  id: number;
  name: string;
  full_rights: boolean;
  rights: Record<string, boolean> | [];
}

export interface AkUserRole {
  role_id: number;
  valid_from: string | null;
  valid_until: string | null;
}

export interface AkUser {
  id: number;
  /** Always a string here; `users/sync` may send it as an integer (vendor-decisions.md). */
  external_id: string;
  external_qr_code: string;
  external_qr_codes: string[];
  first_name: string;
  last_name: string;
  roles: AkUserRole[];
  has_account: boolean;
  created_at: number;
  updated_at: number;
}

export interface AkWallet {
  id: number;
  user_id: number;
  currency_id: number;
  balance_cents: number;
  is_guest_wallet: 0 | 1;
  metadata: Record<string, unknown> | null;
}

export interface AkTransaction {
  id: number;
  order_id: number;
  user_id: number;
  wallet_id: number;
  rfid_tag_id: number | null;
  event_id: number | null;
  device_id: number | null;
  scanned_by_id: number;
  scanned_by_type: string;
  amount_cents: number;
  direction: 'CREDIT' | 'DEBIT';
  reference: string;
  nanoid: string;
  type: string;
  vat_percentage: number | null;
  balance_before_cents: number;
  balance_after_cents: number;
  currency_id: number;
  created_at: number;
  revoked_at: number | null;
}

export interface RateWindow {
  start: number;
  count: number;
}

/** The user behind the API key: every partner top-up is "scanned" by it. */
export const API_USER_ID = 1;
const HISTORY_DAYS = 180;

export class AnykrowdState {
  readonly seedNow: number;
  readonly currencies: AkCurrency[] = [
    { id: 1, default: 1, name: 'EUR', prefix: '€', suffix: 'EUR', exchange_rate: '1.00' },
    { id: 2, default: 0, name: 'Rudolf', prefix: 'RD', suffix: '', exchange_rate: '1.20' },
    { id: 3, default: 0, name: 'Drink Tokens', prefix: 'DT', suffix: '', exchange_rate: '2.50' },
  ];
  readonly events: AkEvent[];
  readonly roles: AkRole[] = [
    { id: 1, name: 'Checkin', full_rights: false, rights: { check_in: true, change_location: true } },
    { id: 2, name: 'Full Admin + voucher', full_rights: true, rights: [] },
    { id: 3, name: 'Bar staff', full_rights: false, rights: { sell: true, top_up: false } },
    { id: 4, name: 'Cashier', full_rights: false, rights: { sell: true, top_up: true, refund: true } },
    { id: 5, name: 'Security', full_rights: false, rights: { check_in: true } },
  ];
  readonly users: AkUser[] = [];
  readonly wallets: AkWallet[] = [];
  readonly transactions: AkTransaction[] = [];
  readonly rateWindows = new Map<string, RateWindow>();
  private readonly byExternalId = new Map<string, AkUser>();
  private readonly byNanoid = new Map<string, AkTransaction>();
  private readonly walletTx = new Map<number, AkTransaction[]>();

  constructor(
    seed: number,
    scale: SandboxScale,
    now: number,
    private readonly rng: Rng,
    tenantUrl: string,
  ) {
    this.seedNow = floorSecond(now);
    const at = (days: number, hour = 12) => Math.floor((this.seedNow + days * DAY) / DAY) * DAY + hour * HOUR;
    const ev = (id: number, name: string, start: number, end: number, image: string): AkEvent => ({
      id, name, summary: null, description: '', main_image: image, start_sales: start - 20 * DAY, end_sales: end + DAY, start, end,
    });
    this.events = [
      ev(1, 'Demo event', at(-30), at(335), 'https://cdn.anykrowd.dev/events/demo.jpg'),
      ev(4, 'Weekend party', at(-60, 20), at(-57, 4), `${tenantUrl}/no_pic.jpg`),
      ev(5, 'Friday Night Live', this.seedNow - 2 * HOUR, this.seedNow + 6 * HOUR, 'https://cdn.anykrowd.dev/events/fnl.jpg'),
      ev(7, 'Summer Festival', at(40, 14), at(43, 23), 'https://cdn.anykrowd.dev/events/summer.jpg'),
    ];
    this.seedUsers(new Rng(seed ^ hashString('anykrowd.users')), scale.anykrowdUsers);
    this.seedTransactions(new Rng(seed ^ hashString('anykrowd.tx')), scale.anykrowdTransactions);
  }

  private seedUsers(r: Rng, count: number): void {
    const start = this.seedNow - HISTORY_DAYS * DAY;
    for (let i = 0; i < count; i++) {
      // A mix of string ids and numeric-looking ones, so int/string handling of external_id matters.
      const external = r.chance(0.3) ? String(10000 + i * 7 + r.int(0, 6)) : `${r.hex(8)}`;
      const created = floorSecond(start + (i / Math.max(1, count)) * (HISTORY_DAYS - 5) * DAY);
      const user = this.addUser({
        external_id: external,
        external_qr_code: external,
        external_qr_codes: r.chance(0.2) ? [`QR-${r.alnum(6).toUpperCase()}`] : [],
        first_name: r.pick(FIRST_NAMES),
        last_name: r.pick(LAST_NAMES),
        roles: r.chance(0.7) ? [{ role_id: r.pick([1, 3, 3, 4, 5]), valid_from: null, valid_until: null }] : [],
        has_account: r.chance(0.5),
        created_at: created,
        updated_at: created,
      });
      if (i === 0 || r.chance(0.9)) this.addWallet(user.id, 1);
      if (i === 0 || r.chance(0.45)) this.addWallet(user.id, 3);
      if (r.chance(0.1)) this.addWallet(user.id, 2);
    }
  }

  private seedTransactions(r: Rng, count: number): void {
    if (!this.wallets.length) return;
    const start = this.seedNow - HISTORY_DAYS * DAY;
    const times = Array.from({ length: count }, () => floorSecond(r.int(start, this.seedNow - MINUTE))).sort((a, b) => a - b);
    for (const t of times) {
      // The first wallet is the demo wallet: give it a steady history.
      const wallet = r.chance(0.02) ? this.wallets[0] : r.pick(this.wallets);
      const user = this.users[wallet.user_id - 2];
      if (user.created_at > t) continue;
      const event = this.events.find((e) => e.start <= t && t <= e.end);
      if (wallet.balance_cents < 300 || r.chance(0.3)) {
        const amount = wallet.currency_id === 1 ? r.pick([500, 1000, 1000, 2000, 2500, 5000, 10000]) : r.int(5, 40) * 100;
        this.addTransaction(wallet, { amount_cents: amount, direction: 'CREDIT', type: 'top_up', reference: r.pick(['Partner Top Up', 'Online Top Up', 'Cash Top Up']), created_at: t, event_id: event?.id ?? null });
      } else if (r.chance(0.03)) {
        this.addTransaction(wallet, { amount_cents: r.int(100, 1500), direction: 'CREDIT', type: 'refund', reference: 'Refund', created_at: t, event_id: event?.id ?? null });
      } else {
        const amount = Math.min(wallet.balance_cents, r.pick([150, 250, 350, 400, 450, 700, 900, 1250, 2200]));
        this.addTransaction(wallet, {
          amount_cents: amount,
          direction: 'DEBIT',
          type: 'payment',
          reference: `Bar order #${r.int(1000, 99999)}`,
          created_at: t,
          event_id: event?.id ?? null,
          device_id: r.int(1, 12),
          rfid_tag_id: r.chance(0.4) ? r.int(1, 5000) : null,
          vat_percentage: 21,
          scanned_by_id: r.int(2, Math.max(2, this.users.length)),
        });
      }
    }
  }

  // ---- reads -------------------------------------------------------------------------------------

  currency(id: number): AkCurrency | undefined {
    return this.currencies.find((c) => c.id === id);
  }

  userByExternalId(externalId: string): AkUser | undefined {
    return this.byExternalId.get(externalId);
  }

  wallet(id: number): AkWallet | undefined {
    return Number.isInteger(id) && id >= 1 ? this.wallets[id - 1] : undefined;
  }

  walletsOf(userId: number): AkWallet[] {
    return this.wallets.filter((w) => w.user_id === userId);
  }

  transactionsOf(walletId: number): AkTransaction[] {
    return this.walletTx.get(walletId) ?? [];
  }

  transactionByNanoid(nanoid: string): AkTransaction | undefined {
    return this.byNanoid.get(nanoid);
  }

  // ---- writes ------------------------------------------------------------------------------------

  addUser(fields: Omit<AkUser, 'id'>): AkUser {
    // Id 1 is the API user itself.
    const user = { id: this.users.length + 2, ...fields };
    this.users.push(user);
    this.byExternalId.set(user.external_id, user);
    return user;
  }

  addWallet(userId: number, currencyId: number): AkWallet {
    const wallet: AkWallet = { id: this.wallets.length + 1, user_id: userId, currency_id: currencyId, balance_cents: 0, is_guest_wallet: 0, metadata: null };
    this.wallets.push(wallet);
    return wallet;
  }

  addTransaction(
    wallet: AkWallet,
    t: Pick<AkTransaction, 'amount_cents' | 'direction' | 'type' | 'reference' | 'created_at'> & Partial<AkTransaction>,
  ): AkTransaction {
    const before = wallet.balance_cents;
    const after = before + (t.direction === 'CREDIT' ? t.amount_cents : -t.amount_cents);
    const id = this.transactions.length + 1;
    const tx: AkTransaction = {
      id,
      order_id: id + 12,
      user_id: wallet.user_id,
      wallet_id: wallet.id,
      rfid_tag_id: null,
      event_id: null,
      device_id: null,
      scanned_by_id: API_USER_ID,
      scanned_by_type: 'App\\Models\\Tenant\\User',
      vat_percentage: null,
      nanoid: this.uniqueNanoid(),
      revoked_at: null,
      ...t,
      balance_before_cents: before,
      balance_after_cents: after,
      currency_id: wallet.currency_id,
    };
    wallet.balance_cents = after;
    this.transactions.push(tx);
    this.byNanoid.set(tx.nanoid, tx);
    const list = this.walletTx.get(wallet.id);
    if (list) list.push(tx);
    else this.walletTx.set(wallet.id, [tx]);
    return tx;
  }

  private uniqueNanoid(): string {
    let n = this.rng.nanoid();
    while (this.byNanoid.has(n)) n = this.rng.nanoid();
    return n;
  }
}
