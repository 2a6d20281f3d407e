import type { Counters } from './counters';
import type { FaultController } from './faults';
import type { LatencyController, LatencySpec } from './latency';
import { isPlainObject, jsonReply, type Reply } from './http';
import type { SandboxKeys, SandboxUrls } from './types';
import type { WebhookDelivery, WebhookHub } from './webhooks';

export interface ControlDeps {
  url: string;
  urls: SandboxUrls;
  keys: SandboxKeys;
  seed: number;
  faults: FaultController;
  counters: Counters;
  webhooks: WebhookHub;
  latency: LatencyController;
  reset: () => void;
}

function parse(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('body must be JSON');
  }
}

const summary = (d: WebhookDelivery) => ({ id: d.id, event: d.event, url: d.url, status: d.status, error: d.error });

/** `/__sandbox/*`: the HTTP mirror of the programmatic API (no auth). */
export function createControl(deps: ControlDeps) {
  const started = Date.now();
  return async function control(method: string, path: string, query: URLSearchParams, raw: Buffer): Promise<Reply> {
    try {
      const route = `${method} ${path}`;
      switch (route) {
        case 'GET /health':
          return jsonReply(200, { status: 'ok', url: deps.url, urls: deps.urls, seed: deps.seed, uptime_seconds: Math.round((Date.now() - started) / 1000) });
        case 'GET /keys':
          return jsonReply(200, deps.keys);
        case 'GET /faults':
          return jsonReply(200, { pending: deps.faults.pending() });
        case 'POST /faults': {
          const body = parse(raw);
          deps.faults.inject(body as never);
          return jsonReply(201, { pending: deps.faults.pending() });
        }
        case 'DELETE /faults':
          deps.faults.clear();
          return jsonReply(200, { pending: [] });
        case 'GET /latency':
          return jsonReply(200, { latency_ms: deps.latency.get() });
        case 'POST /latency':
          deps.latency.set(parse(raw) as LatencySpec);
          return jsonReply(200, { latency_ms: deps.latency.get() });
        case 'GET /counters':
          return jsonReply(200, deps.counters.get());
        case 'POST /counters/reset':
          deps.counters.reset();
          return jsonReply(200, deps.counters.get());
        case 'POST /reset':
          deps.reset();
          return jsonReply(200, { status: 'reset', seed: deps.seed });
        case 'GET /webhooks':
          return jsonReply(200, { targets: deps.webhooks.targets, deliveries: deps.webhooks.deliveries.map(summary) });
        case 'POST /webhooks': {
          const body = parse(raw);
          if (!isPlainObject(body) || typeof body.url !== 'string') return jsonReply(422, { error: 'body must be {"url": "...", "events"?: [...]}' });
          const events = body.events;
          if (events !== undefined && (!Array.isArray(events) || events.some((e) => typeof e !== 'string'))) return jsonReply(422, { error: 'events must be an array of event names' });
          const target = deps.webhooks.register(body.url, events as string[] | undefined, typeof body.secret === 'string' ? body.secret : undefined);
          return jsonReply(201, target);
        }
        case 'DELETE /webhooks':
          return jsonReply(200, { removed: deps.webhooks.unregister(query.get('id') ?? query.get('url') ?? undefined) });
        case 'POST /webhooks/emit': {
          const body = parse(raw);
          if (!isPlainObject(body) || typeof body.event !== 'string' || !body.event) return jsonReply(422, { error: 'body must be {"event": "...", "payload": {...}}' });
          const deliveries = deps.webhooks.emit(body.event, body.payload ?? {});
          if (query.get('wait') === 'true') await deps.webhooks.idle();
          return jsonReply(202, { deliveries: deliveries.map(summary) });
        }
        default:
          return jsonReply(404, { error: `unknown control endpoint ${route}` });
      }
    } catch (e) {
      return jsonReply(422, { error: (e as Error).message });
    }
  };
}
