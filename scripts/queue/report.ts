/** What the queue test counts, and the checks it prints as it goes. */
export const figures = { executions: 0, lost: 0, duplicated: 0, failed: 0, r429: 0, longestWaitMs: 0, busiestWindow: 0, limit: 0 };
export const problems: string[] = [];
export const log = (line: string) => console.log(line);

export function check(ok: boolean, what: string): void {
  log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) problems.push(what);
}

/** Adds one scenario's executions: `expected` should have succeeded, `effects` happened (top-ups, emitted rows). */
export function tally(rows: Array<{ status: string; startedAt: number; stoppedAt: number }>, expected: number, effects: number): void {
  figures.executions += rows.length;
  figures.lost += Math.max(0, expected - rows.filter((r) => r.status === 'success').length);
  figures.duplicated += Math.max(0, effects - expected);
  for (const r of rows) if (r.stoppedAt && r.startedAt) figures.longestWaitMs = Math.max(figures.longestWaitMs, r.stoppedAt - r.startedAt);
}
