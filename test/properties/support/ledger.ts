/** When a poll ran, by both clocks. */
export interface PollTime {
  machineMs: number;
  vendorMs: number;
}

/** One row the test inserted behind the vendor API's back. */
export interface InsertedRow {
  key: string;
  /** The row's own vendor time (created, started or connected at). */
  timeMs: number;
  /** Whether the trigger, with its filters, is meant to emit it at all. */
  watched: boolean;
  /** Extra data a trigger's rules may need (plan expiry, hotspot). */
  expiresMs?: number;
}

/**
 * Whether a watched row must be emitted, given the successful polls that started after it was
 * inserted (vendor horizons such as SmartWiFi's 12 hours, or a plan state filter, can hide it).
 */
export type Rule = (row: InsertedRow, later: PollTime[]) => boolean;

/** A row must be emitted once any successful poll has started after it was inserted. */
export const anyLaterPoll: Rule = (_row, later) => later.length > 0;

interface Entry {
  row: InsertedRow;
  /** Number of successful polls completed when the row was inserted. */
  afterPoll: number;
  /** Inserted while a successful poll was paging (that poll may or may not have seen it). */
  duringPoll: boolean;
}

export interface Verdict {
  checked: number;
  required: number;
  lost: string[];
  duplicated: string[];
  /** Emitted but filtered out (another location, team, hotspot or wallet). */
  unwatched: string[];
  /** Emitted rows the test never inserted: rows that existed before the trigger was activated. */
  preExisting: string[];
}

/**
 * Every row inserted and every row emitted over one run, and the rule that judges them: a watched
 * row inserted after the first (baseline) poll must be emitted exactly once if some later successful
 * poll could see it; nothing is ever emitted twice; an unwatched row is never emitted.
 */
export class Ledger {
  private readonly entries: Entry[] = [];
  private readonly emitted = new Map<string, number>();
  private readonly polls: PollTime[] = [];
  private pollingNow = false;

  constructor(private readonly mustEmit: Rule = anyLaterPoll) {}

  startPoll(): void {
    this.pollingNow = true;
  }

  /** A poll ended; only a successful poll's items count (n8n drops the output of a failed one). */
  endPoll(at: PollTime, items: string[] | null): void {
    this.pollingNow = false;
    if (!items) {
      // A failed poll emitted nothing: rows inserted while it ran wait for the next one like any other.
      for (const entry of this.entries) if (entry.afterPoll === this.polls.length) entry.duringPoll = false;
      return;
    }
    this.polls.push(at);
    for (const key of items) this.emitted.set(key, (this.emitted.get(key) ?? 0) + 1);
  }

  insert(row: InsertedRow): void {
    this.entries.push({ row, afterPoll: this.polls.length, duringPoll: this.pollingNow });
  }

  get successfulPolls(): number {
    return this.polls.length;
  }

  verdict(): Verdict {
    const verdict: Verdict = { checked: this.entries.length, required: 0, lost: [], duplicated: [], unwatched: [], preExisting: [] };
    const inserted = new Set<string>();
    for (const { row, afterPoll, duringPoll } of this.entries) {
      inserted.add(row.key);
      const count = this.emitted.get(row.key) ?? 0;
      if (!row.watched) {
        if (count > 0) verdict.unwatched.push(row.key);
        continue;
      }
      // Polls that started after the insert: the one paging at the time may have missed it.
      const later = this.polls.slice(afterPoll + (duringPoll ? 1 : 0));
      const mustSee = afterPoll >= 1 && this.mustEmit(row, later);
      if (mustSee) verdict.required += 1;
      if (mustSee && count === 0) verdict.lost.push(row.key);
    }
    for (const [key, count] of this.emitted) {
      if (count > 1) verdict.duplicated.push(`${key} ×${count}`);
      if (!inserted.has(key)) verdict.preExisting.push(key);
    }
    return verdict;
  }
}
