import { newestFirstIds } from '../context';
import type { SandboxRequest } from '../http';
import { isoOffset } from '../lib/time';
import { ok, type NectifiEnv, type NectifiRoute } from './route';
import type { NectifiGuest, NectifiSession } from './state';
import { Checker, paging } from './validate';
import { listEnvelope, locationView, portalView, sessionView } from './views';

function listLocations(req: SandboxRequest, { st }: NectifiEnv) {
  const { limit, offset } = paging(req);
  const all = [...st.locations].reverse();
  const items = all.slice(offset, offset + limit).map((l) => locationView(l, st.portals.filter((p) => p.location_id === l.id).length));
  return ok(listEnvelope(items, all.length, limit, offset));
}

function listPortals(req: SandboxRequest, { st }: NectifiEnv) {
  const { limit, offset } = paging(req);
  const c = new Checker('query');
  const locationId = c.int('location_id', req.query.get('location_id') ?? undefined);
  c.done();
  const all = [...st.portals].reverse().filter((p) => locationId === undefined || p.location_id === locationId);
  return ok(listEnvelope(all.slice(offset, offset + limit).map(portalView), all.length, limit, offset));
}

function listSessions(req: SandboxRequest, { st, ctx, now }: NectifiEnv) {
  const { limit, offset } = paging(req);
  const c = new Checker('query');
  const locationId = c.int('location_id', req.query.get('location_id') ?? undefined);
  const activeOnly = c.bool('active_only', req.query.get('active_only') ?? undefined) ?? false;
  const guestId = c.int('guest_id', req.query.get('guest_id') ?? undefined);
  c.done();
  const match = (s: NectifiSession) => (locationId === undefined || s.location_id === locationId) && (guestId === undefined || s.guest_id === guestId);
  let ids: number[] | null;
  if (activeOnly) ids = [...st.activeSessions].sort((a, b) => a - b).filter((id) => match(st.sessions.get(id) as NectifiSession));
  else if (guestId !== undefined) ids = st.sessionIdsOf(guestId).filter((id) => match(st.sessions.get(id) as NectifiSession));
  else if (locationId !== undefined) ids = st.sessions.filterIds(`loc:${locationId}`, match);
  else ids = null;
  const total = ids ? ids.length : st.sessions.size;
  const items = [];
  const ordered = ctx.listOrder === 'time' ? newestFirstIds(ctx, ids ?? st.sessions.filterIds('all', () => true), (id) => (st.sessions.get(id) as NectifiSession).started_at) : null;
  for (let k = offset; k < Math.min(total, offset + limit); k++) {
    const id = ordered ? ordered[k] : ids ? ids[ids.length - 1 - k] : st.sessions.maxId - k;
    items.push(sessionView(st.sessions.get(id) as NectifiSession, now));
  }
  return ok(listEnvelope(items, total, limit, offset));
}

function liveGuests(req: SandboxRequest, { st, now }: NectifiEnv) {
  const { limit, offset } = paging(req);
  const c = new Checker('query');
  const locationId = c.int('location_id', req.query.get('location_id') ?? undefined);
  c.done();
  const live = [...st.activeSessions]
    .sort((a, b) => b - a)
    .map((id) => st.sessions.get(id) as NectifiSession)
    .filter((s) => locationId === undefined || s.location_id === locationId);
  const items = live.slice(offset, offset + limit).map((s) => {
    const g = st.guests.get(s.guest_id) as NectifiGuest;
    return {
      guest_id: g.id,
      name: g.name,
      email: g.email,
      is_vip: g.is_vip,
      session_id: s.id,
      location_id: s.location_id,
      portal_id: s.portal_id,
      mac_address: s.mac_address,
      device_type: s.device_type,
      connected_since: isoOffset(s.started_at),
      duration_seconds: Math.max(0, Math.floor((now - s.started_at) / 1000)),
    };
  });
  return ok(listEnvelope(items, live.length, limit, offset));
}

export const wifiRoutes: NectifiRoute[] = [
  { method: 'GET', path: '/wifi/locations', scope: 'wifi:read', handler: listLocations },
  { method: 'GET', path: '/wifi/portals', scope: 'wifi:read', handler: listPortals },
  { method: 'GET', path: '/wifi/sessions', scope: 'wifi:read', handler: listSessions },
  { method: 'GET', path: '/wifi/live-guests', scope: 'wifi:read', handler: liveGuests },
];
