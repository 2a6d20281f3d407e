/** What one item's run ended with: its value, or the error it threw. */
export type ItemOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `task` for items 0..count-1 with at most `inFlight` running at once, and returns the outcomes
 * in item order. With `stopOnError`, no item starts after one has failed (those already running
 * finish), and the outcomes end at the first failed item: what a caller that stops there reports.
 */
export async function runItems<T>(
  count: number,
  inFlight: number,
  task: (itemIndex: number) => Promise<T>,
  stopOnError: boolean,
): Promise<Array<ItemOutcome<T>>> {
  const outcomes: Array<ItemOutcome<T> | undefined> = new Array(count);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < count && !(stopOnError && failed)) {
      const itemIndex = next++;
      try {
        outcomes[itemIndex] = { ok: true, value: await task(itemIndex) };
      } catch (error) {
        outcomes[itemIndex] = { ok: false, error };
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, count)) }, worker));
  const ordered: Array<ItemOutcome<T>> = [];
  for (const outcome of outcomes) {
    if (!outcome) break;
    ordered.push(outcome);
    if (stopOnError && !outcome.ok) break;
  }
  return ordered;
}
