import type { VendorContext } from '../context';
import { floorSecond } from '../lib/time';
import type { NectifiGrant, NectifiGuest, NectifiPromotion, NectifiSession, NectifiState } from './state';

// State changes shared by the HTTP routes and the insert helpers; each emits its webhook event.

export type GuestInput = Partial<Omit<NectifiGuest, 'id'>> & { location_id: number };

export function createGuest(st: NectifiState, ctx: VendorContext, input: GuestInput): NectifiGuest {
  const at = floorSecond(ctx.now());
  const guest = st.addGuest({
    location_id: input.location_id,
    portal_id: input.portal_id ?? null,
    name: input.name ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    is_vip: input.is_vip ?? false,
    marketing_consent: input.marketing_consent ?? false,
    tags: input.tags ?? [],
    created_at: input.created_at ?? at,
    updated_at: input.updated_at ?? input.created_at ?? at,
  });
  ctx.webhooks.emit('guest.created', { guest_id: guest.id, location_id: guest.location_id, portal_id: guest.portal_id, name: guest.name, email: guest.email });
  return guest;
}

export function updateGuest(st: NectifiState, ctx: VendorContext, guest: NectifiGuest, changes: Partial<NectifiGuest>): NectifiGuest {
  const changed = Object.keys(changes).filter(
    (k) => JSON.stringify(changes[k as keyof NectifiGuest]) !== JSON.stringify(guest[k as keyof NectifiGuest]),
  );
  if (!changed.length) return guest;
  const next = { ...guest, ...changes, updated_at: floorSecond(ctx.now()) };
  st.updateGuest(next);
  ctx.webhooks.emit('guest.updated', { guest_id: guest.id, changed_fields: changed });
  return next;
}

export function startSession(st: NectifiState, ctx: VendorContext, fields: Omit<NectifiSession, 'id'>): NectifiSession {
  const s = st.addSession(fields);
  ctx.webhooks.emit('visit.started', { session_id: s.id, guest_id: s.guest_id, location_id: s.location_id, portal_id: s.portal_id, mac_address: s.mac_address });
  if (s.ended_at !== null) emitEnded(ctx, s);
  return s;
}

export function endSession(st: NectifiState, ctx: VendorContext, id: number, at = floorSecond(ctx.now())): NectifiSession {
  const s = st.endSession(id, at);
  emitEnded(ctx, s);
  return s;
}

function emitEnded(ctx: VendorContext, s: NectifiSession): void {
  ctx.webhooks.emit('visit.ended', {
    session_id: s.id,
    guest_id: s.guest_id,
    location_id: s.location_id,
    portal_id: s.portal_id,
    duration_seconds: Math.floor(((s.ended_at as number) - s.started_at) / 1000),
  });
}

export function grantPromotion(st: NectifiState, ctx: VendorContext, promo: NectifiPromotion, guestId: number, locationId: number): NectifiGrant {
  const g = st.addGrant(promo, guestId, locationId, floorSecond(ctx.now()));
  ctx.webhooks.emit('promotion.granted', { grant_id: g.grant_id, promotion_id: g.promotion_id, guest_id: g.guest_id, location_id: g.location_id });
  return g;
}

export function redeemGrant(ctx: VendorContext, st: NectifiState, grant: NectifiGrant, locationId: number): NectifiGrant {
  st.markRedeemed(grant, locationId, floorSecond(ctx.now()));
  ctx.webhooks.emit('promotion.redeemed', {
    grant_id: grant.grant_id,
    redemption_id: grant.redemption_id,
    promotion_id: grant.promotion_id,
    guest_id: grant.guest_id,
    location_id: locationId,
  });
  return grant;
}
