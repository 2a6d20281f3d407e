import type { SandboxRequest } from '../http';
import { DAY, isoOffset, ymd } from '../lib/time';
import { ok, type NectifiEnv, type NectifiRoute } from './route';
import type { NectifiGuest, NectifiSession, NectifiState } from './state';
import { Checker } from './validate';
import { promotionStatus } from './views';

const PERIOD_DAYS = 30;

function locationFilter(req: SandboxRequest): number | undefined {
  const c = new Checker('query');
  const id = c.int('location_id', req.query.get('location_id') ?? undefined);
  c.done();
  return id;
}

function guestsSince(st: NectifiState, t: number, loc: number | undefined): NectifiGuest[] {
  const out: NectifiGuest[] = [];
  for (let id = st.guestTimelineCountBefore(t) + 1; id <= st.guests.maxId; id++) {
    const g = st.guests.get(id) as NectifiGuest;
    if (g.created_at >= t && (loc === undefined || g.location_id === loc)) out.push(g);
  }
  return out;
}

function sessionsSince(st: NectifiState, t: number, loc: number | undefined): NectifiSession[] {
  const out: NectifiSession[] = [];
  for (let id = st.sessionTimelineCountBefore(t) + 1; id <= st.sessions.maxId; id++) {
    const s = st.sessions.get(id) as NectifiSession;
    if (s.started_at >= t && (loc === undefined || s.location_id === loc)) out.push(s);
  }
  return out;
}

/** Counts over every guest (of one location), cached until the guests change. */
function guestTotals(st: NectifiState, loc: number | undefined) {
  return st.guests.memoize(`totals:${loc ?? ''}`, () => {
    const t = { total: 0, vip: 0, consent: 0, withEmail: 0 };
    for (let id = 1; id <= st.guests.maxId; id++) {
      const g = st.guests.get(id) as NectifiGuest;
      if (loc !== undefined && g.location_id !== loc) continue;
      t.total++;
      if (g.is_vip) t.vip++;
      if (g.marketing_consent) t.consent++;
      if (g.email) t.withEmail++;
    }
    return t;
  });
}

function period(now: number) {
  return { period_start: isoOffset(now - PERIOD_DAYS * DAY), period_end: isoOffset(now) };
}

function overview(req: SandboxRequest, { st, now }: NectifiEnv) {
  const loc = locationFilter(req);
  const since = now - PERIOD_DAYS * DAY;
  const sessions = sessionsSince(st, since, loc);
  const newGuests = guestsSince(st, since, loc);
  const visitors = new Set(sessions.map((s) => s.guest_id));
  const newIds = new Set(newGuests.map((g) => g.id));
  const returning = [...visitors].filter((id) => !newIds.has(id)).length;
  const ended = sessions.filter((s) => s.ended_at !== null);
  const avgMinutes = ended.length ? ended.reduce((a, s) => a + ((s.ended_at as number) - s.started_at), 0) / ended.length / 60000 : 0;
  const grants = st.grants.filter((g) => g.granted_at >= since && (loc === undefined || g.location_id === loc));
  const redemptions = st.grants.filter((g) => g.redeemed_at !== null && g.redeemed_at >= since && (loc === undefined || g.redeemed_location_id === loc));
  const live = [...st.activeSessions].filter((id) => loc === undefined || (st.sessions.get(id) as NectifiSession).location_id === loc);
  return ok({
    location_id: loc ?? null,
    ...period(now),
    total_guests: loc === undefined ? st.guests.size : guestTotals(st, loc).total,
    new_guests: newGuests.length,
    returning_guests: returning,
    unique_visitors: visitors.size,
    sessions: sessions.length,
    live_guests: live.length,
    avg_session_minutes: Math.round(avgMinutes * 10) / 10,
    promotions_granted: grants.length,
    promotions_redeemed: redemptions.length,
    loyalty_points_issued: st.ledger.filter((e) => e.points > 0 && e.created_at >= since).reduce((a, e) => a + e.points, 0),
  });
}

function guestKpis(req: SandboxRequest, { st, now }: NectifiEnv) {
  const loc = locationFilter(req);
  const firstDay = Date.parse(ymd(now - (PERIOD_DAYS - 1) * DAY));
  const sessions = sessionsSince(st, firstDay, loc);
  const newGuests = guestsSince(st, firstDay, loc);
  const series = Array.from({ length: PERIOD_DAYS }, (_, i) => ({ date: ymd(firstDay + i * DAY), new_guests: 0, visits: 0, unique_visitors: 0 }));
  const visitors = series.map(() => new Set<number>());
  for (const g of newGuests) series[Math.floor((g.created_at - firstDay) / DAY)].new_guests++;
  for (const s of sessions) {
    const i = Math.floor((s.started_at - firstDay) / DAY);
    if (i >= PERIOD_DAYS) continue;
    series[i].visits++;
    visitors[i].add(s.guest_id);
  }
  series.forEach((d, i) => (d.unique_visitors = visitors[i].size));
  const totals = guestTotals(st, loc);
  const newIds = new Set(newGuests.map((g) => g.id));
  return ok({
    location_id: loc ?? null,
    ...period(now),
    total_guests: totals.total,
    new_guests: newGuests.length,
    returning_guests: new Set(sessions.filter((s) => !newIds.has(s.guest_id)).map((s) => s.guest_id)).size,
    vip_guests: totals.vip,
    guests_with_email: totals.withEmail,
    marketing_consent_rate: totals.total ? Math.round((totals.consent / totals.total) * 1000) / 1000 : 0,
    series,
  });
}

function promotionKpis(req: SandboxRequest, { st, now }: NectifiEnv) {
  const loc = locationFilter(req);
  const since = now - PERIOD_DAYS * DAY;
  const rows = st.promotions.map((p) => {
    const grants = st.grants.filter((g) => g.promotion_id === p.id && (loc === undefined || g.location_id === loc));
    const redeemed = grants.filter((g) => g.redeemed_at !== null);
    return {
      promotion_id: p.id,
      name: p.name,
      status: promotionStatus(p, now),
      grants: grants.length,
      redemptions: redeemed.length,
      redemption_rate: grants.length ? Math.round((redeemed.length / grants.length) * 1000) / 1000 : 0,
      grants_last_30_days: grants.filter((g) => g.granted_at >= since).length,
      redemptions_last_30_days: redeemed.filter((g) => (g.redeemed_at as number) >= since).length,
    };
  });
  const grants = rows.reduce((a, r) => a + r.grants, 0);
  const redemptions = rows.reduce((a, r) => a + r.redemptions, 0);
  return ok({
    location_id: loc ?? null,
    ...period(now),
    total_grants: grants,
    total_redemptions: redemptions,
    redemption_rate: grants ? Math.round((redemptions / grants) * 1000) / 1000 : 0,
    promotions: rows,
  });
}

export const analyticsRoutes: NectifiRoute[] = [
  { method: 'GET', path: '/analytics/overview', scope: 'analytics:read', handler: overview },
  { method: 'GET', path: '/analytics/guests', scope: 'analytics:read', handler: guestKpis },
  { method: 'GET', path: '/analytics/promotions', scope: 'analytics:read', handler: promotionKpis },
];
