/**
 * The polling triggers of benchmark 2 and how one poll of each is driven and measured.
 *
 * n8n: each trigger event's real `poll(ctx, runner, previousState)` (nodes/common/polling/events/*,
 * the code `pollVendorTrigger` runs), with the state carried from poll to poll as n8n's static data
 * carries it, and a runner on the undici transport (inside n8n, n8n's HTTP helper sends the same
 * requests). Zapier: each built app's trigger `perform` (zapier/<app>/build/index.js) through
 * zapier-platform-core's `createAppTester`, deduplicated by id as Zapier does.
 */
import type { IPollFunctions } from 'n8n-workflow';
import { ANYKROWD_POLL_EVENTS, NECTIFI_POLL_EVENTS, SMARTWIFI_POLL_EVENTS, SPLASH_POLL_EVENTS } from '../../nodes/common';
import type { PollEvent } from '../../nodes/common/polling/poll-event';
import type { OperationRunner } from '../../shared/client/runner';
import type { Vendor } from '../../shared/core/operation';
import { request as undiciRequest } from 'undici';
import type { HttpRequest, Transport } from '../../shared/http/transport';
import type { UndiciTransport } from '../../shared/http/undici-transport';
import { type TestCredentials, runnerFor } from '../../test/support/runners';
import { zapierBuild } from '../lib/build';
import { type SandboxProcess, requestCount } from '../lib/sandbox-process';

const SANDBOX_VENDOR: Record<Vendor, string> = { nectifi: 'nectifi', splash: 'splash', smartwifi: 'smartwifi', anykrowd: 'anykrowd' };

interface Poller {
  /** One poll; returns how many items it emitted (n8n) or triggered on (Zapier, after dedup). */
  poll(): Promise<number>;
  /** Rows the trigger's state holds as seen within its look-back (n8n): the next poll reads them again. */
  lookBackRows?(): number;
}

export interface PollCase {
  platform: 'n8n' | 'Zapier';
  name: string;
  vendor: Vendor;
  strategy: string;
  /** The insert helper and its partial. */
  insert: (sandbox: SandboxProcess, k: number) => Promise<unknown>;
  /** Requests a poll should make for k new items (null: no fixed expectation). */
  expected(k: number): number | null;
  /**
   * The trigger walks back through its look-back on every poll (newest-first lists and time
   * windows), so that a row the vendor writes late is still caught: its expectation counts the L
   * rows already seen within the look-back as well as the k new ones.
   */
  rereadsLookBack?: boolean;
  expectedText: string;
  create(sandbox: SandboxProcess, credentials: TestCredentials): Promise<Poller>;
  /** A reason not to run at this N. */
  skipAt?(n: number): string | undefined;
  /** Fewer rounds at this N (a slow case). */
  roundsAt?(n: number, rounds: number): number;
}

const newestFirst = (k: number, page: number) => Math.ceil(k / page) + 1;
/** A first page of 50 (holds the cursor when k < 50), then full pages by offset: ⌈k/page⌉+1 or better. */
const rampedByOffset = (k: number, full: number) => (k < 50 ? 1 : 1 + Math.ceil((k + 1 - 50) / full));
/** A first page of 50, then full pages by number from page 1 (which repeats the first page). */
const rampedByPage = (k: number, full: number) => (k < 50 ? 1 : 2 + Math.floor(k / full));

/** The IPollFunctions a trigger event's `poll` uses: node parameters, with n8n's defaults. */
function pollContext(parameters: Record<string, unknown>): IPollFunctions {
  return {
    getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
  } as unknown as IPollFunctions;
}

/** Entries of every `seen` list in a trigger's state (one list, or one per wallet). */
function seenRows(state: unknown): number {
  const seen = (state as { seen?: unknown } | undefined)?.seen;
  if (Array.isArray(seen)) return seen.length;
  if (seen && typeof seen === 'object') return Object.values(seen).reduce((sum: number, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
  return 0;
}

function n8nPoller(event: PollEvent, runner: OperationRunner, parameters: Record<string, unknown>): Poller {
  const ctx = pollContext(parameters);
  let state: unknown;
  let first = true;
  return {
    lookBackRows: () => seenRows(state),
    async poll() {
      const { items, state: next } = await event.poll(ctx, runner, first ? undefined : state);
      first = false;
      state = next;
      return items.length;
    },
  };
}

type AppTester = (perform: unknown, bundle: unknown) => Promise<unknown>;
const apps = new Map<string, { app: Record<string, any>; tester: AppTester }>();

function zapierApp(name: string) {
  let entry = apps.get(name);
  if (!entry) {
    // Required here, after the caller has set NODE_ENV=test: zapier-platform-core then stops printing
    // its per-run memory line (its process-killing memory check still counts runs: one child per N).
    const { createAppTester } = require('zapier-platform-core') as typeof import('zapier-platform-core');
    const app = require(zapierBuild(name)) as Record<string, any>;
    entry = { app, tester: createAppTester(app) as unknown as AppTester };
    apps.set(name, entry);
  }
  return entry;
}

function zapierPoller(appName: string, trigger: string, authData: Record<string, unknown>, inputData: Record<string, unknown> = {}): Poller {
  const { app, tester } = zapierApp(appName);
  const perform = app.triggers[trigger].operation.perform;
  const seen = new Set<string>();
  return {
    async poll() {
      const items = (await tester(perform, { authData, inputData })) as Array<{ id: unknown }>;
      let fresh = 0;
      for (const item of items) {
        const id = String(item.id);
        if (!seen.has(id)) fresh++;
        seen.add(id);
      }
      return fresh;
    },
  };
}

/** Response bytes the n8n pollers received (Zapier's requests go through z.request: not counted). */
let receivedBytes = 0;
/** The requests of the n8n poll in progress, replayed afterwards with raw undici as the baseline. */
let sent: HttpRequest[] = [];
let replayAgent: UndiciTransport['agent'] | undefined;

function runner(vendor: Vendor, credentials: TestCredentials, undici: UndiciTransport): OperationRunner {
  replayAgent = undici.agent;
  const transport: Transport = {
    async send(request) {
      sent.push(request);
      const response = await undici.send(request);
      receivedBytes += Buffer.byteLength(response.body);
      return response;
    },
  };
  return runnerFor(vendor, credentials, { transport, rateLimit: false });
}

const event = (events: PollEvent[], value: string) => {
  const found = events.find((e) => e.value === value);
  if (!found) throw new Error(`no poll event ${value}`);
  return found;
};

const insert = (helper: string, partial?: Record<string, unknown>) => (sb: SandboxProcess, k: number) => sb.insert(helper, k, partial);
const rotateGuest = { guest_id: 'rotate' };
/** A single unpaged response of the whole guest list: skipped at 1,000,000 (see BENCHMARKS.md). */
const fullGuestList = {
  skipAt: (n: number) => (n >= 1_000_000 ? 'every poll downloads the whole unpaged guest list (~456 MB at 1,000,000, about 97 s of sandbox time): not run' : undefined),
  roundsAt: (n: number, rounds: number) => (n >= 100_000 ? 1 : rounds),
};

export function pollCases(transport: UndiciTransport): PollCase[] {
  return [
    {
      platform: 'n8n',
      name: 'Nectifi New Guest',
      rereadsLookBack: true,
      vendor: 'nectifi',
      strategy: 'newest-first, id cursor, first page 50, then pages of 200',
      insert: insert('nectifiGuest'),
      expected: (k) => rampedByOffset(k, 200),
      expectedText: 'k<50: 1, else 1+⌈(k−49)/200⌉',
      create: async (_sb, c) => n8nPoller(event(NECTIFI_POLL_EVENTS, 'newGuest'), runner('nectifi', c, transport), { event: 'newGuest' }),
    },
    {
      platform: 'n8n',
      name: 'Nectifi New WiFi Session',
      rereadsLookBack: true,
      vendor: 'nectifi',
      strategy: 'newest-first, id cursor, first page 50, then pages of 200',
      insert: insert('nectifiSession'),
      expected: (k) => rampedByOffset(k, 200),
      expectedText: 'k<50: 1, else 1+⌈(k−49)/200⌉',
      create: async (_sb, c) =>
        n8nPoller(event(NECTIFI_POLL_EVENTS, 'newSession'), runner('nectifi', c, transport), { event: 'newSession', locationId: { __rl: true, mode: 'list', value: '' } }),
    },
    {
      platform: 'n8n',
      name: 'Splash Air New Customer',
      rereadsLookBack: true,
      vendor: 'splash',
      strategy: 'time window since cursor − 10 min look-back, pages of 500',
      insert: insert('splashCustomer'),
      expected: (k) => newestFirst(k, 500),
      expectedText: '⌈k/500⌉+1',
      create: async (_sb, c) => n8nPoller(event(SPLASH_POLL_EVENTS, 'newCustomer'), runner('splash', c, transport), { event: 'newCustomer', options: { lookBackMinutes: 10 } }),
    },
    {
      platform: 'n8n',
      name: 'Splash Air New Customer Visit',
      rereadsLookBack: true,
      vendor: 'splash',
      strategy: 'time window since cursor − 10 min look-back, pages of 500',
      insert: insert('splashVisit'),
      expected: (k) => newestFirst(k, 500),
      expectedText: '⌈k/500⌉+1',
      create: async (_sb, c) => n8nPoller(event(SPLASH_POLL_EVENTS, 'newVisit'), runner('splash', c, transport), { event: 'newVisit', options: { lookBackMinutes: 10 } }),
    },
    {
      platform: 'n8n',
      name: 'SmartWiFi New Guest',
      vendor: 'smartwifi',
      strategy: 'whole unpaged list, highest-id cursor',
      insert: insert('smartwifiGuest'),
      expected: () => 1,
      expectedText: '1 (no paging: vendor minimum)',
      create: async (_sb, c) => n8nPoller(event(SMARTWIFI_POLL_EVENTS, 'newGuest'), runner('smartwifi', c, transport), { event: 'newGuest' }),
      ...fullGuestList,
    },
    {
      platform: 'n8n',
      name: 'SmartWiFi New Connection',
      vendor: 'smartwifi',
      strategy: 'one time window (cursor − 30 min look-back → now), no paging',
      insert: insert('smartwifiConnection', rotateGuest),
      expected: () => 1,
      expectedText: '1 (one window: vendor minimum)',
      create: async (_sb, c) =>
        n8nPoller(event(SMARTWIFI_POLL_EVENTS, 'newConnection'), runner('smartwifi', c, transport), {
          event: 'newConnection',
          hotspot: { __rl: true, mode: 'list', value: '' },
          options: { lookBackMinutes: 30 },
        }),
    },
    {
      platform: 'n8n',
      name: 'SmartWiFi New Guest Plan',
      vendor: 'smartwifi',
      strategy: 'started-since filter, one call per plan state (any = active + expired), no paging',
      insert: insert('smartwifiGuestPlan', rotateGuest),
      expected: () => 2,
      expectedText: '2 (one per state, no paging: vendor minimum)',
      create: async (_sb, c) =>
        n8nPoller(event(SMARTWIFI_POLL_EVENTS, 'newGuestPlan'), runner('smartwifi', c, transport), { event: 'newGuestPlan', planState: 'any', options: { lookBackMinutes: 30 } }),
    },
    {
      platform: 'n8n',
      name: 'anykrowd New Wallet Transaction',
      rereadsLookBack: true,
      vendor: 'anykrowd',
      strategy: 'newest-first, id cursor per wallet, first page 50, then pages of 100 from page 1',
      insert: (sb, k) => sb.insert('anykrowdTransaction', k, sb.keys.anykrowd.walletId),
      expected: (k) => rampedByPage(k, 100),
      expectedText: 'k<50: 1, else ⌊k/100⌋+2',
      create: async (sb, c) =>
        n8nPoller(event(ANYKROWD_POLL_EVENTS, 'newWalletTransaction'), runner('anykrowd', c, transport), {
          event: 'newWalletTransaction',
          watch: 'wallet',
          walletId: sb.keys.anykrowd.walletId,
        }),
    },
    {
      platform: 'Zapier',
      name: 'Nectifi New Guest',
      vendor: 'nectifi',
      strategy: 'first page of 100, Zapier dedupes',
      insert: insert('nectifiGuest'),
      expected: () => 1,
      expectedText: '1 (one newest page)',
      create: async (_sb, c) => zapierPoller('nectifi', 'newGuest', { apiKey: c.nectifi.apiKey, baseUrl: c.nectifi.baseUrl, allowHttp: 'true' }),
    },
    {
      platform: 'Zapier',
      name: 'Nectifi New WiFi Session',
      vendor: 'nectifi',
      strategy: 'first page of 100, Zapier dedupes',
      insert: insert('nectifiSession'),
      expected: () => 1,
      expectedText: '1 (one newest page)',
      create: async (_sb, c) => zapierPoller('nectifi', 'newConnection', { apiKey: c.nectifi.apiKey, baseUrl: c.nectifi.baseUrl, allowHttp: 'true' }),
    },
    {
      platform: 'Zapier',
      name: 'Splash Air New Customer',
      vendor: 'splash',
      strategy: 'newest 100 (page 1, then the last pages when oldest first)',
      insert: insert('splashCustomer'),
      expected: () => 3,
      expectedText: '3 (page 1, then the last one or two)',
      create: async (_sb, c) => zapierPoller('splash', 'newCustomer', { host: c.splash.host, apiKey: c.splash.apiKey, team: c.splash.team, allowHttp: 'true' }),
    },
    {
      platform: 'Zapier',
      name: 'Splash Air New Customer Visit',
      vendor: 'splash',
      strategy: 'newest 100 (page 1, then the last pages when oldest first)',
      insert: insert('splashVisit'),
      expected: () => 3,
      expectedText: '3 (page 1, then the last one or two)',
      create: async (_sb, c) => zapierPoller('splash', 'newVisit', { host: c.splash.host, apiKey: c.splash.apiKey, team: c.splash.team, allowHttp: 'true' }),
    },
    {
      platform: 'Zapier',
      name: 'SmartWiFi New Guest',
      vendor: 'smartwifi',
      strategy: 'whole unpaged list, newest 500 returned',
      insert: insert('smartwifiGuest'),
      expected: () => 1,
      expectedText: '1 (no paging: vendor minimum)',
      create: async (_sb, c) => zapierPoller('smartwifi', 'newGuest', { apiToken: c.smartwifi.apiToken, environment: 'custom', baseUrl: c.smartwifi.baseUrl, allowHttp: 'true' }),
      ...fullGuestList,
    },
    {
      platform: 'Zapier',
      name: 'SmartWiFi New Connection',
      vendor: 'smartwifi',
      strategy: 'one 25-hour window, newest 500 returned',
      insert: insert('smartwifiConnection', rotateGuest),
      expected: () => 1,
      expectedText: '1 (one 25-hour window: vendor minimum)',
      create: async (_sb, c) => zapierPoller('smartwifi', 'newConnection', { apiToken: c.smartwifi.apiToken, environment: 'custom', baseUrl: c.smartwifi.baseUrl, allowHttp: 'true' }),
    },
    {
      platform: 'Zapier',
      name: 'SmartWiFi New Guest Plan',
      vendor: 'smartwifi',
      strategy: 'active plans started in the last day, newest 500 returned',
      insert: insert('smartwifiGuestPlan', rotateGuest),
      expected: () => 1,
      expectedText: '1 (one unpaged list: vendor minimum)',
      create: async (_sb, c) =>
        zapierPoller('smartwifi', 'newGuestPlan', { apiToken: c.smartwifi.apiToken, environment: 'custom', baseUrl: c.smartwifi.baseUrl, allowHttp: 'true' }, { state: 'active' }),
    },
    {
      platform: 'Zapier',
      name: 'anykrowd New Wallet Transaction',
      vendor: 'anykrowd',
      strategy: 'newest 100 (page 1, then the last pages when oldest first)',
      insert: (sb, k) => sb.insert('anykrowdTransaction', k, sb.keys.anykrowd.walletId),
      expected: () => 3,
      expectedText: '3 (page 1, then the last one or two)',
      create: async (sb, c) =>
        zapierPoller('anykrowd', 'newWalletTransaction', { tenantUrl: c.anykrowd.tenantUrl, apiKey: c.anykrowd.apiKey, allowHttp: 'true' }, { id: String(sb.keys.anykrowd.walletId) }),
    },
  ];
}

export function credentialsOf(sb: SandboxProcess): TestCredentials {
  return {
    nectifi: { apiKey: sb.keys.nectifi.full, baseUrl: sb.urls.nectifi, allowHttp: true, requestsPerMinute: 10_000 },
    splash: { host: sb.urls.splash, apiKey: sb.keys.splash.apiKey, team: sb.keys.splash.team, allowHttp: true },
    smartwifi: { apiToken: sb.keys.smartwifi.apiToken, environment: 'custom', baseUrl: sb.urls.smartwifi, allowHttp: true },
    anykrowd: { tenantUrl: sb.urls.anykrowd, apiKey: sb.keys.anykrowd.apiKey, allowHttp: true },
  };
}

export interface PollSample {
  requests: number;
  /** What this poll should have cost: for k new rows, plus L (see PollCase.rereadsLookBack). */
  expected: number | null;
  /** L: rows the n8n trigger's state held as seen within its look-back before the poll (null: Zapier). */
  lookBackRows: number | null;
  /** Baseline (n8n pollers): the same requests sent again, one after another, with raw undici + JSON.parse. */
  replayMs: number | null;
  /** Response bytes (n8n pollers only; null for Zapier). */
  bytes: number | null;
  emitted: number;
  wallMs: number;
  /** Set when the poll threw. */
  error?: string;
  cpuMs: number;
}

export interface Cell {
  platform: string;
  name: string;
  strategy: string;
  expectedText: string;
  n: number;
  k: number;
  expected: number | null;
  samples: PollSample[];
  skipped?: string;
}

export async function measuredPoll(
  sb: SandboxProcess,
  vendor: Vendor,
  poller: Poller,
  counted: boolean,
  expectedFor: (lookBackRows: number) => number | null = () => null,
): Promise<PollSample> {
  const lookBackRows = poller.lookBackRows?.() ?? null;
  const before = requestCount(await sb.counters(), `${SANDBOX_VENDOR[vendor]} `);
  const bytes0 = receivedBytes;
  sent = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let emitted = 0;
  let error: string | undefined;
  try {
    emitted = await poller.poll();
  } catch (thrown) {
    // A failed poll is a figure too (e.g. a response too slow for the platform's timeout).
    error = String((thrown as Error).message ?? thrown).slice(0, 300);
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const after = requestCount(await sb.counters(), `${SANDBOX_VENDOR[vendor]} `);
  const replayMs = counted && !error ? await replay(sent) : null;
  return { requests: after - before, expected: expectedFor(lookBackRows ?? 0), lookBackRows, replayMs, bytes: counted ? receivedBytes - bytes0 : null, emitted, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, error };
}

/** The poll's own requests again, raw: what the HTTP alone costs, without the trigger's logic. */
async function replay(requests: HttpRequest[]): Promise<number> {
  const t0 = performance.now();
  for (const r of requests) {
    const res = await undiciRequest(r.url, { method: r.method, headers: r.headers, body: r.body, dispatcher: replayAgent });
    const text = await res.body.text();
    if (text) JSON.parse(text);
  }
  return performance.now() - t0;
}

