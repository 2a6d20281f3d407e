import { HttpError } from '../context';
import type { SandboxRequest } from '../http';
import { findGuest } from './crm';
import { idempotent } from './idempotency';
import { ok, type NectifiEnv, type NectifiRoute } from './route';
import { grantPromotion, redeemGrant } from './service';
import type { NectifiState } from './state';
import { Checker, jsonBody, notFound, paging, pathId } from './validate';
import { grantView, listEnvelope, promotionStatus, promotionView, redemptionView } from './views';

export function findLocation(st: NectifiState, id: number) {
  const l = st.locations.find((x) => x.id === id);
  if (!l) throw notFound('Location');
  return l;
}

function listPromotions(req: SandboxRequest, { st, now }: NectifiEnv) {
  const { limit, offset } = paging(req);
  const c = new Checker('query');
  const activeOnly = c.bool('active_only', req.query.get('active_only') ?? undefined);
  c.done();
  const all = [...st.promotions].reverse().filter((p) => !activeOnly || promotionStatus(p, now) === 'active');
  return ok(listEnvelope(all.slice(offset, offset + limit).map((p) => promotionView(p, now)), all.length, limit, offset));
}

function grant(req: SandboxRequest, { st, ctx, now }: NectifiEnv) {
  const promo = st.promotions.find((p) => p.id === pathId(req, 'promotion_id'));
  if (!promo) throw notFound('Promotion');
  const body = jsonBody(req);
  const c = new Checker('body');
  const guestId = c.int('guest_id', body.guest_id, { required: true });
  const locationId = c.int('location_id', body.location_id);
  c.done();
  const guest = findGuest(st, guestId as number);
  // Decision: location_id defaults to the guest's home location when omitted.
  const location = findLocation(st, locationId ?? guest.location_id);
  if (promotionStatus(promo, now) !== 'active') throw new HttpError(409, `Promotion ${promo.id} is not active`);
  if (!promo.location_ids.includes(location.id)) throw new HttpError(422, `Promotion ${promo.id} is not available at location ${location.id}`);
  const g = grantPromotion(st, ctx, promo, guest.id, location.id);
  req.applied = true;
  return ok(grantView(g, promo, now), 201);
}

function redeem(req: SandboxRequest, { st, ctx, now }: NectifiEnv) {
  const body = jsonBody(req);
  const c = new Checker('body');
  const grantId = c.int('grant_id', body.grant_id, { required: true });
  const locationId = c.int('location_id', body.location_id, { required: true });
  const key = c.str('idempotency_key', body.idempotency_key, { min: 1, max: 255 });
  c.done();
  return idempotent(st, req, key, body, () => {
    const g = st.grants.find((x) => x.grant_id === grantId);
    if (!g) throw notFound('Grant');
    findLocation(st, locationId as number);
    const promo = st.promotions.find((p) => p.id === g.promotion_id);
    if (g.status === 'redeemed') throw new HttpError(409, `Grant ${g.grant_id} was already redeemed`);
    if (g.expires_at <= now) throw new HttpError(409, `Grant ${g.grant_id} has expired`);
    if (promo && !promo.location_ids.includes(locationId as number))
      throw new HttpError(422, `Promotion ${promo.id} is not available at location ${locationId}`);
    redeemGrant(ctx, st, g, locationId as number);
    req.applied = true;
    return ok(redemptionView(g, key ?? null));
  });
}

export const promotionRoutes: NectifiRoute[] = [
  { method: 'GET', path: '/promotions', scope: 'promotions:read', alt: ['promotions.grant'], handler: listPromotions },
  { method: 'POST', path: '/promotions/{promotion_id}/grant', scope: 'promotions:write', alt: ['promotions.grant'], handler: grant },
  { method: 'POST', path: '/promotions/redeem', scope: 'promotions:write', handler: redeem },
];
