import { HttpError } from '../context';
import type { SandboxRequest } from '../http';
import { DAY, floorSecond, isoOffset } from '../lib/time';
import { findGuest } from './crm';
import { findLocation } from './promotions';
import { ok, type NectifiEnv, type NectifiRoute } from './route';
import { Checker, jsonBody, notFound, pathId } from './validate';
import { grantView } from './views';

function walletPayload(req: SandboxRequest, { st, now }: NectifiEnv) {
  const guest = findGuest(st, pathId(req, 'guest_id'));
  const p = st.points(guest.id);
  const tier = st.tierFor(p.lifetime).current;
  const offers = st
    .grantsOf(guest.id)
    .filter((g) => g.status === 'granted' && g.expires_at > now)
    .map((g) => grantView(g, st.promotions.find((x) => x.id === g.promotion_id), now));
  const link = [...st.walletLinks].reverse().find((l) => l.guest_id === guest.id && l.expires_at > now);
  return ok({
    guest_id: guest.id,
    name: guest.name,
    email: guest.email,
    tier: tier.tier,
    tier_name: tier.name,
    points_balance: p.balance,
    lifetime_points: p.lifetime,
    rewards: st.rewards.map((r) => ({ ...r, available: p.balance >= r.points_cost })),
    offers,
    wallet_url: link?.url ?? null,
    updated_at: isoOffset(Math.max(p.updated_at, guest.updated_at)),
  });
}

function issueLink(req: SandboxRequest, { st, ctx, now }: NectifiEnv) {
  const body = jsonBody(req);
  const c = new Checker('body');
  const guestId = c.int('guest_id', body.guest_id, { required: true });
  const portalId = c.int('portal_id', body.portal_id);
  const ttl = c.int('ttl_days', body.ttl_days, { ge: 1, le: 365 }) ?? 30;
  c.done();
  const guest = findGuest(st, guestId as number);
  // Decision: portal_id defaults to the guest's portal (the doc's example sends one).
  const portal = st.portals.find((p) => p.id === (portalId ?? guest.portal_id ?? st.portals.find((x) => x.location_id === guest.location_id)?.id));
  if (!portal) throw notFound('Portal');
  const token = ctx.rng.alnum(32);
  const at = floorSecond(now);
  const link = { token, guest_id: guest.id, portal_id: portal.id, url: `https://wallet.nectifi.com/w/${token}`, created_at: at, expires_at: at + ttl * DAY };
  st.walletLinks.push(link);
  req.applied = true;
  return ok({ url: link.url, token, guest_id: guest.id, portal_id: portal.id, ttl_days: ttl, created_at: isoOffset(at), expires_at: isoOffset(link.expires_at) });
}

function redeemReward(req: SandboxRequest, { st, ctx, now }: NectifiEnv) {
  const body = jsonBody(req);
  const c = new Checker('body');
  const guestId = c.int('guest_id', body.guest_id, { required: true });
  const rewardId = c.int('reward_id', body.reward_id, { required: true });
  const locationId = c.int('location_id', body.location_id, { required: true });
  c.done();
  const guest = findGuest(st, guestId as number);
  const reward = st.rewards.find((r) => r.reward_id === rewardId);
  if (!reward) throw notFound('Reward');
  findLocation(st, locationId as number);
  const balance = st.points(guest.id).balance;
  if (balance < reward.points_cost) throw new HttpError(422, `Insufficient points: balance is ${balance}, reward costs ${reward.points_cost}`);
  const at = floorSecond(now);
  const e = st.addLedger(guest.id, -reward.points_cost, 'wallet_redemption', reward.name, null, at);
  const r = { redemption_id: 7001 + st.walletRedemptions.length, guest_id: guest.id, reward_id: reward.reward_id, location_id: locationId as number, points_spent: reward.points_cost, redeemed_at: at };
  st.walletRedemptions.push(r);
  ctx.webhooks.emit('wallet.redeemed', { redemption_id: r.redemption_id, guest_id: guest.id, reward_id: reward.reward_id, location_id: r.location_id, points_spent: r.points_spent });
  req.applied = true;
  return ok({ ...r, reward_name: reward.name, points_balance: e.balance_after, redeemed_at: isoOffset(at) });
}

export const walletRoutes: NectifiRoute[] = [
  { method: 'GET', path: '/wallet/guests/{guest_id}', scope: 'wallet:read', handler: walletPayload },
  { method: 'POST', path: '/wallet/link', scope: 'wallet:write', handler: issueLink },
  { method: 'POST', path: '/wallet/redeem', scope: 'wallet:write', handler: redeemReward },
];
