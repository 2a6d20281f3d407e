import { type ReplayState, acceptOnce, rememberSince } from './webhook';

const MAX_TRIGGERS = 1_000;
const MAX_PER_TRIGGER = 10_000;

/**
 * The deliveries this process has accepted, per trigger (workflow and node). n8n hands every
 * request its own copy of the workflow's static data and writes it back afterwards, last writer
 * wins and without a lock: copies of one delivery arriving together all find it unrecorded there.
 * This record is checked and written in one synchronous step, so of N simultaneous copies exactly
 * one is accepted in this process. The static data still carries the record across restarts and
 * to other processes, and every request writes back the union of both, so deliveries accepted
 * together do not erase each other's entry. Bounded: entries older than the freshness window (a day without one) go
 * (a replay of one is refused as stale anyway), at most 10,000 per trigger and 1,000 triggers.
 */
export class DeliveryLedger {
  private readonly triggers = new Map<string, ReplayState>();

  /** Whether to start the workflow for this delivery; records it in `persisted` too. */
  accept(trigger: string, key: string, sentAtMs: number, nowMs: number, windowSeconds: number, persisted: ReplayState): boolean {
    const local = this.recordOf(trigger);
    const horizon = rememberSince(nowMs, windowSeconds);
    const seenBefore = key in local.seen || (key in persisted.seen && persisted.seen[key] >= horizon);
    const accepted = !seenBefore && acceptOnce(local, key, sentAtMs, nowMs, windowSeconds);
    mergeInto(persisted, local, horizon);
    return accepted;
  }

  /** Forgets everything, as a restart of the process does. */
  clear(): void {
    this.triggers.clear();
  }

  private recordOf(trigger: string): ReplayState {
    let record = this.triggers.get(trigger);
    if (record) {
      // Most recently used last, so the oldest trigger is the one dropped when there are too many.
      this.triggers.delete(trigger);
    } else {
      record = { seen: {} };
      if (this.triggers.size >= MAX_TRIGGERS) this.triggers.delete(this.triggers.keys().next().value as string);
    }
    this.triggers.set(trigger, record);
    return record;
  }
}

function mergeInto(persisted: ReplayState, local: ReplayState, horizon: number): void {
  for (const [key, sentAt] of Object.entries(persisted.seen)) if (sentAt < horizon) delete persisted.seen[key];
  for (const [key, sentAt] of Object.entries(local.seen)) if (!(key in persisted.seen)) persisted.seen[key] = sentAt;
  const keys = Object.keys(persisted.seen);
  for (let i = 0; i < keys.length - MAX_PER_TRIGGER; i++) delete persisted.seen[keys[i]];
}
