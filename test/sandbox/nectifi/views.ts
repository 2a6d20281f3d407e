import { isoOffset } from '../lib/time';
import type {
  EmailDelivery,
  LedgerEntry,
  NectifiGrant,
  NectifiGuest,
  NectifiLocation,
  NectifiNote,
  NectifiPortal,
  NectifiPromotion,
  NectifiSession,
  NectifiState,
  NectifiTag,
} from './state';

// The doc documents no response bodies; these shapes are ours (vendor-decisions.md: objects bare,
// lists `{items,total,limit,offset}`), with timestamps in Python's isoformat (`+00:00`) like the webhook example.

const iso = (ms: number | null): string | null => (ms === null ? null : isoOffset(ms));

export function listEnvelope<T>(items: T[], total: number, limit: number, offset: number) {
  return { items, total, limit, offset };
}

export function guestView(st: NectifiState, g: NectifiGuest) {
  const visits = st.visitStats(g.id);
  return {
    id: g.id,
    tenant_id: st.tenantId,
    location_id: g.location_id,
    portal_id: g.portal_id,
    name: g.name,
    email: g.email,
    phone: g.phone,
    is_vip: g.is_vip,
    marketing_consent: g.marketing_consent,
    tags: g.tags,
    visit_count: visits.visit_count,
    last_visit_at: iso(visits.last_visit_at),
    created_at: iso(g.created_at),
    updated_at: iso(g.updated_at),
  };
}

export function sessionView(s: NectifiSession, now: number) {
  const end = s.ended_at ?? Math.max(now, s.started_at);
  return {
    id: s.id,
    guest_id: s.guest_id,
    location_id: s.location_id,
    portal_id: s.portal_id,
    mac_address: s.mac_address,
    device_type: s.device_type,
    started_at: iso(s.started_at),
    ended_at: iso(s.ended_at),
    is_active: s.ended_at === null,
    duration_seconds: Math.floor((end - s.started_at) / 1000),
    bytes_in: s.bytes_in,
    bytes_out: s.bytes_out,
  };
}

export function locationView(l: NectifiLocation, portalCount: number) {
  return { id: l.id, name: l.name, address: l.address, city: l.city, country: l.country, timezone: l.timezone, portal_count: portalCount, created_at: iso(l.created_at) };
}

export function portalView(p: NectifiPortal) {
  return { id: p.id, location_id: p.location_id, name: p.name, ssid: p.ssid, is_active: p.is_active, created_at: iso(p.created_at) };
}

export function tagView(t: NectifiTag) {
  return { id: t.id, slug: t.slug, label: t.label, color: t.color, created_at: iso(t.created_at) };
}

export function noteView(n: NectifiNote) {
  return { id: n.id, guest_id: n.guest_id, text: n.text, author: n.author, created_at: iso(n.created_at) };
}

export function promotionStatus(p: NectifiPromotion, now: number): 'active' | 'scheduled' | 'expired' | 'paused' {
  if (p.ends_at !== null && p.ends_at <= now) return 'expired';
  if (!p.is_active) return 'paused';
  if (p.starts_at > now) return 'scheduled';
  return 'active';
}

export function promotionView(p: NectifiPromotion, now: number) {
  const status = promotionStatus(p, now);
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    type: p.type,
    value: p.value,
    location_ids: p.location_ids,
    status,
    is_active: status === 'active',
    starts_at: iso(p.starts_at),
    ends_at: iso(p.ends_at),
    valid_days: p.valid_days,
    created_at: iso(p.created_at),
  };
}

export function grantView(g: NectifiGrant, promo: NectifiPromotion | undefined, now: number) {
  return {
    grant_id: g.grant_id,
    promotion_id: g.promotion_id,
    promotion_name: promo?.name ?? null,
    guest_id: g.guest_id,
    location_id: g.location_id,
    status: g.status === 'granted' && g.expires_at <= now ? 'expired' : g.status,
    granted_at: iso(g.granted_at),
    expires_at: iso(g.expires_at),
    redeemed_at: iso(g.redeemed_at),
    redeemed_location_id: g.redeemed_location_id,
  };
}

export function redemptionView(g: NectifiGrant, idempotencyKey: string | null) {
  return {
    redemption_id: g.redemption_id,
    grant_id: g.grant_id,
    promotion_id: g.promotion_id,
    guest_id: g.guest_id,
    location_id: g.redeemed_location_id,
    status: 'redeemed',
    redeemed_at: iso(g.redeemed_at),
    idempotency_key: idempotencyKey,
  };
}

export function ledgerView(st: NectifiState, e: LedgerEntry) {
  return {
    transaction_id: e.transaction_id,
    guest_id: e.guest_id,
    points: Math.abs(e.points),
    type: e.type,
    note: e.note,
    idempotency_key: e.idempotency_key,
    points_balance: e.balance_after,
    lifetime_points: st.points(e.guest_id).lifetime,
    created_at: iso(e.created_at),
  };
}

/** Email delivery moves queued → sent (1 s) → delivered (3 s) on the sandbox clock; `bounce` addresses bounce. */
export function deliveryView(d: EmailDelivery, now: number) {
  const age = now - d.created_at;
  const bounces = d.recipient.includes('bounce');
  const status = age < 1000 ? 'queued' : age < 3000 ? 'sent' : bounces ? 'bounced' : 'delivered';
  return {
    request_id: d.request_id,
    guest_id: d.guest_id,
    template_slug: d.template_slug,
    recipient: d.recipient,
    status,
    queued_at: iso(d.created_at),
    sent_at: age >= 1000 ? iso(d.created_at + 1000) : null,
    delivered_at: status === 'delivered' ? iso(d.created_at + 3000) : null,
    error: status === 'bounced' ? 'Mailbox unavailable (550)' : null,
  };
}
