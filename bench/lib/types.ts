export interface BenchOptions {
  quick: boolean;
  /** Progress lines (stderr), so stdout stays the report. */
  log(line: string): void;
}

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  /** null: not applicable or not measured in this run. */
  met: boolean | null;
  note?: string;
}

export interface BenchResult {
  id: number;
  title: string;
  /** Plain text for the terminal. */
  text: string;
  /** Markdown for BENCHMARKS.md. */
  markdown: string;
  targets: TargetCheck[];
  /** Raw figures (bench/results/*.json). */
  data: unknown;
  skipped?: string;
}
