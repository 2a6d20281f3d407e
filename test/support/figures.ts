import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_LOG_DIR } from './errors';

/** What a reliability test counted (runs, faults, items), for the run's closing summary. */
export type Figures = { kind: 'trigger' | 'webhook'; name: string } & Record<string, string | number>;

export const FIGURES_PREFIX = 'figures-';

export function recordFigures(figures: Figures): void {
  mkdirSync(ERROR_LOG_DIR, { recursive: true });
  appendFileSync(join(ERROR_LOG_DIR, `${FIGURES_PREFIX}${process.pid}.jsonl`), `${JSON.stringify(figures)}\n`);
}
