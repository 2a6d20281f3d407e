import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counters } from './counters';
import { PRE_FAULTS, type FaultController } from './faults';
import { htmlReply, jsonReply, type Reply, type SandboxRequest, type VendorApp } from './http';
import type { LatencyController } from './latency';
import type { FaultSpec, Vendor } from './types';

export interface DispatchDeps {
  apps: Record<Vendor, VendorApp<unknown>>;
  counters: Counters;
  faults: FaultController;
  latency: LatencyController;
  now: () => number;
  anykrowdRateLimitPerHour: number;
  control: (method: string, path: string, query: URLSearchParams, body: Buffer) => Promise<Reply>;
  log: ((line: string) => void) | null;
}

/** Path prefix of each vendor, relative to the sandbox URL. */
export const PREFIXES: readonly [Vendor, string][] = [
  ['nectifi', '/nectifi/api/v1/external/v1'],
  ['splash', '/splash'],
  ['smartwifi', '/smartwifi'],
  ['anykrowd', '/anykrowd'],
];

const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Timers of delayed replies, cleared by close() so that a pending 'timeout' fault never holds the process. */
export class Timers {
  private readonly set = new Set<NodeJS.Timeout>();
  after(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.set.delete(t);
      fn();
    }, ms);
    this.set.add(t);
  }
  clear(): void {
    for (const t of this.set) clearTimeout(t);
    this.set.clear();
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
  res.end(body);
}

function vendorOf(pathname: string): { vendor: Vendor; rel: string } | null {
  for (const [vendor, prefix] of PREFIXES) {
    if (pathname === prefix || pathname.startsWith(prefix + '/')) return { vendor, rel: pathname.slice(prefix.length) || '/' };
  }
  // Under /nectifi but outside the API base: still Nectifi's 404.
  if (pathname.startsWith('/nectifi/') || pathname === '/nectifi') return { vendor: 'nectifi', rel: pathname.slice('/nectifi'.length) || '/' };
  return null;
}

export function createDispatcher(deps: DispatchDeps, timers: Timers) {
  function faultReply(app: VendorApp<unknown>, f: FaultSpec): Reply | null {
    const retry = f.retryAfterSeconds ?? 1;
    const decorate = (r: Reply) => (app.decorate ? app.decorate(r) : r);
    switch (f.fault) {
      case 'rate-limit': {
        const r = app.error(429, app.rateLimitMessage);
        r.headers['Retry-After'] = String(retry);
        if (app.vendor === 'anykrowd') Object.assign(r.headers, { 'X-RateLimit-Limit': String(deps.anykrowdRateLimitPerHour), 'X-RateLimit-Remaining': '0' });
        return decorate(r);
      }
      case 'rate-limit-reset': {
        const r = app.error(429, app.rateLimitMessage);
        Object.assign(r.headers, {
          'X-RateLimit-Limit': String(app.vendor === 'anykrowd' ? deps.anykrowdRateLimitPerHour : 60),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Math.ceil(deps.now() / 1000 + retry)),
        });
        return decorate(r);
      }
      case 'quota-exceeded': {
        const r = app.error(429, app.quotaMessage);
        if (app.vendor === 'nectifi') r.headers['X-API-Usage-Percent'] = '100';
        return decorate(r);
      }
      case 'status-500':
      case 'status-502':
      case 'status-503': {
        const r = app.error(Number(f.fault.slice(7)));
        if (f.retryAfterSeconds !== undefined) r.headers['Retry-After'] = String(f.retryAfterSeconds);
        return decorate(r);
      }
      case 'html-error':
        return htmlReply(502, BAD_GATEWAY_HTML, { Server: 'nginx' });
      default:
        return null;
    }
  }

  function deliver(req: IncomingMessage, res: ServerResponse, reply: Reply, f: FaultSpec | undefined): void {
    if (!f) return send(res, reply);
    const delay = f.delayMs ?? 0;
    const later = (ms: number, fn: () => void) => (ms > 0 ? timers.after(ms, fn) : fn());
    switch (f.fault) {
      case 'reset-after':
        return later(delay, () => req.socket.destroy());
      case 'timeout':
        return later(f.delayMs ?? 30_000, () => send(res, reply));
      case 'malformed-json': {
        let broken = reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2)));
        if (isJson(broken)) broken = '{"';
        return later(delay, () => send(res, { status: 200, headers: { ...reply.headers, 'Content-Type': 'application/json' }, body: broken }));
      }
      case 'truncated-body':
        return later(delay, () => {
          const body = Buffer.from(reply.body, 'utf8');
          res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length + 512) });
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
        });
      case 'slow-body': {
        const body = Buffer.from(reply.body, 'utf8');
        const parts = Math.max(1, Math.min(10, body.length));
        const step = Math.ceil(body.length / parts);
        const interval = (f.delayMs ?? 2000) / parts;
        res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(body.length) });
        const write = (i: number): void => {
          if (res.destroyed) return;
          const chunk = body.subarray(i * step, (i + 1) * step);
          if (i + 1 >= parts) res.end(chunk);
          else {
            res.write(chunk);
            timers.after(interval, () => write(i + 1));
          }
        };
        return timers.after(interval, () => write(0));
      }
      default:
        return later(delay, () => send(res, reply));
    }
  }

  function handleVendor(req: IncomingMessage, res: ServerResponse, url: URL, pathname: string, body: Buffer): void {
    const target = vendorOf(pathname);
    if (!target) {
      return send(res, jsonReply(404, { message: `Unknown sandbox path ${pathname}. Vendors live under ${PREFIXES.map(([, p]) => p).join(', ')}.` }));
    }
    const app = deps.apps[target.vendor];
    const method = (req.method ?? 'GET').toUpperCase();
    const match = app.router.match(method, target.rel);
    const template = match.kind === 'none' ? target.rel : match.template;
    const key = `${target.vendor} ${method} ${template}`;
    deps.counters.request(key);
    const fault = deps.faults.take(target.vendor, method, target.rel, pathname);
    deps.log?.(`${method} ${pathname}${fault ? ` [fault ${fault.fault}]` : ''}`);
    if (fault && PRE_FAULTS.has(fault.fault)) {
      if (fault.fault === 'reset-before') {
        req.socket.destroy();
        return;
      }
      const reply = faultReply(app, fault) as Reply;
      return fault.delayMs ? timers.after(fault.delayMs, () => send(res, reply)) : send(res, reply);
    }
    const sreq: SandboxRequest = {
      vendor: target.vendor,
      method,
      path: target.rel,
      fullPath: pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody: body,
      remoteAddress: req.socket.remoteAddress ?? '',
      params: match.kind === 'found' ? match.params : {},
      template,
      applied: false,
    };
    let reply: Reply;
    try {
      reply = app.handle(sreq, match);
    } catch (e) {
      deps.log?.(`  error: ${(e as Error).stack ?? e}`);
      reply = app.error(500);
    }
    if (sreq.applied) deps.counters.apply(key);
    if (app.decorate) reply = app.decorate(reply);
    deliver(req, res, reply, fault);
  }

  return function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => req.socket.destroy());
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
      const body = Buffer.concat(chunks);
      if (pathname === '/__sandbox' || pathname.startsWith('/__sandbox/')) {
        deps
          .control((req.method ?? 'GET').toUpperCase(), pathname.slice('/__sandbox'.length) || '/', url.searchParams, body)
          .then((reply) => send(res, reply))
          .catch((e: Error) => send(res, jsonReply(500, { error: e.message })));
        return;
      }
      const vendor = vendorOf(pathname)?.vendor;
      if (vendor) {
        deps.counters.enter(vendor);
        res.once('close', () => deps.counters.leave(vendor));
        res.once('finish', () => deps.counters.answered(vendor, res.statusCode));
      }
      const delay = vendor ? deps.latency.of(vendor) : 0;
      if (delay > 0) timers.after(delay, () => handleVendor(req, res, url, pathname, body));
      else handleVendor(req, res, url, pathname, body);
    });
  };
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
