import { HttpError, type VendorContext, newestFirstIds } from '../context';
import {
  bearerToken,
  contentType,
  htmlReply,
  isPlainObject,
  jsonReply,
  parseForm,
  parseJson,
  Router,
  type Reply,
  type RouteMatch,
  type SandboxRequest,
  statusText,
  type VendorApp,
} from '../http';
import { ANYKROWD_API_KEY } from '../keys';
import { positiveInt, resourceCollection } from '../lib/laravel';
import { floorSecond, HOUR, parseDate } from '../lib/time';
import { parseMoney } from './money';
import type { AkUserRole, AkWallet, AnykrowdState } from './state';
import { currencyView, eventView, freshTopUpView, transactionView, walletView } from './views';

type AkHandler = (req: SandboxRequest, st: AnykrowdState, now: number) => unknown;

const error = (status: number, message: string, headers: Record<string, string> = {}): Reply =>
  jsonReply(status, { status: 'error', error: { code: status, error: message } }, headers);

const bad = (message: string) => new HttpError(400, message);
const notFound = (message: string) => new HttpError(404, message);

// Undocumented maximum page size; decision: cap at 1000.
const MAX_LIMIT = 1000;

/** Laravel's `expectsJson()`: the first accepted type is JSON. */
function wantsJson(req: SandboxRequest): boolean {
  const first = String(req.headers.accept ?? '').split(',')[0].trim().toLowerCase();
  return first.includes('/json') || first.includes('+json');
}

function body(req: SandboxRequest): Record<string, unknown> {
  if (contentType(req) === 'application/x-www-form-urlencoded') return parseForm(req);
  const parsed = parseJson(req);
  if (!parsed.ok) throw bad('The request body is not valid JSON.');
  if (parsed.value === undefined) return {};
  if (!isPlainObject(parsed.value)) throw bad('The request body must be a JSON object.');
  return parsed.value;
}

function intValue(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return parseInt(v, 10);
  return undefined;
}

function requireInt(b: Record<string, unknown>, field: string): number {
  const label = field.replace(/_/g, ' ');
  if (b[field] === undefined || b[field] === null || b[field] === '') throw bad(`The ${label} field is required.`);
  const n = intValue(b[field]);
  if (n === undefined) throw bad(`The ${label} field must be an integer.`);
  return n;
}

/** `external_id` may be a string or an integer (vendor-decisions.md); stored as a string. */
function externalId(v: unknown, label = 'external id'): string {
  if (v === undefined || v === null || v === '') throw bad(`The ${label} field is required.`);
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v === 'string' && v.trim()) return v.trim();
  throw bad(`The ${label} field must be a string.`);
}

function pageReq(req: SandboxRequest) {
  return { page: positiveInt(req.query.get('page'), 1), perPage: positiveInt(req.query.get('limit'), 10, MAX_LIMIT) };
}

/** The doc's examples: page links carry only `page` (Laravel's default), not `limit` or filters. */
function collection<T, V>(base: string, req: SandboxRequest, all: T[], view: (x: T) => V) {
  const p = pageReq(req);
  return resourceCollection(all.slice((p.page - 1) * p.perPage, p.page * p.perPage).map(view), all.length, p, `${base}${req.path}`, null);
}

function topUp(st: AnykrowdState, wallet: AkWallet, amountInput: unknown, now: number, req: SandboxRequest) {
  const m = parseMoney('amount', amountInput);
  if (!m.ok) throw bad(m.error);
  const tx = st.addTransaction(wallet, { amount_cents: m.cents, direction: 'CREDIT', type: 'top_up', reference: 'Partner Top Up', created_at: floorSecond(now) });
  req.applied = true;
  return freshTopUpView(st, tx, amountInput);
}

function walletTopUp(req: SandboxRequest, st: AnykrowdState, now: number) {
  const b = body(req);
  // The doc's endpoint line and table put wallet_id in the body, its example posts to /topup/{id}: accept both.
  const pathId = req.params.id !== undefined ? intValue(req.params.id) : undefined;
  if (req.params.id !== undefined && pathId === undefined) throw notFound('Wallet not found.');
  const bodyId = b.wallet_id === undefined || b.wallet_id === null ? undefined : requireInt(b, 'wallet_id');
  if (pathId !== undefined && bodyId !== undefined && pathId !== bodyId) throw bad('The wallet id in the body does not match the URL.');
  const id = bodyId ?? pathId;
  if (id === undefined) throw bad('The wallet id field is required.');
  const currencyId = requireInt(b, 'currency_id');
  if (!st.currency(currencyId)) throw bad('The selected currency id is invalid.');
  const wallet = st.wallet(id);
  if (!wallet) throw notFound('Wallet not found.');
  if (wallet.currency_id !== currencyId) throw bad('The currency id does not match the currency of the wallet.');
  return topUp(st, wallet, b.amount, now, req);
}

function userTopUp(req: SandboxRequest, st: AnykrowdState, now: number) {
  const b = body(req);
  const ext = externalId(b.external_id);
  const currencyId = requireInt(b, 'currency_id');
  if (!st.currency(currencyId)) throw bad('The selected currency id is invalid.');
  const m = parseMoney('amount', b.amount);
  if (!m.ok) throw bad(m.error);
  const user = st.userByExternalId(ext);
  if (!user) throw notFound('User not found.');
  const wallet = st.walletsOf(user.id).find((w) => w.currency_id === currencyId) ?? st.addWallet(user.id, currencyId);
  return topUp(st, wallet, b.amount, now, req);
}

function revoke(req: SandboxRequest, st: AnykrowdState, now: number) {
  const b = body(req);
  if (!Array.isArray(b.nanoids) || b.nanoids.length === 0) throw bad('The nanoids field is required.');
  if (b.nanoids.some((n) => typeof n !== 'string' || !n)) throw bad('The nanoids.* field must be a string.');
  const nanoids = [...new Set(b.nanoids as string[])];
  const txs = nanoids.map((n) => {
    const tx = st.transactionByNanoid(n);
    if (!tx) throw notFound(`Transaction ${n} not found.`);
    if (tx.type !== 'top_up') throw bad(`Transaction ${n} is not a top-up.`);
    if (tx.revoked_at !== null) throw bad(`Transaction ${n} has already been revoked.`);
    return tx;
  });
  // All or nothing: check every balance before changing any.
  const need = new Map<number, number>();
  for (const tx of txs) need.set(tx.wallet_id, (need.get(tx.wallet_id) ?? 0) + tx.amount_cents);
  for (const [walletId, cents] of need)
    if ((st.wallet(walletId) as AkWallet).balance_cents < cents) throw bad(`Insufficient balance in wallet ${walletId} to revoke the top-up.`);
  const at = floorSecond(now);
  for (const tx of txs) {
    tx.revoked_at = at;
    st.addTransaction(st.wallet(tx.wallet_id) as AkWallet, {
      amount_cents: tx.amount_cents,
      direction: 'DEBIT',
      type: 'top_up_revoke',
      reference: `Revoke ${tx.nanoid}`,
      created_at: at,
    });
  }
  req.applied = true;
  return { success: true };
}

function roleEntries(v: unknown, prefix: string, st: AnykrowdState): AkUserRole[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw bad(`The ${prefix}.roles field must be an array.`);
  return v.map((r, j) => {
    const p = `${prefix}.roles.${j}`;
    if (!isPlainObject(r)) throw bad(`The ${p} field must be an object.`);
    const roleId = r.role_id === undefined || r.role_id === null ? undefined : intValue(r.role_id);
    if (r.role_id !== undefined && r.role_id !== null && roleId === undefined) throw bad(`The ${p}.role_id field must be an integer.`);
    if (roleId !== undefined && !st.roles.some((x) => x.id === roleId)) throw bad(`The selected ${p}.role_id is invalid.`);
    const date = (k: 'valid_from' | 'valid_until'): string | null => {
      const d = r[k];
      if (d === undefined || d === null) return null;
      if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(d) || !parseDate(d, ' '))
        throw bad(`The ${p}.${k} field must match the format Y-m-d H:i:s.`);
      return d;
    };
    return { role_id: roleId ?? 0, valid_from: date('valid_from'), valid_until: date('valid_until') };
  });
}

function sync(req: SandboxRequest, st: AnykrowdState, now: number) {
  const b = body(req);
  if (!Array.isArray(b.staff_members) || b.staff_members.length === 0) throw bad('The staff members field is required.');
  const str = (m: Record<string, unknown>, k: string, p: string): string => {
    const v = m[k];
    if (v === undefined || v === null || v === '') throw bad(`The ${p}.${k} field is required.`);
    if (typeof v !== 'string') throw bad(`The ${p}.${k} field must be a string.`);
    return v;
  };
  const members = b.staff_members.map((m, i) => {
    const p = `staff_members.${i}`;
    if (!isPlainObject(m)) throw bad(`The ${p} field must be an object.`);
    const qrs = m.external_qr_codes;
    if (qrs !== undefined && qrs !== null && (!Array.isArray(qrs) || qrs.some((q) => typeof q !== 'string')))
      throw bad(`The ${p}.external_qr_codes field must be an array of strings.`);
    const create = m.create_user_account;
    if (create !== undefined && create !== null && typeof create !== 'boolean' && create !== 0 && create !== 1)
      throw bad(`The ${p}.create_user_account field must be true or false.`);
    return {
      external_id: externalId(m.external_id, `${p}.external_id`),
      external_qr_code: str(m, 'external_qr_code', p),
      external_qr_codes: (qrs as string[] | undefined | null) ?? [],
      first_name: str(m, 'first_name', p),
      last_name: str(m, 'last_name', p),
      roles: roleEntries(m.roles, p, st),
      create: create === true || create === 1,
    };
  });
  const at = floorSecond(now);
  for (const { create, ...m } of members) {
    const existing = st.userByExternalId(m.external_id);
    if (existing) Object.assign(existing, m, { has_account: existing.has_account || create, updated_at: at });
    else st.addUser({ ...m, has_account: create, created_at: at, updated_at: at });
  }
  req.applied = true;
  return { success: true };
}

export function createAnykrowdApp(ctx: VendorContext, state: () => AnykrowdState): VendorApp<AkHandler> {
  const base = ctx.urls.anykrowd;
  const byId = <T extends { id: number }>(items: T[], raw: string, what: string): T => {
    const item = items.find((x) => String(x.id) === raw);
    if (!item) throw notFound(`${what} not found.`);
    return item;
  };
  const walletOf = (st: AnykrowdState, raw: string): AkWallet => {
    const w = st.wallet(intValue(raw) ?? 0);
    if (!w) throw notFound('Wallet not found.');
    return w;
  };
  const router = new Router<AkHandler>()
    .add('GET', '/apix/v1/ping', () => ({ message: 'pong' }))
    .add('GET', '/apix/v1/currencies/list', (req, st) => collection(base, req, st.currencies, currencyView))
    .add('GET', '/apix/v1/currencies/show/{id}', (req, st) => currencyView(byId(st.currencies, req.params.id, 'Currency')))
    .add('GET', '/apix/v1/events/list', (req, st, now) => {
      const active = req.query.get('active') === 'true';
      const events = st.events.filter((e) => !active || (e.start <= now && now <= e.end));
      return collection(base, req, events, (e) => eventView(e, now));
    })
    .add('GET', '/apix/v1/events/show/{id}', (req, st, now) => eventView(byId(st.events, req.params.id, 'Event'), now))
    .add('GET', '/apix/v1/roles/list', (req, st) => collection(base, req, st.roles, (r) => r))
    .add('GET', '/apix/v1/roles/show/{id}', (req, st) => byId(st.roles, req.params.id, 'Role'))
    .add('GET', '/apix/v1/users/wallets', (req, st) => {
      const ext = externalId(req.query.get('external_id') ?? undefined);
      const user = st.userByExternalId(ext);
      if (!user) throw notFound('User not found.');
      return st.walletsOf(user.id).map((w) => walletView(st, w));
    })
    .add('POST', '/apix/v1/users/sync', sync)
    .add('POST', '/apix/v1/users/topup', userTopUp)
    .add('GET', '/apix/v1/wallets/show/{id}', (req, st) => walletView(st, walletOf(st, req.params.id)))
    .add('GET', '/apix/v1/wallets/transactions/{id}', (req, st) => {
      const w = walletOf(st, req.params.id);
      const all = st.transactionsOf(w.id);
      // Newest first: by insertion (ids grow) or, with `listOrder: 'time'`, by created_at.
      const order = newestFirstIds(ctx, all.map((_, i) => i), (i) => all[i].created_at);
      return collection(base, req, order.map((i) => all[i]), (t) => transactionView(st, t));
    })
    .add('POST', '/apix/v1/wallets/topup', walletTopUp)
    .add('POST', '/apix/v1/wallets/topup/{id}', walletTopUp)
    .add('POST', '/apix/v1/wallets/topup-revoke', revoke)
    .add('GET', '/login', () => undefined);

  /** 1,000 requests per hour per key (the doc), a fixed window like Laravel's throttle. */
  function rateLimit(req: SandboxRequest, now: number): { headers: Record<string, string>; exceeded: boolean } {
    const limit = ctx.anykrowdRateLimitPerHour;
    const id = bearerToken(req) ?? 'anonymous';
    const windows = state().rateWindows;
    let w = windows.get(id);
    if (!w || now >= w.start + HOUR) windows.set(id, (w = { start: now, count: 0 }));
    const exceeded = w.count >= limit;
    if (!exceeded) w.count++;
    return {
      exceeded,
      headers: {
        'X-RateLimit-Limit': String(limit),
        'X-RateLimit-Remaining': String(Math.max(0, limit - w.count)),
        'X-RateLimit-Reset': String(Math.ceil((w.start + HOUR) / 1000)),
      },
    };
  }

  return {
    vendor: 'anykrowd',
    router,
    rateLimitMessage: 'Too Many Attempts.',
    quotaMessage: 'Quota exceeded.',
    error: (status, message) => error(status, message ?? statusText(status, true)),
    handle(req: SandboxRequest, match: RouteMatch<AkHandler>): Reply {
      if (req.path === '/login' && req.method === 'GET') return htmlReply(200, loginPage());
      const json = wantsJson(req);
      if (match.kind === 'none') return json ? error(404, 'Not Found') : htmlReply(404, notFoundPage());
      if (match.kind === 'method-not-allowed') return error(405, `The ${req.method} method is not supported for this route.`, { Allow: match.allowed.join(', ') });
      const now = ctx.now();
      const rl = rateLimit(req, now);
      if (rl.exceeded) return error(429, 'Too Many Attempts.', rl.headers);
      // The doc: `Accept: application/json` is mandatory. Without it Laravel redirects to its login page.
      if (!json) return htmlReply(302, redirectPage(`${base}/login`), { Location: `${base}/login`, ...rl.headers });
      if (bearerToken(req) !== ANYKROWD_API_KEY) return error(401, 'Unauthenticated.', rl.headers);
      try {
        return jsonReply(200, match.handler(req, state(), now), rl.headers);
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        return error(e.status, e.message, rl.headers);
      }
    },
  };
}

function loginPage(): string {
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>anykrowd - Login</title></head><body><form method="POST" action="/login"><input type="email" name="email"><input type="password" name="password"><button type="submit">Log in</button></form></body></html>';
}

function redirectPage(url: string): string {
  return `<!DOCTYPE html><html><head><meta charset="UTF-8" /><meta http-equiv="refresh" content="0;url='${url}'" /><title>Redirecting to ${url}</title></head><body>Redirecting to <a href="${url}">${url}</a>.</body></html>`;
}

function notFoundPage(): string {
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not Found</title></head><body><div>404 | Not Found</div></body></html>';
}
