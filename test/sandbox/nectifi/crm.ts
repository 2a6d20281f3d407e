import { HttpError, newestFirstIds } from '../context';
import type { SandboxRequest } from '../http';
import { isoOffset } from '../lib/time';
import { ok, type NectifiEnv, type NectifiRoute } from './route';
import { createGuest, updateGuest } from './service';
import type { NectifiGuest, NectifiState } from './state';
import { Checker, jsonBody, notFound, paging, pathId } from './validate';
import { guestView, listEnvelope, noteView, tagView } from './views';

export function findGuest(st: NectifiState, id: number): NectifiGuest {
  const g = st.guests.get(id);
  if (!g) throw notFound('Guest');
  return g;
}

function guestMatches(g: NectifiGuest, needle: string, digits: string): boolean {
  if (g.name?.toLowerCase().includes(needle) || g.email?.includes(needle)) return true;
  return digits.length >= 3 && !!g.phone && g.phone.replace(/\D/g, '').includes(digits);
}

function listGuests(req: SandboxRequest, { st, ctx }: NectifiEnv) {
  const { limit, offset } = paging(req);
  const c = new Checker('query');
  const locationId = c.int('location_id', req.query.get('location_id') ?? undefined);
  c.done();
  const search = (req.query.get('search') ?? '').trim().toLowerCase();
  const digits = search.replace(/\D/g, '');
  const ids =
    search || locationId !== undefined
      ? st.guests.filterIds(`search:${search}|loc:${locationId ?? ''}`, (g) =>
          (locationId === undefined || g.location_id === locationId) && (!search || guestMatches(g, search, digits)),
        )
      : null;
  const total = ids ? ids.length : st.guests.size;
  const items = [];
  // Newest first (doc: "stable sort order (newest first)"); ids grow with creation time. With
  // `listOrder: 'time'` the sandbox sorts by created_at instead (the doc does not say by what).
  const ordered = ctx.listOrder === 'time' ? newestFirstIds(ctx, ids ?? st.guests.filterIds('all', () => true), (id) => (st.guests.get(id) as NectifiGuest).created_at) : null;
  for (let k = offset; k < Math.min(total, offset + limit); k++) {
    const id = ordered ? ordered[k] : ids ? ids[ids.length - 1 - k] : st.guests.maxId - k;
    items.push(guestView(st, st.guests.get(id) as NectifiGuest));
  }
  return ok(listEnvelope(items, total, limit, offset));
}

/** Shared checks of create and update; returns only the fields present in the body. */
function guestFields(st: NectifiState, body: Record<string, unknown>, c: Checker): Partial<NectifiGuest> {
  const out: Partial<NectifiGuest> = {};
  if ('name' in body) out.name = body.name === null ? null : (c.str('name', body.name, { min: 1, max: 200 }) ?? null);
  if ('email' in body) out.email = body.email === null ? null : (c.email('email', body.email) ?? null);
  if ('phone' in body) out.phone = body.phone === null ? null : (c.str('phone', body.phone, { max: 32, pattern: /^\+?[0-9 ()-]{5,}$/ }) ?? null);
  const vip = c.bool('is_vip', body.is_vip);
  if (vip !== undefined) out.is_vip = vip;
  const consent = c.bool('marketing_consent', body.marketing_consent);
  if (consent !== undefined) out.marketing_consent = consent;
  const tags = c.strList('tags', body.tags);
  if (tags) {
    tags.forEach((t, i) => {
      if (!st.tags.some((d) => d.slug === t)) c.fail(['tags', i], 'value_error', `Value error, Unknown tag: ${t}`, t);
    });
    out.tags = [...new Set(tags)];
  }
  return out;
}

function checkPortal(st: NectifiState, c: Checker, locationId: number | undefined, portalId: number | null | undefined): void {
  if (portalId === undefined || portalId === null) return;
  const portal = st.portals.find((p) => p.id === portalId);
  if (!portal) throw notFound('Portal');
  if (locationId !== undefined && portal.location_id !== locationId)
    c.fail('portal_id', 'value_error', 'Value error, Portal does not belong to location', portalId);
}

function createGuestRoute(req: SandboxRequest, { st, ctx }: NectifiEnv) {
  const body = jsonBody(req);
  const c = new Checker('body');
  const locationId = c.int('location_id', body.location_id, { required: true });
  // Decision: portal_id is optional (a POS has no portal); the doc's example sends one.
  const portalId = c.int('portal_id', body.portal_id);
  const fields = guestFields(st, body, c);
  if (!fields.name && !fields.email && !c.errors.length)
    c.fail([], 'value_error', 'Value error, Either email or name is required', body);
  c.done();
  if (!st.locations.some((l) => l.id === locationId)) throw notFound('Location');
  checkPortal(st, c, locationId, portalId);
  c.done();
  const guest = createGuest(st, ctx, { ...fields, location_id: locationId as number, portal_id: portalId ?? null });
  req.applied = true;
  return ok(guestView(st, guest), 201);
}

function updateGuestRoute(req: SandboxRequest, { st, ctx }: NectifiEnv) {
  const guest = findGuest(st, pathId(req, 'guest_id'));
  const body = jsonBody(req);
  const c = new Checker('body');
  const fields = guestFields(st, body, c);
  const locationId = c.int('location_id', body.location_id);
  const portalId = body.portal_id === null ? null : c.int('portal_id', body.portal_id);
  c.done();
  if (locationId !== undefined) {
    if (!st.locations.some((l) => l.id === locationId)) throw notFound('Location');
    fields.location_id = locationId;
  }
  if ('portal_id' in body) {
    checkPortal(st, c, fields.location_id ?? guest.location_id, portalId);
    fields.portal_id = portalId ?? null;
  }
  const merged = { ...guest, ...fields };
  if (!merged.name && !merged.email) c.fail([], 'value_error', 'Value error, Either email or name is required', body);
  c.done();
  const next = updateGuest(st, ctx, guest, fields);
  if (next !== guest) req.applied = true;
  return ok(guestView(st, next));
}

interface TimelineItem {
  type: string;
  occurred_at: number;
  description: string;
  data: Record<string, unknown>;
}

function timeline(req: SandboxRequest, { st }: NectifiEnv) {
  const guest = findGuest(st, pathId(req, 'guest_id'));
  const { limit, offset } = paging(req);
  const items: TimelineItem[] = [{ type: 'guest.created', occurred_at: guest.created_at, description: 'Guest profile created', data: { location_id: guest.location_id, portal_id: guest.portal_id } }];
  for (const id of st.sessionIdsOf(guest.id)) {
    const s = st.sessions.get(id);
    if (!s) continue;
    const loc = st.locations.find((l) => l.id === s.location_id)?.name;
    items.push({ type: 'visit.started', occurred_at: s.started_at, description: `Connected to Wi-Fi at ${loc}`, data: { session_id: s.id, location_id: s.location_id } });
    if (s.ended_at !== null)
      items.push({ type: 'visit.ended', occurred_at: s.ended_at, description: `Left ${loc}`, data: { session_id: s.id, location_id: s.location_id } });
  }
  for (const n of st.notesOf(guest.id)) items.push({ type: 'note.added', occurred_at: n.created_at, description: n.text, data: { note_id: n.id, author: n.author } });
  for (const g of st.grantsOf(guest.id)) {
    const name = st.promotions.find((p) => p.id === g.promotion_id)?.name;
    items.push({ type: 'promotion.granted', occurred_at: g.granted_at, description: `Received "${name}"`, data: { grant_id: g.grant_id, promotion_id: g.promotion_id } });
    if (g.redeemed_at !== null)
      items.push({ type: 'promotion.redeemed', occurred_at: g.redeemed_at, description: `Redeemed "${name}"`, data: { grant_id: g.grant_id, promotion_id: g.promotion_id, location_id: g.redeemed_location_id } });
  }
  for (const e of st.ledgerOf(guest.id)) {
    const type = e.points > 0 ? 'loyalty.points_added' : e.type === 'wallet_redemption' ? 'wallet.redeemed' : 'loyalty.points_redeemed';
    items.push({ type, occurred_at: e.created_at, description: `${e.points > 0 ? '+' : ''}${e.points} points`, data: { transaction_id: e.transaction_id, points: e.points, balance: e.balance_after } });
  }
  for (const d of st.emails.values())
    if (d.guest_id === guest.id) items.push({ type: 'email.sent', occurred_at: d.created_at, description: `Email "${d.template_slug}"`, data: { request_id: d.request_id } });
  items.sort((a, b) => b.occurred_at - a.occurred_at);
  const page = items.slice(offset, offset + limit).map((i) => ({ ...i, occurred_at: isoOffset(i.occurred_at) }));
  return ok(listEnvelope(page, items.length, limit, offset));
}

function listTags(req: SandboxRequest, { st }: NectifiEnv) {
  const { limit, offset } = paging(req);
  const sorted = [...st.tags].reverse();
  return ok(listEnvelope(sorted.slice(offset, offset + limit).map(tagView), sorted.length, limit, offset));
}

function createTag(req: SandboxRequest, { st, now }: NectifiEnv) {
  const body = jsonBody(req);
  const c = new Checker('body');
  const slug = c.str('slug', body.slug, { required: true, min: 1, max: 64, pattern: /^[a-z0-9][a-z0-9_-]*$/ });
  const label = c.str('label', body.label, { min: 1, max: 100 });
  const color = c.str('color', body.color, { pattern: /^#[0-9a-fA-F]{6}$/ });
  c.done();
  if (st.tags.some((t) => t.slug === slug)) throw new HttpError(409, `Tag with slug '${slug}' already exists`);
  const tag = st.addTag(slug as string, label ?? (slug as string), color ?? '#6366f1', Math.floor(now / 1000) * 1000);
  req.applied = true;
  return ok(tagView(tag), 201);
}

function listNotes(req: SandboxRequest, { st }: NectifiEnv) {
  const guest = findGuest(st, pathId(req, 'guest_id'));
  const { limit, offset } = paging(req);
  const notes = [...st.notesOf(guest.id)].reverse();
  return ok(listEnvelope(notes.slice(offset, offset + limit).map(noteView), notes.length, limit, offset));
}

function addNote(req: SandboxRequest, { st, key, now }: NectifiEnv) {
  const guest = findGuest(st, pathId(req, 'guest_id'));
  const body = jsonBody(req);
  const c = new Checker('body');
  const text = c.str('text', body.text, { required: true, min: 1, max: 2000 });
  c.done();
  const note = st.addNote(guest.id, text as string, `API key: ${key.name}`, Math.floor(now / 1000) * 1000);
  req.applied = true;
  return ok(noteView(note), 201);
}

const GUEST_READ = ['guests.read', 'guests.write'];

export const crmRoutes: NectifiRoute[] = [
  { method: 'GET', path: '/crm/guests', scope: 'crm:read', alt: GUEST_READ, handler: listGuests },
  { method: 'POST', path: '/crm/guests', scope: 'crm:write', alt: ['guests.write'], handler: createGuestRoute },
  {
    method: 'GET',
    path: '/crm/guests/{guest_id}',
    scope: 'crm:read',
    alt: GUEST_READ,
    handler: (req, { st }) => ok(guestView(st, findGuest(st, pathId(req, 'guest_id')))),
  },
  { method: 'PATCH', path: '/crm/guests/{guest_id}', scope: 'crm:write', alt: ['guests.write'], handler: updateGuestRoute },
  { method: 'GET', path: '/crm/guests/{guest_id}/timeline', scope: 'crm:read', alt: [...GUEST_READ, 'events.read'], handler: timeline },
  { method: 'GET', path: '/crm/tags', scope: 'crm:read', alt: ['tags.write'], handler: listTags },
  { method: 'POST', path: '/crm/tags', scope: 'crm:write', alt: ['tags.write'], handler: createTag },
  { method: 'GET', path: '/crm/guests/{guest_id}/notes', scope: 'crm:read', alt: ['notes.write'], handler: listNotes },
  { method: 'POST', path: '/crm/guests/{guest_id}/notes', scope: 'crm:write', alt: ['notes.write'], handler: addNote },
];
