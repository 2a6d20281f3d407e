import { hashFloat, hashString, Rng } from './rng';
import { HOUR } from './time';

// Relative activity by UTC hour of day: quiet nights, busy lunch and evening.
const DIURNAL = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.6, 0.9, 1.0, 1.1, 1.3,
  1.6, 1.5, 1.2, 1.1, 1.2, 1.5, 1.9, 2.1, 1.9, 1.4, 0.9, 0.5,
];
// Sunday .. Saturday
const WEEKDAY = [1.1, 0.8, 0.85, 0.9, 1.0, 1.35, 1.45];

/**
 * `count` timestamps between `start` and `end`, non-decreasing in their index, with a realistic daily
 * and weekly rhythm and slow growth. Nothing is stored per record: `at(i)` inverts a cumulative
 * weight over hourly bins, so a million records cost a few kilobytes and any index is O(log bins).
 */
export class Timeline {
  private readonly cum: Float64Array;
  private readonly weights: Float64Array;
  private readonly tag: number;
  /** countBefore() of every hour boundary, built on first use; narrows later searches to one hour. */
  private hourIndex: Int32Array | null = null;

  constructor(
    private readonly seed: number,
    tag: string,
    readonly start: number,
    readonly end: number,
    readonly count: number,
  ) {
    this.tag = hashString(tag);
    const bins = Math.max(1, Math.ceil((end - start) / HOUR));
    const rng = new Rng(seed ^ this.tag);
    this.weights = new Float64Array(bins);
    this.cum = new Float64Array(bins + 1);
    for (let b = 0; b < bins; b++) {
      const t = start + b * HOUR;
      const d = new Date(t);
      const binEnd = Math.min(end, t + HOUR);
      const growth = 0.7 + 0.6 * (b / bins);
      const w = DIURNAL[d.getUTCHours()] * WEEKDAY[d.getUTCDay()] * growth * rng.float(0.6, 1.4);
      this.weights[b] = Math.max(1e-6, w * ((binEnd - t) / HOUR));
      this.cum[b + 1] = this.cum[b] + this.weights[b];
    }
  }

  /** Timestamp (ms) of record index `i` (0-based). */
  at(i: number): number {
    const u = (i + hashFloat(this.seed ^ this.tag, i)) / this.count;
    const target = u * this.cum[this.cum.length - 1];
    let lo = 0;
    let hi = this.weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.cum[mid] <= target) lo = mid;
      else hi = mid - 1;
    }
    const t = this.start + (lo + (target - this.cum[lo]) / this.weights[lo]) * HOUR;
    return Math.floor(Math.min(t, this.end));
  }

  /** Number of indices whose timestamp is < t (i.e. the first index at or after t). */
  countBefore(t: number): number {
    if (t <= this.start) return this.search(t, 0, this.count);
    if (t > this.end) return this.count;
    const index = (this.hourIndex ??= this.buildHourIndex());
    const b = Math.min(index.length - 2, Math.floor((t - this.start) / HOUR));
    return this.search(t, index[b], index[b + 1]);
  }

  private buildHourIndex(): Int32Array {
    const bins = this.weights.length;
    const index = new Int32Array(bins + 1);
    for (let b = 0; b < bins; b++) index[b] = this.search(this.start + b * HOUR, b ? index[b - 1] : 0, this.count);
    index[bins] = this.count;
    return index;
  }

  private search(t: number, lo: number, hi: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
