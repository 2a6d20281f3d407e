import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { Vendor } from './types';

export interface SandboxRequest {
  vendor: Vendor;
  method: string;
  /** Path relative to the vendor's URL in `sandbox.urls`. */
  path: string;
  fullPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The caller's IP address (what a vendor's IP allowlist checks). */
  remoteAddress: string;
  params: Record<string, string>;
  /** Route template (`/crm/guests/{guest_id}`) or the raw path when no route matched. */
  template: string;
  /** Set by a handler that changed state. */
  applied: boolean;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, data: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(data),
  };
}

export function htmlReply(status: number, html: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers }, body: html };
}

export type Handler = (req: SandboxRequest) => Reply;

interface Route<H> {
  method: string;
  template: string;
  regex: RegExp;
  keys: string[];
  handler: H;
}

export type RouteMatch<H = unknown> =
  | { kind: 'found'; template: string; params: Record<string, string>; handler: H }
  | { kind: 'method-not-allowed'; template: string; allowed: string[] }
  | { kind: 'none' };

export class Router<H = Handler> {
  private readonly routes: Route<H>[] = [];

  add(method: string, template: string, handler: H): this {
    const keys: string[] = [];
    const pattern = template
      .split('/')
      .map((seg) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        keys.push(m[1]);
        return '([^/]+)';
      })
      .join('/');
    this.routes.push({ method, template, regex: new RegExp(`^${pattern}$`), keys, handler });
    return this;
  }

  match(method: string, path: string): RouteMatch<H> {
    const allowed: string[] = [];
    let template = '';
    for (const r of this.routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      if (r.method !== method) {
        allowed.push(r.method);
        template ||= r.template;
        continue;
      }
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
      return { kind: 'found', template: r.template, params, handler: r.handler };
    }
    return allowed.length ? { kind: 'method-not-allowed', template, allowed } : { kind: 'none' };
  }
}

/** One vendor API behind a path prefix. */
export interface VendorApp<H = unknown> {
  readonly vendor: Vendor;
  readonly router: Router<H>;
  /** Full pipeline for one request: auth, limits, routing, handler. */
  handle(req: SandboxRequest, match: RouteMatch<H>): Reply;
  /** A vendor-shaped error reply (used by fault injection too). */
  error(status: number, message?: string): Reply;
  readonly rateLimitMessage: string;
  readonly quotaMessage: string;
  /** Headers this vendor puts on every reply (e.g. Nectifi's X-Request-Id). */
  decorate?(reply: Reply): Reply;
}

export function contentType(req: SandboxRequest): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; error: string; position?: number };

export function parseJson(req: SandboxRequest): BodyResult {
  const text = req.rawBody.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    return { ok: false, error: 'JSON decode error', position: m ? +m[1] : 0 };
  }
}

export function parseForm(req: SandboxRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(req.rawBody.toString('utf8'))) out[k] = v;
  return out;
}

export function bearerToken(req: SandboxRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(h.trim());
  return m ? m[1].trim() : undefined;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Default error text: Laravel says "Server Error" for a 500, otherwise the standard reason phrase. */
export function statusText(status: number, laravel = false): string {
  if (laravel && status === 500) return 'Server Error';
  return STATUS_CODES[status] ?? 'Error';
}
