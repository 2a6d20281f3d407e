import { HttpError } from '../context';
import type { SandboxRequest } from '../http';
import { floorSecond, isoOffset } from '../lib/time';
import { findGuest } from './crm';
import { idempotent } from './idempotency';
import { ok, type NectifiEnv, type NectifiRoute } from './route';
import type { NectifiState } from './state';
import { Checker, jsonBody, pathId } from './validate';
import { ledgerView } from './views';

export function pointsView(st: NectifiState, guestId: number) {
  const p = st.points(guestId);
  return { guest_id: guestId, points_balance: p.balance, lifetime_points: p.lifetime, tier: st.tierFor(p.lifetime).current.tier, updated_at: isoOffset(p.updated_at) };
}

function tierView(st: NectifiState, guestId: number) {
  const p = st.points(guestId);
  const { current, next } = st.tierFor(p.lifetime);
  return {
    guest_id: guestId,
    tier: current.tier,
    tier_name: current.name,
    lifetime_points: p.lifetime,
    next_tier: next?.tier ?? null,
    next_tier_name: next?.name ?? null,
    points_to_next_tier: next ? next.min - p.lifetime : null,
  };
}

/** Body of points/redeem. The guest id is in the path and (per the doc's examples) the body too; they must agree. */
function pointsBody(req: SandboxRequest, pathGuest: number) {
  const body = jsonBody(req);
  const c = new Checker('body');
  const bodyGuest = c.int('guest_id', body.guest_id);
  // Decision: points are a positive integer on both endpoints; "add" never subtracts.
  const points = c.int('points', body.points, { required: true, ge: 1, le: 1_000_000 });
  const note = c.str('note', body.note, { max: 500 });
  const key = c.str('idempotency_key', body.idempotency_key, { min: 1, max: 255 });
  if (bodyGuest !== undefined && bodyGuest !== pathGuest)
    c.fail('guest_id', 'value_error', 'Value error, guest_id in the body does not match the path', body.guest_id);
  c.done();
  return { body, points: points as number, note: note ?? null, key };
}

function addPoints(req: SandboxRequest, { st, ctx, now }: NectifiEnv) {
  const guest = findGuest(st, pathId(req, 'guest_id'));
  const { body, points, note, key } = pointsBody(req, guest.id);
  return idempotent(st, req, key, body, () => {
    const e = st.addLedger(guest.id, points, 'adjustment', note, key ?? null, floorSecond(now));
    ctx.webhooks.emit('loyalty.points_added', { guest_id: guest.id, transaction_id: e.transaction_id, points, points_balance: e.balance_after });
    req.applied = true;
    return ok(ledgerView(st, e));
  });
}

function redeemPoints(req: SandboxRequest, { st, ctx, now }: NectifiEnv) {
  const guest = findGuest(st, pathId(req, 'guest_id'));
  const { body, points, note, key } = pointsBody(req, guest.id);
  return idempotent(st, req, key, body, () => {
    const balance = st.points(guest.id).balance;
    // Decision: 422 with a string detail, like the other business-rule errors.
    if (points > balance) throw new HttpError(422, `Insufficient points: balance is ${balance}, requested ${points}`);
    const e = st.addLedger(guest.id, -points, 'redemption', note, key ?? null, floorSecond(now));
    ctx.webhooks.emit('loyalty.points_redeemed', { guest_id: guest.id, transaction_id: e.transaction_id, points, points_balance: e.balance_after });
    req.applied = true;
    return ok(ledgerView(st, e));
  });
}

export const loyaltyRoutes: NectifiRoute[] = [
  {
    method: 'GET',
    path: '/loyalty/guests/{guest_id}/points',
    scope: 'loyalty:read',
    alt: ['loyalty.adjust'],
    handler: (req, { st }) => ok(pointsView(st, findGuest(st, pathId(req, 'guest_id')).id)),
  },
  {
    method: 'GET',
    path: '/loyalty/guests/{guest_id}/tier',
    scope: 'loyalty:read',
    alt: ['loyalty.adjust'],
    handler: (req, { st }) => ok(tierView(st, findGuest(st, pathId(req, 'guest_id')).id)),
  },
  { method: 'POST', path: '/loyalty/guests/{guest_id}/points', scope: 'loyalty:write', alt: ['loyalty.adjust'], handler: addPoints },
  { method: 'POST', path: '/loyalty/guests/{guest_id}/redeem', scope: 'loyalty:write', alt: ['loyalty.adjust'], handler: redeemPoints },
];
