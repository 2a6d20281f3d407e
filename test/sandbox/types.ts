import type { LatencyController, LatencySpec } from './latency';
import type { AnykrowdState } from './anykrowd/state';
import type { NectifiState } from './nectifi/state';
import type { SmartwifiState } from './smartwifi/state';
import type { SplashState } from './splash/state';
import type { WebhookHub } from './webhooks';

export type Vendor = 'nectifi' | 'splash' | 'smartwifi' | 'anykrowd';
export const VENDORS: readonly Vendor[] = ['nectifi', 'splash', 'smartwifi', 'anykrowd'];

export const FAULT_KINDS = [
  'rate-limit',
  'rate-limit-reset',
  'quota-exceeded',
  'status-500',
  'status-502',
  'status-503',
  'reset-before',
  'reset-after',
  'timeout',
  'malformed-json',
  'html-error',
  'truncated-body',
  'slow-body',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  vendor?: Vendor;
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Prefix of the vendor-relative path (`/crm/guests`, `/api/vouchers`, `/v2/client/connections`, `/apix/v1/users/topup`). */
  path?: string;
  fault: FaultKind;
  /** How many matching requests this fault hits (default 1). */
  times?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

export interface SandboxScale {
  nectifiGuests: number;
  nectifiSessions: number;
  nectifiGrants: number;
  nectifiNotes: number;
  splashCustomers: number;
  splashVisits: number;
  splashVouchers: number;
  smartwifiGuests: number;
  smartwifiConnections: number;
  smartwifiGuestPlans: number;
  anykrowdUsers: number;
  anykrowdTransactions: number;
}

export const DEFAULT_SCALE: SandboxScale = {
  nectifiGuests: 5000,
  nectifiSessions: 20000,
  nectifiGrants: 2500,
  nectifiNotes: 400,
  splashCustomers: 4000,
  splashVisits: 25000,
  splashVouchers: 50,
  smartwifiGuests: 4000,
  smartwifiConnections: 50000,
  smartwifiGuestPlans: 2000,
  anykrowdUsers: 500,
  anykrowdTransactions: 10000,
};

/** How `/v2/zapier/client/guests` renders ids: `true`/`'omit'` drops the key, as the doc's example does. */
export type BlankGuestIds = boolean | 'omit' | 'null' | 'empty-string';

export type ListOrder = 'id' | 'time';

/**
 * How Nectifi list endpoints answer: `envelope` (default, `{items, total, limit, offset}`) or `bare`
 * (the items as a bare JSON array). The docs show no response bodies, so both are allowed.
 */
export type NectifiListShape = 'envelope' | 'bare';

export interface SandboxOptions {
  /** 0 (default) picks a free port; the CLI uses 4010. The server binds 127.0.0.1 only. */
  port?: number;
  seed?: number;
  scale?: Partial<SandboxScale>;
  /** The vendors' clock (ms). Every "now" is read from it, so tests can skew it. */
  now?: () => number;
  /** Per-minute limit of the demo Nectifi keys (defaults: full 10,000, others 60). */
  nectifiRateLimitPerMinute?: number;
  anykrowdRateLimitPerHour?: number;
  smartwifiBlankGuestIds?: BlankGuestIds;
  /**
   * What "newest first" sorts by in Nectifi's guest and session lists and anykrowd's wallet
   * transactions: `id` (default: ids grow with creation) or `time` (created_at / started_at, newest
   * first, ties by id). The docs say "newest first" without saying by what; both readings are allowed.
   */
  listOrder?: ListOrder;
  nectifiListShape?: NectifiListShape;
  /** No request log on stderr (the sandbox only logs when `quiet === false`). */
  quiet?: boolean;
  /** Milliseconds before each vendor request is answered (all vendors, or per vendor); default 0. */
  latencyMs?: LatencySpec;
}

export interface SandboxUrls {
  nectifi: string;
  splash: string;
  smartwifi: string;
  anykrowd: string;
}

export interface SandboxKeys {
  nectifi: {
    full: string;
    readOnly: string;
    crmOnly: string;
    revoked: string;
    ipBlocked: string;
    webhookSecret: string;
    signatureHeader: string;
  };
  splash: { apiKey: string; team: string; otherTeam: string };
  smartwifi: { apiToken: string };
  anykrowd: { apiKey: string; userExternalId: string; walletId: number; currencyId: number };
}

export interface CounterSnapshot {
  /** Every request received, faulted ones included, by `'<vendor> <METHOD> <route template>'`. */
  requests: Record<string, number>;
  /** State changes actually applied (idempotent replays and rejected requests excluded). */
  applied: Record<string, number>;
  /** The most vendor requests that were waiting for their answer at one time, per vendor, since the last reset. */
  maxInFlight: Record<string, number>;
  /** Answers sent, by `'<vendor> <status>'` (`'nectifi 429'`). */
  statuses: Record<string, number>;
}

export interface SandboxState {
  nectifi: NectifiState;
  splash: SplashState;
  smartwifi: SmartwifiState;
  anykrowd: AnykrowdState;
}

export interface FaultsApi {
  inject(spec: FaultSpec | FaultSpec[]): void;
  clear(): void;
  /** Faults not yet used up, with the hits each has left in `times`. */
  pending(): FaultSpec[];
}

export interface CountersApi {
  get(): CounterSnapshot;
  reset(): void;
}

export interface InsertApi {
  nectifiGuest(partial?: Record<string, unknown>): Record<string, unknown>;
  nectifiSession(partial?: Record<string, unknown>): Record<string, unknown>;
  /** Ends an open Nectifi session (emits visit.ended). */
  endNectifiSession(sessionId: number): Record<string, unknown>;
  splashCustomer(partial?: Record<string, unknown>): Record<string, unknown>;
  splashVisit(partial?: Record<string, unknown>): Record<string, unknown>;
  smartwifiGuest(partial?: Record<string, unknown>): Record<string, unknown>;
  smartwifiConnection(partial?: Record<string, unknown>): Record<string, unknown>;
  /**
   * A roaming connection: its first accounting record as `smartwifiConnection` makes it, then one
   * more record per `roams` entry (at that time, at that hotspot; listed once the sandbox clock reaches
   * it, as a gateway sends records as they happen). Returns the connection as a range covering all its
   * records lists it: one row, dated at its first record.
   */
  smartwifiRoamingConnection(partial: Record<string, unknown>, roams: Array<{ at: number; hotspot_id?: number }>): Record<string, unknown>;
  smartwifiGuestPlan(partial?: Record<string, unknown>): Record<string, unknown>;
  anykrowdTransaction(walletId: number, partial?: Record<string, unknown>): Record<string, unknown>;
}

export interface Sandbox {
  url: string;
  urls: SandboxUrls;
  keys: SandboxKeys;
  faults: FaultsApi;
  counters: CountersApi;
  /** The live in-memory data (replaced by `reset()`, so read it through this getter). */
  readonly state: SandboxState;
  insert: InsertApi;
  webhooks: WebhookHub;
  /** Simulated vendor latency, changeable while running (also `POST /__sandbox/latency`). */
  latency: LatencyController;
  /** How Nectifi lists answer (`envelope` or `bare`); can be switched while running. */
  nectifiListShape: NectifiListShape;
  /** Re-seeds all data; clears faults, counters, rate-limit windows, idempotency records and deliveries. Webhook targets stay. */
  reset(): void;
  close(): Promise<void>;
}
