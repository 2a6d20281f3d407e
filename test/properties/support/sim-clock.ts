/**
 * Two clocks that only move when a test moves them: this machine's (what n8n's `Date.now()` would
 * say) and the vendor's, which runs `skewMs` ahead (negative: behind). The sandbox reads the vendor's.
 */
export class SimClock {
  machineMs: number;

  constructor(
    startMs: number,
    readonly skewMs: number,
  ) {
    this.machineMs = startMs;
  }

  vendorMs(): number {
    return this.machineMs + this.skewMs;
  }

  advance(ms: number): void {
    this.machineMs += Math.max(0, Math.round(ms));
  }
}
