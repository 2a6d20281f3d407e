import type { CounterSnapshot, CountersApi } from './types';

export class Counters implements CountersApi {
  private requests = new Map<string, number>();
  private applied = new Map<string, number>();
  private inFlight = new Map<string, number>();
  private maxInFlight = new Map<string, number>();
  private statuses = new Map<string, number>();

  /** The status a vendor answer went out with (`'nectifi 429'`). */
  answered(vendor: string, status: number): void {
    const key = `${vendor} ${status}`;
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }

  /** A vendor request arrived (its answer is not sent yet). */
  enter(vendor: string): void {
    const now = (this.inFlight.get(vendor) ?? 0) + 1;
    this.inFlight.set(vendor, now);
    if (now > (this.maxInFlight.get(vendor) ?? 0)) this.maxInFlight.set(vendor, now);
  }

  /** Its answer went out, or the connection closed. */
  leave(vendor: string): void {
    this.inFlight.set(vendor, Math.max(0, (this.inFlight.get(vendor) ?? 0) - 1));
  }

  request(key: string): void {
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  apply(key: string): void {
    this.applied.set(key, (this.applied.get(key) ?? 0) + 1);
  }

  get(): CounterSnapshot {
    return { requests: Object.fromEntries(this.requests), applied: Object.fromEntries(this.applied), maxInFlight: Object.fromEntries(this.maxInFlight), statuses: Object.fromEntries(this.statuses) };
  }

  reset(): void {
    this.requests.clear();
    this.applied.clear();
    this.maxInFlight.clear();
    this.statuses.clear();
  }
}
