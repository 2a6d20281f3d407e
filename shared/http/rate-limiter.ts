export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** Time for the limiter and the retries; each platform passes its own wait (n8n's `sleep`). */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * The longest a request waits for a slot. Longer waits fail at once with the reason (a queue too
 * long for the limit), so no execution hangs for minutes; it is also below what an n8n worker gives
 * running executions when it stops, once N8N_GRACEFUL_SHUTDOWN_TIMEOUT is at least 90 s.
 */
export const MAX_LIMITER_WAIT_MS = 70_000;

/**
 * Each of `processes` processes sharing one key keeps to its share of the key's limit, so together
 * they stay within it (at least one request per window each).
 */
export function shareOf(limit: RateLimit, processes = 1): RateLimit {
  const n = Number.isInteger(processes) && processes > 1 ? processes : 1;
  return { requests: Math.max(1, Math.floor(limit.requests / n)), windowMs: limit.windowMs };
}

/** Why a request was not sent: its wait for a slot would be too long, or the run was stopped while it waited. */
export class RateLimitWaitError extends Error {
  constructor(
    message: string,
    readonly waitedMs: number,
    readonly reason: 'too-long' | 'cancelled',
  ) {
    super(message);
    this.name = 'RateLimitWaitError';
  }
}

export interface AcquireOptions {
  /** The run's cancel signal (n8n: the execution is stopped, or the worker shuts down). */
  signal?: AbortSignal;
}

/**
 * Sliding-window limiter, the model both Nectifi (per minute) and anykrowd (per hour) document.
 * It also holds every caller back while the vendor has asked us to wait after a 429.
 */
export class SlidingWindowLimiter {
  private readonly sent: number[] = [];
  private pausedUntil = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  /**
   * A slot is reused a little after the window: a request leaves some time after its slot was
   * granted and the vendor counts it when it arrives, so on a busy machine a request sent exactly
   * one window after another can land inside the vendor's window (measured in queue mode: 63 in
   * one minute on a 60 limit, 3 answered 429).
   */
  private readonly spanMs: number;

  constructor(
    readonly limit: RateLimit,
    private readonly clock: Clock,
    readonly maxWaitMs = MAX_LIMITER_WAIT_MS,
  ) {
    this.spanMs = limit.windowMs + Math.min(2_000, Math.ceil(limit.windowMs * 0.05));
  }

  /**
   * Resolves, with how long it waited, when one more request fits in the window; callers are
   * served in order. Rejects at once when the wait would exceed `maxWaitMs`, and when `signal`
   * aborts while it waits: in both cases nothing was sent.
   */
  acquire(options: AcquireOptions = {}): Promise<number> {
    const started = this.clock.now();
    const expected = this.expectedWait(this.waiting);
    if (expected > this.maxWaitMs) {
      return Promise.reject(
        new RateLimitWaitError(
          `the client-side rate limit (${this.describeLimit()}) is taken for the next ${seconds(expected)}, longer than the ${seconds(this.maxWaitMs)} a request may wait: nothing was sent. Fewer runs at once (a lower worker concurrency), or a higher limit if the vendor allows it, avoid this; the run can be repeated safely.`,
          0,
          'too-long',
        ),
      );
    }
    this.waiting += 1;
    const turn = this.queue.then(() => this.waitForSlot(started, options.signal));
    this.queue = turn.catch(() => undefined);
    return turn.finally(() => (this.waiting -= 1));
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** When the caller `ahead` places back in the queue gets its slot, from now. */
  private expectedWait(ahead: number): number {
    const now = this.clock.now();
    const slots = this.sent.filter((t) => t > now - this.spanMs);
    let at = Math.max(now, this.pausedUntil);
    for (let i = 0; i <= ahead; i++) {
      at = Math.max(at, slots.length >= this.limit.requests ? slots[slots.length - this.limit.requests] + this.spanMs : at);
      slots.push(at);
    }
    return at - now;
  }

  private describeLimit(): string {
    const per = this.limit.windowMs === 60_000 ? 'minute' : this.limit.windowMs === 3_600_000 ? 'hour' : `${seconds(this.limit.windowMs)}`;
    return `${this.limit.requests} request${this.limit.requests === 1 ? '' : 's'} per ${per} for this key in this process`;
  }

  private async waitForSlot(started: number, signal?: AbortSignal): Promise<number> {
    for (;;) {
      const now = this.clock.now();
      if (signal?.aborted) {
        throw new RateLimitWaitError(
          `the run was stopped (the execution was cancelled, or the n8n process is shutting down) after waiting ${seconds(now - started)} for the client-side rate limit (${this.describeLimit()}): nothing was sent, so the run can be repeated safely.`,
          now - started,
          'cancelled',
        );
      }
      while (this.sent.length > 0 && this.sent[0] <= now - this.spanMs) this.sent.shift();
      const waitForPause = this.pausedUntil - now;
      const waitForWindow = this.sent.length < this.limit.requests ? 0 : this.sent[0] + this.spanMs - now;
      const wait = Math.max(waitForPause, waitForWindow);
      if (wait <= 0) {
        this.sent.push(now);
        return now - started;
      }
      await (signal ? Promise.race([this.clock.sleep(wait), aborted(signal)]) : this.clock.sleep(wait));
    }
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

const limiters = new Map<string, SlidingWindowLimiter>();

/** One limiter per vendor key in this process, shared by every client built for that key. */
export function limiterFor(id: string, limit: RateLimit, clock: Clock): SlidingWindowLimiter {
  const key = `${id}:${limit.requests}/${limit.windowMs}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new SlidingWindowLimiter(limit, clock);
    limiters.set(key, limiter);
  }
  return limiter;
}
