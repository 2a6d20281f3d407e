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
 * Sliding-window limiter, the model both Nectifi (per minute) and anykrowd (per hour) document.
 * It also holds every caller back while the vendor has asked us to wait after a 429.
 */
export class SlidingWindowLimiter {
  private readonly sent: number[] = [];
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  /** Resolves when one more request fits in the window; callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length > 0 && this.sent[0] <= now - this.limit.windowMs) this.sent.shift();
      const waitForPause = this.pausedUntil - now;
      const waitForWindow = this.sent.length < this.limit.requests ? 0 : this.sent[0] + this.limit.windowMs - now;
      const wait = Math.max(waitForPause, waitForWindow);
      if (wait <= 0) {
        this.sent.push(now);
        return;
      }
      await this.clock.sleep(wait);
    }
  }
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
