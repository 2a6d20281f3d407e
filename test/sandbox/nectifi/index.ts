import { randomUUID } from 'node:crypto';
import { HttpError, type VendorContext } from '../context';
import { bearerToken, jsonReply, Router, type Reply, type RouteMatch, type SandboxRequest, statusText, type VendorApp } from '../http';
import { analyticsRoutes } from './analytics';
import { communicationRoutes } from './communication';
import { crmRoutes } from './crm';
import { hasScope, ipAllowed, monthOf, normalizeScope, takeRateSlot, type ApiKeyRecord } from './keys';
import { loyaltyRoutes } from './loyalty';
import { promotionRoutes } from './promotions';
import type { NectifiRoute } from './route';
import type { NectifiState } from './state';
import { walletRoutes } from './wallet';
import { wifiRoutes } from './wifi';

export const NECTIFI_ROUTES: readonly NectifiRoute[] = [
  ...crmRoutes,
  ...promotionRoutes,
  ...loyaltyRoutes,
  ...walletRoutes,
  ...communicationRoutes,
  ...wifiRoutes,
  ...analyticsRoutes,
];

const detail = (status: number, d: unknown, headers: Record<string, string> = {}): Reply => jsonReply(status, { detail: d }, headers);

function usageHeaders(key: ApiKeyRecord): Record<string, string> {
  const pct = Math.min(100, (key.monthlyUsed / key.monthlyQuota) * 100);
  const h: Record<string, string> = { 'X-API-Usage-Percent': String(Math.round(pct * 10) / 10) };
  if (pct > 80) h['X-API-Usage-Warning'] = `${Math.round(pct)}% of the monthly API quota used`;
  return h;
}

/** A list answer as a bare array of its items (`nectifiListShape: 'bare'`); other answers unchanged. */
function bareList(reply: Reply): Reply {
  if (reply.status !== 200 || !reply.body.startsWith('{"items":')) return reply;
  const { items } = JSON.parse(reply.body) as { items: unknown[] };
  return { ...reply, body: JSON.stringify(items) };
}

export function createNectifiApp(ctx: VendorContext, state: () => NectifiState): VendorApp<NectifiRoute> {
  const router = new Router<NectifiRoute>();
  for (const r of NECTIFI_ROUTES) router.add(r.method, r.path, r);

  function authenticate(req: SandboxRequest, now: number): ApiKeyRecord | Reply {
    const token = bearerToken(req);
    const www = { 'WWW-Authenticate': 'Bearer' };
    if (!token) return detail(401, 'Not authenticated', www);
    const key = state().apiKeys.get(token);
    if (!key) return detail(401, 'Invalid API key', www);
    if (key.revoked) return detail(401, 'API key has been revoked', www);
    // The docs: 403 for "Missing scope, IP blocked, or entitlement required"; the words are ours.
    if (!ipAllowed(key.allowedIps, req.remoteAddress)) return detail(403, 'IP address not allowed for this API key');
    const month = monthOf(now);
    if (key.month !== month) Object.assign(key, { month, monthlyUsed: 0 });
    if (key.monthlyUsed >= key.monthlyQuota) return detail(429, 'api_monthly_quota_exceeded', usageHeaders(key));
    const wait = takeRateSlot(key, now);
    if (wait !== null) return detail(429, 'Rate limit exceeded for this API key', { 'Retry-After': String(wait), ...usageHeaders(key) });
    key.monthlyUsed++;
    return key;
  }

  return {
    vendor: 'nectifi',
    router,
    rateLimitMessage: 'Rate limit exceeded for this API key',
    quotaMessage: 'api_monthly_quota_exceeded',
    error: (status, message) => detail(status, message ?? statusText(status)),
    decorate(reply) {
      reply.headers['X-Request-Id'] = randomUUID();
      return reply;
    },
    handle(req: SandboxRequest, match: RouteMatch<NectifiRoute>): Reply {
      if (match.kind === 'none') return detail(404, 'Not Found');
      if (match.kind === 'method-not-allowed') return detail(405, 'Method Not Allowed', { Allow: match.allowed.join(', ') });
      const now = ctx.now();
      const key = authenticate(req, now);
      if (!('key' in key)) return key;
      const route = match.handler;
      const usage = usageHeaders(key);
      if (!hasScope(key.scopes, route.scope, route.alt)) return detail(403, `Missing scope: ${normalizeScope(route.scope)}`, usage);
      try {
        const reply = route.handler(req, { st: state(), ctx, key, now });
        Object.assign(reply.headers, usage);
        return ctx.nectifiListShape === 'bare' ? bareList(reply) : reply;
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        return detail(e.status, e.detail ?? e.message, { ...e.headers, ...usage });
      }
    },
  };
}

