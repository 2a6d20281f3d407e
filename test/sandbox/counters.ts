import type { CounterSnapshot, CountersApi } from './types';

export class Counters implements CountersApi {
  private requests = new Map<string, number>();
  private applied = new Map<string, number>();

  request(key: string): void {
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  apply(key: string): void {
    this.applied.set(key, (this.applied.get(key) ?? 0) + 1);
  }

  get(): CounterSnapshot {
    return { requests: Object.fromEntries(this.requests), applied: Object.fromEntries(this.applied) };
  }

  reset(): void {
    this.requests.clear();
    this.applied.clear();
  }
}
