import { HttpError, type VendorContext } from '../context';
import { jsonReply, Router, type Reply, type RouteMatch, type SandboxRequest, statusText, type VendorApp } from '../http';
import { SMARTWIFI_API_TOKEN } from '../keys';
import { DAY, HOUR, MINUTE, hms, parseDate, sqlDateTime } from '../lib/time';
import type { BlankGuestIds } from '../types';
import type { SmartwifiState, SwConnection, SwConnectionRecord, SwGuest, SwGuestPlan } from './state';

type SwHandler = (req: SandboxRequest, st: SmartwifiState, now: number) => unknown;

const bad = (msg: string) => new HttpError(400, msg);

function guestListItem(g: SwGuest, blank: BlankGuestIds) {
  const id = blank === true || blank === 'omit' ? {} : { id: blank === 'null' ? null : blank === 'empty-string' ? '' : g.id };
  const custom = Object.fromEntries(g.custom.map((v, i) => [`custom${i + 1}`, v]));
  return {
    ...id,
    macaddress: g.macaddress,
    email: g.email ?? '',
    profile_url: g.profile_url,
    display_name: g.display_name,
    first_name: g.first_name,
    last_name: g.last_name,
    country: g.country ?? '',
    region: g.region ?? '',
    city: g.city ?? '',
    address: g.address ?? '',
    gender: g.gender ?? '',
    postal_code: g.postal_code ?? '',
    mobile_phone: g.mobile_phone,
    birthdate: g.birthdate,
    ...custom,
    unsubscribed: g.unsubscribed,
  };
}

function guestProfile(st: SmartwifiState, g: SwGuest) {
  const hotspot = st.hotspots.find((h) => h.id === (st.lastHotspot.get(g.id) ?? g.home_hotspot_id));
  return {
    ...Object.fromEntries(g.custom.map((v, i) => [`custom${i + 1}`, v])),
    client: st.client,
    profile: {
      firstname: g.first_name,
      lastname: g.last_name,
      email: g.email,
      mobilephone: g.mobile_phone,
      birthdate: g.birthdate,
      macaddress: g.macaddress,
      gender: g.gender,
      country: g.country,
      region: g.region,
      city: g.city,
      address: g.address,
      postal_code: g.postal_code,
    },
    last_connection: hotspot ? { name: hotspot.name, nasidentifier: hotspot.name.toUpperCase() } : null,
    unsubscribed: g.unsubscribed,
  };
}

export function planView(st: SmartwifiState, p: SwGuestPlan, now: number) {
  const g = st.guests.get(p.guest_id) as SwGuest;
  return {
    token: g.token,
    macaddress: g.macaddress,
    email: g.email ?? '',
    guest_plan_name: p.guest_plan_name,
    guest_plan_start: sqlDateTime(p.start),
    guest_plan_expire: sqlDateTime(p.expire),
    guest_plan_state: p.expire > now ? 'Active' : 'Expired',
    session_profile_name: p.session_profile_name,
    payment_gateway: p.payment_gateway,
    gateway_transaction_id: p.gateway_transaction_id,
  };
}

/** The doc: state active|expired (default active); started_since_* default 12h, at most 7 days back. */
function guestPlans(req: SandboxRequest, st: SmartwifiState, now: number) {
  const state = req.query.get('state') ?? 'active';
  if (state !== 'active' && state !== 'expired') throw bad("The state parameter must be 'active' or 'expired'.");
  const ts = req.query.get('started_since_timestamp');
  const rel = req.query.get('started_since_relative');
  let since: number;
  if (ts) {
    const d = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(ts.trim()) ? parseDate(ts, ' ') : null;
    if (!d) throw bad('started_since_timestamp must be formatted yyyy-mm-dd hh:mm:ss.');
    since = d.ms;
  } else {
    const m = /^(\d+)([mhd])$/.exec((rel ?? '12h').trim());
    if (!m || +m[1] < 1) throw bad('started_since_relative must look like 10m, 4h or 2d.');
    since = now - +m[1] * { m: MINUTE, h: HOUR, d: DAY }[m[2] as 'm' | 'h' | 'd'];
  }
  if (since < now - 7 * DAY) throw bad('Guest plans can only be requested for the last 7 days.');
  const out = [];
  for (let id = 1; id <= st.plans.size; id++) {
    const p = st.plans.get(id) as SwGuestPlan;
    if (p.start < since || (p.expire > now) !== (state === 'active')) continue;
    out.push(p);
  }
  return out.sort((a, b) => a.start - b.start || a.id - b.id).map((p) => planView(st, p, now));
}

/** `from`/`to` and `from_date`/`to_date` are both accepted (vendor-decisions.md); `from` inclusive, `to` exclusive. */
function connections(req: SandboxRequest, st: SmartwifiState, now: number): SwConnection[] {
  const read = (names: string[]): number | undefined => {
    for (const n of names) {
      const raw = req.query.get(n);
      if (raw === null || raw === '') continue;
      const d = parseDate(raw, 'T');
      if (!d) throw bad(`Invalid ${n}: use yyyy-mm-dd or yyyy-mm-ddThh:mm:ss.`);
      return d.ms;
    }
    return undefined;
  };
  const hotspotParam = req.query.getAll('hotspotid').join(',').trim();
  const hotspots = hotspotParam ? hotspotParam.split(',').map((s) => s.trim()) : [];
  if (hotspots.some((h) => !/^\d+$/.test(h))) throw bad('hotspotid must be a hotspot id or a comma-separated list of ids.');
  // Decision (undocumented defaults): `to` defaults to now, `from` to 24 hours before `to`.
  const to = read(['to', 'to_date']) ?? now;
  let from = read(['from', 'from_date']) ?? to - DAY;
  if (to < from) throw bad('The end of the date range must be after its start.');
  if (to - from > 30 * DAY) throw bad('The date range can not exceed 30 days.');
  const hotspotIds = new Set(hotspots.map(Number));
  // The doc: with hotspotid only the past 12 hours are returned.
  if (hotspotIds.size) from = Math.max(from, now - 12 * HOUR);
  const out: SwConnection[] = [];
  // A roaming connection's later records are sent by the gateway as they happen: none before its time.
  const sent = (c: SwConnectionRecord) => c.connection === undefined || c.at <= now;
  const extra = st.extraConnections.filter((c) => c.at >= from && c.at < to && sent(c) && (!hotspotIds.size || hotspotIds.has(c.hotspot_id)));
  // A roaming connection's records within the range come as one row (the doc: with a time, records
  // outside the range "may be excluded"; the strict reading, for dates too: only records in range).
  const roaming = new Map<number, SwConnection[]>();
  const push = (rec: SwConnectionRecord) => {
    if (rec.connection === undefined) return out.push(rec.row);
    const records = roaming.get(rec.connection);
    if (records) return records.push(rec.row);
    const group = [rec.row];
    roaming.set(rec.connection, group);
    out.push(group as unknown as SwConnection);
  };
  let e = 0;
  for (let i = st.connectionIndexAt(from); i < st.connectionCount; i++) {
    const c = st.connection(i);
    if (c.at >= to) break;
    while (e < extra.length && extra[e].at <= c.at) push(extra[e++]);
    if (!hotspotIds.size || hotspotIds.has(c.hotspot_id)) out.push(c.row);
  }
  while (e < extra.length) push(extra[e++]);
  return out.map((row) => (Array.isArray(row) ? aggregateConnection(row) : row));
}

const seconds = (hmsText: string) => hmsText.split(':').reduce((total, part) => total * 60 + Number(part), 0);

/** One row for the records of one connection: dated at the first, times and traffic summed, the last's reason. */
export function aggregateConnection(records: SwConnection[]): SwConnection {
  const [first] = records;
  const last = records[records.length - 1];
  return {
    ...first,
    online_time: hms(records.reduce((total, r) => total + seconds(r.online_time), 0)),
    uploaded: records.reduce((total, r) => total + r.uploaded, 0),
    downloaded: records.reduce((total, r) => total + r.downloaded, 0),
    reason_for_termination: last.reason_for_termination,
  };
}

export function createSmartwifiApp(ctx: VendorContext, state: () => SmartwifiState): VendorApp<SwHandler> {
  const router = new Router<SwHandler>()
    .add('GET', '/v2/client/guests-guest-plans', guestPlans)
    .add('GET', '/v2/zapier/client/dropdown/hotspots', (_req, st) => st.hotspots.map((h) => ({ id: h.id, name: h.name })))
    .add('GET', '/v2/guests/get', (req, st) => {
      const token = req.query.get('guest_token');
      if (!token) throw bad('The guest_token parameter is required.');
      const g = st.guestByToken(token);
      if (!g) throw new HttpError(404, 'Guest not found.');
      return guestProfile(st, g);
    })
    .add('GET', '/v2/zapier/client/guests', (req, st) => {
      const filter = req.query.get('unsubscribed');
      if (filter !== null && filter !== 'true' && filter !== 'false') throw bad("unsubscribed must be 'true' or 'false'.");
      const out = [];
      // Decision: newest first, as Zapier polling triggers expect (the doc states no order).
      for (let id = st.guests.maxId; id >= 1; id--) {
        const g = st.guests.get(id) as SwGuest;
        if (filter === null || String(g.unsubscribed) === filter) out.push(guestListItem(g, ctx.smartwifiBlankGuestIds));
      }
      return out;
    })
    .add('GET', '/v2/zapier/client/ping', () => ({ message: 'success' }))
    .add('GET', '/v2/client/connections', connections);

  return {
    vendor: 'smartwifi',
    router,
    rateLimitMessage: 'Too Many Attempts.',
    quotaMessage: 'Monthly quota exceeded.',
    error: (status, message) => jsonReply(status, { message: message ?? statusText(status, true) }),
    handle(req: SandboxRequest, match: RouteMatch<SwHandler>): Reply {
      if (match.kind === 'none') return jsonReply(404, { message: 'Not Found' });
      if (match.kind === 'method-not-allowed') return jsonReply(405, { message: 'Method Not Allowed' }, { Allow: match.allowed.join(', ') });
      const token = req.query.get('api_token');
      if (!token) return jsonReply(401, { message: 'An api_token is required.' });
      if (token !== SMARTWIFI_API_TOKEN) return jsonReply(401, { message: 'Invalid api_token.' });
      try {
        return jsonReply(200, match.handler(req, state(), ctx.now()));
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        return jsonReply(e.status, { message: e.message });
      }
    },
  };
}
