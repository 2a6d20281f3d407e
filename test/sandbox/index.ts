import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAnykrowdApp } from './anykrowd/index';
import { AnykrowdState } from './anykrowd/state';
import type { VendorContext } from './context';
import { createControl } from './control';
import { Counters } from './counters';
import { FaultController } from './faults';
import type { VendorApp } from './http';
import { createInsertApi } from './insert';
import { LatencyController } from './latency';
import { ANYKROWD_API_KEY, NECTIFI_KEYS, SMARTWIFI_API_TOKEN, SPLASH_API_KEY, SPLASH_TEAMS } from './keys';
import { hashString, Rng } from './lib/rng';
import { createNectifiApp } from './nectifi/index';
import { NectifiState } from './nectifi/state';
import { createDispatcher, Timers } from './server';
import { createSmartwifiApp } from './smartwifi/index';
import { SmartwifiState } from './smartwifi/state';
import { createSplashApp } from './splash/index';
import { SplashState } from './splash/state';
import { DEFAULT_SCALE, type Sandbox, type SandboxKeys, type SandboxOptions, type SandboxState, type SandboxUrls, type Vendor } from './types';
import { WebhookHub } from './webhooks';

export * from './types';
export type { WebhookDelivery, WebhookTarget, NectifiEvent } from './webhooks';
export { NECTIFI_EVENTS, WebhookHub } from './webhooks';

export const HOST = '127.0.0.1';

function seedState(ctx: VendorContext): SandboxState {
  const now = ctx.now();
  return {
    nectifi: new NectifiState(ctx.seed, ctx.scale, now, ctx.nectifiRateLimitPerMinute),
    splash: new SplashState(ctx.seed, ctx.scale, now),
    smartwifi: new SmartwifiState(ctx.seed, ctx.scale, now),
    anykrowd: new AnykrowdState(ctx.seed, ctx.scale, now, new Rng(hashString('anykrowd.nanoid') ^ ctx.seed), ctx.urls.anykrowd),
  };
}

function demoKeys(state: SandboxState): SandboxKeys {
  const ak = state.anykrowd;
  const user = ak.users.find((u) => ak.walletsOf(u.id).length > 1) ?? ak.users[0];
  const wallet = user ? (ak.walletsOf(user.id).find((w) => w.currency_id === 1) ?? ak.walletsOf(user.id)[0]) : undefined;
  return {
    nectifi: { ...NECTIFI_KEYS },
    splash: { apiKey: SPLASH_API_KEY, ...SPLASH_TEAMS },
    smartwifi: { apiToken: SMARTWIFI_API_TOKEN },
    anykrowd: { apiKey: ANYKROWD_API_KEY, userExternalId: user?.external_id ?? '', walletId: wallet?.id ?? 0, currencyId: wallet?.currency_id ?? 1 },
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the four vendor simulators on one port of 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now;
  const server = http.createServer();
  server.keepAliveTimeout = 5_000;
  const port = await listen(server, options.port ?? 0);
  const url = `http://${HOST}:${port}`;
  const urls: SandboxUrls = {
    nectifi: `${url}/nectifi/api/v1/external/v1`,
    splash: `${url}/splash`,
    smartwifi: `${url}/smartwifi`,
    anykrowd: `${url}/anykrowd`,
  };
  const webhooks = new WebhookHub(NECTIFI_KEYS.webhookSecret, NECTIFI_KEYS.signatureHeader, now);
  const ctx: VendorContext = {
    seed,
    scale: { ...DEFAULT_SCALE, ...options.scale },
    now,
    urls,
    webhooks,
    rng: new Rng(seed ^ hashString('runtime')),
    nectifiRateLimitPerMinute: options.nectifiRateLimitPerMinute,
    anykrowdRateLimitPerHour: options.anykrowdRateLimitPerHour ?? 1000,
    smartwifiBlankGuestIds: options.smartwifiBlankGuestIds ?? false,
    listOrder: options.listOrder ?? 'id',
    nectifiListShape: options.nectifiListShape ?? 'envelope',
  };
  let state = seedState(ctx);
  const keys = demoKeys(state);
  const faults = new FaultController();
  const counters = new Counters();
  const timers = new Timers();
  const latency = new LatencyController(options.latencyMs);
  const getState = () => state;

  function reset(): void {
    ctx.rng = new Rng(seed ^ hashString('runtime'));
    state = seedState(ctx);
    faults.clear();
    counters.reset();
    webhooks.clearDeliveries();
  }

  const apps: Record<Vendor, VendorApp<unknown>> = {
    nectifi: createNectifiApp(ctx, () => state.nectifi),
    splash: createSplashApp(ctx, () => state.splash),
    smartwifi: createSmartwifiApp(ctx, () => state.smartwifi),
    anykrowd: createAnykrowdApp(ctx, () => state.anykrowd),
  };
  const log = options.quiet === false ? (line: string) => process.stderr.write(`[sandbox] ${line}\n`) : null;
  const control = createControl({ url, urls, keys, seed, faults, counters, webhooks, latency, reset });
  server.on('request', createDispatcher({ apps, counters, faults, latency, now, anykrowdRateLimitPerHour: ctx.anykrowdRateLimitPerHour, control, log }, timers));

  let closing: Promise<void> | null = null;
  return {
    url,
    urls,
    keys,
    faults,
    counters,
    get state() {
      return getState();
    },
    insert: createInsertApi(ctx, getState),
    webhooks,
    latency,
    get nectifiListShape() {
      return ctx.nectifiListShape;
    },
    set nectifiListShape(shape) {
      ctx.nectifiListShape = shape;
    },
    reset,
    close() {
      closing ??= new Promise<void>((resolve) => {
        timers.clear();
        webhooks.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
