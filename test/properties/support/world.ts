import type { Vendor } from '../../../shared/core/operation';
import type { OperationRunner } from '../../../shared/client/runner';
import { UndiciTransport } from '../../../shared/http/undici-transport';
import { type Sandbox, type SandboxOptions, type SandboxScale, startSandbox } from '../../sandbox';
import { SmartwifiState } from '../../sandbox/smartwifi/state';
import { runnerFor } from '../../support/runners';
import { sandboxCredentials } from '../../support/sandbox';
import { InterleavingTransport } from './interleaving-transport';
import { SimClock } from './sim-clock';

/** A small sandbox: the sandbox makes seeded rows on demand, so fewer rows make each request cheaper. */
export const SMALL_SCALE: SandboxScale = {
  nectifiGuests: 40,
  nectifiSessions: 80,
  nectifiGrants: 5,
  nectifiNotes: 5,
  splashCustomers: 40,
  splashVisits: 80,
  splashVouchers: 2,
  smartwifiGuests: 40,
  smartwifiConnections: 200,
  smartwifiGuestPlans: 40,
  anykrowdUsers: 6,
  anykrowdTransactions: 80,
};

/** 2026-06-20 12:00 UTC: runs start near here, on simulated clocks. */
export const EPOCH_MS = Date.UTC(2026, 5, 20, 12);

/** Runs share the vendor's data between re-seeds (a re-seed costs far more than a run). */
const RUNS_PER_SEED = 50;

/** One sandbox for a test file, on a simulated clock that each run replaces. */
export class World {
  clock = new SimClock(EPOCH_MS, 0);
  private runsSinceSeed = 0;

  private constructor(
    readonly sandbox: Sandbox,
    private readonly undici: UndiciTransport,
    readonly transport: InterleavingTransport,
  ) {}

  static async start(options: SandboxOptions = {}, rewriteUrl?: (url: string) => string): Promise<World> {
    const holder: { world?: World } = {};
    const sandbox = await startSandbox({
      port: 0,
      quiet: true,
      scale: SMALL_SCALE,
      anykrowdRateLimitPerHour: 1_000_000,
      ...options,
      now: () => holder.world?.clock.vendorMs() ?? EPOCH_MS,
    });
    const undici = new UndiciTransport({ connections: 4 });
    holder.world = new World(sandbox, undici, new InterleavingTransport(undici, rewriteUrl));
    return holder.world;
  }

  /**
   * Clocks for one run, skewed by `skewMs`, starting `pauseMs` after the previous run on the vendor's
   * clock (which never goes back). The vendor is re-seeded every so many runs, or when `crowded`.
   */
  beginRun(skewMs: number, pauseMs: number, crowded = false): void {
    this.clock = new SimClock(this.clock.vendorMs() + pauseMs - skewMs, skewMs);
    if (crowded || ++this.runsSinceSeed >= RUNS_PER_SEED) {
      this.sandbox.reset();
      this.runsSinceSeed = 0;
    }
  }

  /** Replaces SmartWiFi's data only, with fresh data at this scale (much cheaper than a full re-seed). */
  reseedSmartwifi(scale: Partial<SandboxScale>): void {
    this.sandbox.state.smartwifi = new SmartwifiState(1, { ...SMALL_SCALE, ...scale }, this.clock.vendorMs());
  }

  /**
   * A runner as a freshly started n8n process has: the real request building, decoding and retries
   * (waits are skipped on the simulated clock); the client-side rate limit is off (not under test).
   */
  runner(vendor: Vendor): OperationRunner {
    const clock = { now: () => this.clock.machineMs, sleep: async () => undefined };
    return runnerFor(vendor, sandboxCredentials(this.sandbox), { transport: this.transport, rateLimit: false, clock, timeoutMs: 10_000 });
  }

  async close(): Promise<void> {
    await this.sandbox.close();
    await this.undici.close();
  }
}
