/** Laravel's pagination output, in its two flavours (plain paginator and API resource collection). */

export interface PageRequest {
  page: number;
  perPage: number;
}

export interface PageLink {
  url: string | null;
  label: string;
  active: boolean;
}

/** Integer query parameter as Laravel's `(int)` cast reads it; `fallback` when missing or < 1. */
export function positiveInt(v: string | null, fallback: number, max = Infinity): number {
  const n = v === null ? NaN : parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : fallback;
}

function pageUrl(path: string, query: URLSearchParams | null, page: number): string {
  const q = new URLSearchParams(query ?? undefined);
  q.delete('page');
  q.set('page', String(page));
  return `${path}?${q.toString()}`;
}

/** Laravel's UrlWindow with onEachSide = 3. */
function windowLinks(path: string, query: URLSearchParams | null, current: number, last: number): PageLink[] {
  const pages: (number | '...')[] = [];
  if (last <= 13) for (let p = 1; p <= last; p++) pages.push(p);
  else if (current <= 7) pages.push(...range(1, 10), '...', last - 1, last);
  else if (current > last - 7) pages.push(1, 2, '...', ...range(last - 9, last));
  else pages.push(1, 2, '...', ...range(current - 3, current + 3), '...', last - 1, last);
  return [
    { url: current > 1 ? pageUrl(path, query, current - 1) : null, label: '&laquo; Previous', active: false },
    ...pages.map((p) => (p === '...' ? { url: null, label: '...', active: false } : { url: pageUrl(path, query, p), label: String(p), active: p === current })),
    { url: current < last ? pageUrl(path, query, current + 1) : null, label: 'Next &raquo;', active: false },
  ];
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

function pageMeta(total: number, { page, perPage }: PageRequest) {
  const last = Math.max(1, Math.ceil(total / perPage));
  const fromIdx = (page - 1) * perPage;
  const count = Math.max(0, Math.min(perPage, total - fromIdx));
  return { last, from: count ? fromIdx + 1 : null, to: count ? fromIdx + count : null };
}

/**
 * `LengthAwarePaginator::toArray()`. `query` is kept in the page URLs (`withQueryString()`); pass null for
 * Laravel's default, which keeps only `page`.
 */
export function paginator<T>(data: T[], total: number, req: PageRequest, path: string, query: URLSearchParams | null) {
  const m = pageMeta(total, req);
  return {
    current_page: req.page,
    data,
    first_page_url: pageUrl(path, query, 1),
    from: m.from,
    last_page: m.last,
    last_page_url: pageUrl(path, query, m.last),
    links: windowLinks(path, query, req.page, m.last),
    next_page_url: req.page < m.last ? pageUrl(path, query, req.page + 1) : null,
    path,
    per_page: req.perPage,
    prev_page_url: req.page > 1 ? pageUrl(path, query, req.page - 1) : null,
    to: m.to,
    total,
  };
}

/** `JsonResource::collection($paginator)`: `{data, links, meta}`. */
export function resourceCollection<T>(data: T[], total: number, req: PageRequest, path: string, query: URLSearchParams | null) {
  const m = pageMeta(total, req);
  return {
    data,
    links: {
      first: pageUrl(path, query, 1),
      last: pageUrl(path, query, m.last),
      prev: req.page > 1 ? pageUrl(path, query, req.page - 1) : null,
      next: req.page < m.last ? pageUrl(path, query, req.page + 1) : null,
    },
    meta: {
      current_page: req.page,
      from: m.from,
      last_page: m.last,
      links: windowLinks(path, query, req.page, m.last),
      path,
      per_page: req.perPage,
      to: m.to,
      total,
    },
  };
}

/** Laravel's summary message: the first error plus "(and N more errors)". */
export function validationMessage(errors: Record<string, string[]>): string {
  const all = Object.values(errors).flat();
  if (all.length <= 1) return all[0] ?? 'The given data was invalid.';
  const more = all.length - 1;
  return `${all[0]} (and ${more} more error${more === 1 ? '' : 's'})`;
}

/** "venue_id" → "venue id", as Laravel names attributes in messages. */
export function attr(field: string): string {
  return field.replace(/_/g, ' ');
}
