/** Order statistics over the rounds of a benchmark. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export interface Summary {
  n: number;
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: median(values),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** `123.4 (118.0–130.2)`: median and p25–p75, with `digits` decimals. */
export function fmt(summary: Summary, digits = 1, unit = ''): string {
  const f = (v: number) => v.toFixed(digits);
  return `${f(summary.median)}${unit} (${f(summary.p25)}–${f(summary.p75)})`;
}

export function fmtNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Runs `rounds` rounds of every variant, interleaved: the order alternates A B, B A, ... so that
 * neither variant always runs on a warmer (or busier) machine. Each call returns one measurement.
 */
export async function interleaved<K extends string>(
  variants: Record<K, () => Promise<number>>,
  rounds: number,
): Promise<Record<K, number[]>> {
  const names = Object.keys(variants) as K[];
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) out[name].push(await variants[name]());
  }
  return out;
}

/** How the interleaving is described in the reports. */
export const interleavedNote = 'interleaved: the order alternates every round';

/** Ratio of medians, and the median of the per-round ratios (paired rounds). */
export function ratios(ours: readonly number[], base: readonly number[]): { ofMedians: number; perRound: Summary } {
  const paired = ours.map((v, i) => v / base[i]);
  return { ofMedians: median(ours) / median(base), perRound: summarize(paired) };
}

/** A plain-text table with aligned columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A Markdown table. */
export function mdTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
