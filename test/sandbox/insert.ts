import { parseMoney } from './anykrowd/money';
import type { AkTransaction } from './anykrowd/state';
import { transactionView } from './anykrowd/views';
import type { VendorContext } from './context';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, slugify, USER_AGENTS } from './lib/names';
import { floorSecond, parseDate } from './lib/time';
import { createGuest, endSession, startSession } from './nectifi/service';
import type { NectifiGuest, NectifiSession } from './nectifi/state';
import { guestView, sessionView } from './nectifi/views';
import { aggregateConnection, planView } from './smartwifi/index';
import { PLANS, type SwConnection, type SwGuest, type SwHotspot } from './smartwifi/state';
import { customerView, visitView } from './splash/index';
import type { SplashCustomer, SplashVisit } from './splash/state';
import type { InsertApi, SandboxState } from './types';

type Fields = Record<string, unknown>;

/** A date given as epoch ms or as a parseable string; the sandbox clock when absent. */
function when(v: unknown, now: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const d = parseDate(v) ?? (Number.isNaN(Date.parse(v)) ? null : { ms: Date.parse(v) });
    if (d) return d.ms;
  }
  return now;
}

const pickDefined = <T extends object>(partial: Fields, keys: (keyof T)[]): Fields => Object.fromEntries(keys.filter((k) => partial[k as string] !== undefined).map((k) => [k, partial[k as string]]));

/** Records inserted "behind the API's back", for trigger tests: dated now by default, webhooks emitted. */
export function createInsertApi(ctx: VendorContext, state: () => SandboxState): InsertApi {
  const rng = () => ctx.rng;

  return {
    nectifiGuest(partial = {}) {
      const st = state().nectifi;
      const r = rng();
      const location = (partial.location_id as number | undefined) ?? r.pick(st.locations).id;
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      const at = floorSecond(when(partial.created_at, ctx.now()));
      const guest = createGuest(st, ctx, {
        location_id: location,
        portal_id: st.portals.find((p) => p.location_id === location)?.id ?? null,
        name: `${first} ${last}`,
        email: `${slugify(first)}.${slugify(last)}.${r.alnum(5).toLowerCase()}@${r.pick(EMAIL_DOMAINS)}`,
        ...pickDefined<NectifiGuest>(partial, ['portal_id', 'name', 'email', 'phone', 'is_vip', 'marketing_consent', 'tags']),
        created_at: at,
        updated_at: at,
      });
      return guestView(st, guest);
    },

    nectifiSession(partial = {}) {
      const st = state().nectifi;
      const r = rng();
      if (!st.guests.size) throw new Error('no Nectifi guests to attach a session to');
      const guestId = (partial.guest_id as number | undefined) ?? r.int(1, st.guests.size);
      const guest = st.guests.get(guestId);
      if (!guest) throw new Error(`no Nectifi guest ${guestId}`);
      const locationId = (partial.location_id as number | undefined) ?? guest.location_id;
      const portalId = (partial.portal_id as number | undefined) ?? (guest.location_id === locationId && guest.portal_id ? guest.portal_id : st.portals.find((p) => p.location_id === locationId)?.id ?? 1);
      const fields: Omit<NectifiSession, 'id'> = {
        guest_id: guestId,
        location_id: locationId,
        portal_id: portalId,
        mac_address: (partial.mac_address as string | undefined) ?? r.mac(),
        device_type: (partial.device_type as string | undefined) ?? r.pick(['iPhone', 'Android phone', 'Laptop']),
        started_at: floorSecond(when(partial.started_at, ctx.now())),
        ended_at: partial.ended_at === undefined || partial.ended_at === null ? null : floorSecond(when(partial.ended_at, ctx.now())),
        bytes_in: (partial.bytes_in as number | undefined) ?? r.int(100_000, 50_000_000),
        bytes_out: (partial.bytes_out as number | undefined) ?? r.int(10_000, 5_000_000),
      };
      return sessionView(startSession(st, ctx, fields), ctx.now());
    },

    endNectifiSession(sessionId) {
      const st = state().nectifi;
      const s = st.sessions.get(sessionId);
      if (!s) throw new Error(`no Nectifi session ${sessionId}`);
      if (s.ended_at !== null) throw new Error(`Nectifi session ${sessionId} has already ended`);
      return sessionView(endSession(st, ctx, sessionId), ctx.now());
    },

    splashCustomer(partial = {}) {
      const st = state().splash;
      const r = rng();
      const team = st.team((partial.team as string | undefined) ?? 'default') ?? st.teams[0];
      const teamId = (partial.team_id as number | undefined) ?? team.id;
      const venueId = (partial.venue_id as number | undefined) ?? r.pick(st.venues.filter((v) => v.team_id === teamId)).id;
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      const at = floorSecond(when(partial.created_at, ctx.now()));
      const c = st.customers.add((id) => ({
        id,
        team_id: teamId,
        venue_id: venueId,
        first_name: first,
        last_name: last,
        email: `${slugify(first)}.${slugify(last)}${id}@${r.pick(EMAIL_DOMAINS)}`,
        phone: null,
        mac_address: r.mac().toLowerCase().replace(/-/g, ':'),
        gender: null,
        birthday: null,
        postcode: null,
        marketing_opt_in: true,
        source: 'form',
        ...(pickDefined<SplashCustomer>(partial, ['first_name', 'last_name', 'email', 'phone', 'mac_address', 'gender', 'birthday', 'postcode', 'marketing_opt_in', 'source']) as object),
        created_at: at,
        updated_at: at,
      }));
      return customerView(c);
    },

    splashVisit(partial = {}) {
      const st = state().splash;
      const r = rng();
      const team = st.team((partial.team as string | undefined) ?? 'default') ?? st.teams[0];
      const ids = st.customerIds((partial.team_id as number | undefined) ?? team.id);
      const customerId = (partial.customer_id as number | undefined) ?? (ids.length ? ids[r.int(0, ids.length - 1)] : undefined);
      const customer = customerId === undefined ? undefined : st.customers.get(customerId);
      if (!customer) throw new Error('no Splash customer to attach a visit to');
      const at = floorSecond(when(partial.created_at, ctx.now()));
      const v = st.visits.add((id) => ({
        id,
        team_id: customer.team_id,
        customer_id: customer.id,
        venue_id: customer.venue_id,
        mac_address: customer.mac_address,
        device: r.pick(['iPhone', 'Android']),
        duration: 0,
        ...(pickDefined<SplashVisit>(partial, ['venue_id', 'mac_address', 'device', 'duration']) as object),
        created_at: at,
        updated_at: at,
      }));
      return visitView(v);
    },

    smartwifiGuest(partial = {}) {
      const st = state().smartwifi;
      const r = rng();
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      const g = st.addGuest((id) => ({
        id,
        token: r.uuid(),
        macaddress: r.mac(),
        email: `${slugify(first)}.${slugify(last)}${id}@${r.pick(EMAIL_DOMAINS)}`,
        first_name: first,
        last_name: last,
        display_name: null,
        mobile_phone: null,
        birthdate: null,
        gender: null,
        country: 'US',
        region: null,
        city: null,
        address: null,
        postal_code: null,
        profile_url: null,
        custom: Array(10).fill(null),
        unsubscribed: false,
        home_hotspot_id: r.pick(st.hotspots).id,
        ...(pickDefined<SwGuest>(partial, ['token', 'macaddress', 'email', 'first_name', 'last_name', 'display_name', 'mobile_phone', 'birthdate', 'gender', 'country', 'region', 'city', 'address', 'postal_code', 'profile_url', 'unsubscribed', 'home_hotspot_id']) as object),
        created_at: when(partial.created_at, ctx.now()),
      }));
      return { id: g.id, token: g.token, macaddress: g.macaddress, email: g.email, first_name: g.first_name, last_name: g.last_name, unsubscribed: g.unsubscribed };
    },

    smartwifiConnection(partial = {}) {
      const st = state().smartwifi;
      const r = rng();
      let guest: SwGuest | undefined;
      if (typeof partial.guesttoken === 'string') guest = st.guestByToken(partial.guesttoken);
      else if (typeof partial.guest_id === 'number') guest = st.guests.get(partial.guest_id);
      else if (st.guests.size) guest = st.guests.get(r.int(1, st.guests.size));
      if (!guest) throw new Error('no SmartWiFi guest for the connection (give guesttoken or guest_id of an existing guest)');
      const hotspot = (st.hotspots.find((h) => h.id === partial.hotspot_id || h.name === partial.hotspotname) ??
        st.hotspots.find((h) => h.id === guest.home_hotspot_id)) as SwHotspot;
      const at = when(partial.date, ctx.now());
      const [device, ua] = r.pick(USER_AGENTS);
      const row: SwConnection = {
        ...st.row(guest, hotspot, at, r.int(0, 999), device, ua, r.int(60, 3600), r.int(10_000, 5_000_000), r.int(100_000, 50_000_000), 'Idle Timeout'),
        ...(pickDefined<SwConnection>(partial, ['email', 'phone', 'device', 'mobile', 'identity', 'lastname', 'uploaded', 'firstname', 'useragent', 'downloaded', 'online_time', 'profileuser', 'reason_for_termination']) as object),
      };
      st.addConnection({ at, hotspot_id: hotspot.id, row, connection: partial.connection as number | undefined });
      return { ...row };
    },

    smartwifiRoamingConnection(partial, roams) {
      const st = state().smartwifi;
      const connection = ++st.roamingConnections;
      const records = [this.smartwifiConnection({ ...partial, connection })];
      for (const roam of roams) {
        const { date: _date, hotspotname: _name, ...same } = records[0];
        records.push(this.smartwifiConnection({ ...same, guesttoken: records[0].guesttoken, hotspot_id: roam.hotspot_id, date: roam.at, connection }));
      }
      return { ...aggregateConnection(records as unknown as SwConnection[]) };
    },

    smartwifiGuestPlan(partial = {}) {
      const st = state().smartwifi;
      const r = rng();
      const guest =
        typeof partial.guesttoken === 'string' || typeof partial.token === 'string'
          ? st.guestByToken((partial.guesttoken ?? partial.token) as string)
          : st.guests.get((partial.guest_id as number | undefined) ?? r.int(1, Math.max(1, st.guests.size)));
      if (!guest) throw new Error('no SmartWiFi guest for the guest plan');
      const [name, profile, duration] = PLANS.find((p) => p[0] === partial.guest_plan_name) ?? PLANS[1];
      const start = floorSecond(when(partial.guest_plan_start, ctx.now()));
      const plan = st.plans.add((id) => ({
        id,
        guest_id: guest.id,
        guest_plan_name: (partial.guest_plan_name as string | undefined) ?? name,
        session_profile_name: (partial.session_profile_name as string | undefined) ?? profile,
        start,
        expire: partial.guest_plan_expire !== undefined ? floorSecond(when(partial.guest_plan_expire, ctx.now())) : start + duration,
        payment_gateway: (partial.payment_gateway as string | undefined) ?? 'Voucher',
        gateway_transaction_id: (partial.gateway_transaction_id as string | undefined) ?? r.chars(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'),
      }));
      return planView(st, plan, ctx.now());
    },

    anykrowdTransaction(walletId, partial = {}) {
      const st = state().anykrowd;
      const r = rng();
      const wallet = st.wallet(walletId);
      if (!wallet) throw new Error(`no anykrowd wallet ${walletId}`);
      const direction = partial.direction === 'DEBIT' ? 'DEBIT' : 'CREDIT';
      let cents = r.pick([500, 1000, 2000, 2500]);
      if (partial.amount !== undefined) {
        const m = parseMoney('amount', partial.amount);
        if (!m.ok) throw new Error(m.error);
        cents = m.cents;
      }
      const tx = st.addTransaction(wallet, {
        amount_cents: cents,
        direction,
        type: (partial.type as string | undefined) ?? (direction === 'CREDIT' ? 'top_up' : 'payment'),
        reference: (partial.reference as string | undefined) ?? (direction === 'CREDIT' ? 'Online Top Up' : `Bar order #${r.int(1000, 99999)}`),
        created_at: floorSecond(when(partial.created_at, ctx.now())),
        ...(pickDefined<AkTransaction>(partial, ['event_id', 'device_id', 'rfid_tag_id', 'vat_percentage']) as object),
      });
      return transactionView(st, tx);
    },
  };
}
