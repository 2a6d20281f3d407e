import { HttpError, type VendorContext } from '../context';
import { contentType, jsonReply, parseForm, Router, type Reply, type RouteMatch, type SandboxRequest, statusText, type VendorApp } from '../http';
import { SPLASH_API_KEY } from '../keys';
import { attr, paginator, positiveInt, validationMessage } from '../lib/laravel';
import type { SeededTable } from '../lib/table';
import { floorSecond, laravelIso, parseDate } from '../lib/time';
import type { SplashCustomer, SplashState, SplashTeam, SplashVenue, SplashVisit, SplashVoucher } from './state';

type SplashHandler = (req: SandboxRequest, st: SplashState, team: SplashTeam) => Reply;

const message = (status: number, msg: string, extra: Record<string, unknown> = {}): Reply => jsonReply(status, { message: msg, ...extra });

function invalid(errors: Record<string, string[]>): HttpError {
  return new HttpError(422, validationMessage(errors), errors);
}

// Undocumented; Laravel's default page size is 15. Decision: per_page above 1000 is capped to 1000.
const DEFAULT_PER_PAGE = 15;
const MAX_PER_PAGE = 1000;

export function customerView(c: SplashCustomer) {
  return {
    id: c.id,
    team_id: c.team_id,
    venue_id: c.venue_id,
    first_name: c.first_name,
    last_name: c.last_name,
    name: [c.first_name, c.last_name].filter(Boolean).join(' ') || null,
    email: c.email,
    phone: c.phone,
    mac_address: c.mac_address,
    gender: c.gender,
    birthday: c.birthday,
    postcode: c.postcode,
    marketing_opt_in: c.marketing_opt_in,
    source: c.source,
    created_at: laravelIso(c.created_at),
    updated_at: laravelIso(c.updated_at),
  };
}

export function visitView(v: SplashVisit) {
  return {
    id: v.id,
    team_id: v.team_id,
    customer_id: v.customer_id,
    venue_id: v.venue_id,
    mac_address: v.mac_address,
    device: v.device,
    duration: v.duration,
    created_at: laravelIso(v.created_at),
    updated_at: laravelIso(v.updated_at),
  };
}

function venueView(v: SplashVenue) {
  return { ...v, created_at: laravelIso(v.created_at), updated_at: laravelIso(v.updated_at) };
}

export function voucherView(v: SplashVoucher) {
  return { ...v, created_at: laravelIso(v.created_at), updated_at: laravelIso(v.updated_at) };
}

/** `start_date`/`end_date`: `yyyy-mm-dd` or `yyyy-mm-dd hh:mm:ss`, both inclusive on `created_at` (vendor-decisions.md). */
function dateRange(req: SandboxRequest): { from: number; to: number } {
  const errors: Record<string, string[]> = {};
  const read = (field: string, endOfRange: boolean): number => {
    const raw = req.query.get(field);
    if (raw === null || raw === '') return endOfRange ? Infinity : -Infinity;
    const d = parseDate(raw, ' ');
    if (!d) {
      errors[field] = [`The ${attr(field)} field must be a valid date.`];
      return 0;
    }
    if (!endOfRange) return d.ms;
    return d.hasTime ? d.ms + 999 : d.ms + 86_400_000 - 1;
  };
  const from = read('start_date', false);
  const to = read('end_date', true);
  if (Object.keys(errors).length) throw invalid(errors);
  return { from, to };
}

/** Ids (ascending) whose created_at is in range; seeded ids are ordered by time, so those are binary searched. */
function idsInRange<T extends { created_at: number }>(table: SeededTable<T>, ids: number[], from: number, to: number): number[] {
  if (from === -Infinity && to === Infinity) return ids;
  const at = (i: number) => (table.get(ids[i]) as T).created_at;
  let seededEnd = ids.length;
  while (seededEnd > 0 && ids[seededEnd - 1] > table.seededCount) seededEnd--;
  const lower = (pred: (i: number) => boolean): number => {
    let lo = 0;
    let hi = seededEnd;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pred(mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const a = lower((i) => at(i) < from);
  const b = lower((i) => at(i) <= to);
  const added = ids.slice(seededEnd).filter((id) => {
    const t = (table.get(id) as T).created_at;
    return t >= from && t <= to;
  });
  return [...ids.slice(a, b), ...added];
}

function page(req: SandboxRequest) {
  return { page: positiveInt(req.query.get('page'), 1), perPage: positiveInt(req.query.get('per_page'), DEFAULT_PER_PAGE, MAX_PER_PAGE) };
}

function listFrom<T extends { created_at: number }>(
  base: string,
  req: SandboxRequest,
  table: SeededTable<T>,
  ids: number[],
  view: (r: T) => unknown,
): Reply {
  const { from, to } = dateRange(req);
  const matching = idsInRange(table, ids, from, to);
  const p = page(req);
  const slice = matching.slice((p.page - 1) * p.perPage, p.page * p.perPage).map((id) => view(table.get(id) as T));
  // Decision: page URLs keep the other query parameters (withQueryString), so following next_page_url works.
  return jsonReply(200, paginator(slice, matching.length, p, `${base}${req.path}`, req.query));
}

function listArray<T>(base: string, req: SandboxRequest, all: T[], view: (r: T) => unknown): Reply {
  const p = page(req);
  return jsonReply(200, paginator(all.slice((p.page - 1) * p.perPage, p.page * p.perPage).map(view), all.length, p, `${base}${req.path}`, req.query));
}

function intField(errors: Record<string, string[]>, form: Record<string, string>, field: string, required: boolean, min: number): number | undefined {
  const raw = form[field];
  if (raw === undefined || raw.trim() === '') {
    if (required) errors[field] = [`The ${attr(field)} field is required.`];
    return undefined;
  }
  if (!/^\s*-?\d+\s*$/.test(raw)) {
    errors[field] = [`The ${attr(field)} field must be an integer.`];
    return undefined;
  }
  const n = parseInt(raw, 10);
  if (n < min) {
    errors[field] = [`The ${attr(field)} field must be at least ${min}.`];
    return undefined;
  }
  return n;
}

export function createSplashApp(ctx: VendorContext, state: () => SplashState): VendorApp<SplashHandler> {
  const base = ctx.urls.splash;
  const router = new Router<SplashHandler>()
    .add('GET', '/api/customers', (req, st, team) => listFrom(base, req, st.customers, st.customerIds(team.id), customerView))
    .add('GET', '/api/customer-visits', (req, st, team) => listFrom(base, req, st.visits, st.visitIds(team.id), visitView))
    .add('GET', '/api/venues', (req, st, team) => listArray(base, req, st.venues.filter((v) => v.team_id === team.id), venueView))
    .add('GET', '/api/vouchers', (req, st, team) => listArray(base, req, st.vouchers.filter((v) => v.team_id === team.id), voucherView))
    .add('POST', '/api/vouchers', (req, st, team) => createVoucher(req, st, team))
    .add('DELETE', '/api/vouchers/{voucher}', (req, st, team) => {
      const id = Number(req.params.voucher);
      const i = st.vouchers.findIndex((v) => v.id === id && v.team_id === team.id);
      if (i < 0) throw new HttpError(404, `No query results for model [App\\Models\\Voucher] ${req.params.voucher}`);
      st.vouchers.splice(i, 1);
      req.applied = true;
      return jsonReply(200, { success: true });
    });

  function createVoucher(req: SandboxRequest, st: SplashState, team: SplashTeam): Reply {
    const form = parseForm(req);
    const errors: Record<string, string[]> = {};
    const code = (form.code ?? '').trim();
    if (!code) errors.code = ['The code field is required.'];
    else if (code.length > 255) errors.code = ['The code field must not be greater than 255 characters.'];
    else if (st.vouchers.some((v) => v.team_id === team.id && v.code.toLowerCase() === code.toLowerCase())) errors.code = ['The code has already been taken.'];
    const venueId = intField(errors, form, 'venue_id', true, 1);
    if (venueId !== undefined && !st.venues.some((v) => v.id === venueId && v.team_id === team.id)) errors.venue_id = ['The selected venue id is invalid.'];
    const days = intField(errors, form, 'number_of_days', true, 1);
    const opt = (f: string) => intField(errors, form, f, false, 0) ?? 0;
    const [upspeed, downspeed, volumecap, maxDevices] = ['upspeed', 'downspeed', 'volumecap', 'max_devices'].map(opt);
    if (Object.keys(errors).length) throw invalid(errors);
    const at = floorSecond(ctx.now());
    const voucher = st.addVoucher({
      team_id: team.id,
      venue_id: venueId as number,
      code,
      number_of_days: days as number,
      upspeed,
      downspeed,
      volumecap,
      max_devices: maxDevices,
      created_at: at,
      updated_at: at,
    });
    req.applied = true;
    return jsonReply(201, voucherView(voucher));
  }

  return {
    vendor: 'splash',
    router,
    rateLimitMessage: 'Too Many Attempts.',
    quotaMessage: 'Monthly quota exceeded.',
    error: (status, msg) => message(status, msg ?? statusText(status, true)),
    handle(req: SandboxRequest, match: RouteMatch<SplashHandler>): Reply {
      const route = req.path.replace(/^\//, '');
      if (match.kind === 'none') return message(404, `The route ${route} could not be found.`);
      if (match.kind === 'method-not-allowed')
        return message(405, `The ${req.method} method is not supported for route ${route}. Supported methods: ${match.allowed.join(', ')}.`);
      if (req.headers['x-api-key'] !== SPLASH_API_KEY) return message(401, 'Unauthenticated.');
      try {
        // The doc: create voucher is sent as application/x-www-form-urlencoded; anything else is refused.
        if (req.method === 'POST' && contentType(req) !== 'application/x-www-form-urlencoded')
          throw new HttpError(415, 'Unsupported Media Type. Send the body as application/x-www-form-urlencoded.');
        const slug = (req.method === 'POST' ? parseForm(req).slug : undefined) ?? req.query.get('slug');
        if (!slug) throw invalid({ slug: ['The slug field is required.'] });
        const st = state();
        const team = st.team(slug);
        if (!team) throw new HttpError(404, 'Team not found.');
        return match.handler(req, st, team);
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        return message(e.status, e.message, e.detail ? { errors: e.detail } : {});
      }
    },
  };
}
