/** A clock whose time only moves when every caller is asleep: to the earliest wake-up. */
export function virtualClock() {
  let now = 0;
  const timers: Array<{ at: number; wake: () => void }> = [];
  const clock = {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => timers.push({ at: now + ms, wake })),
  };
  /** Runs until `done` settles, advancing time whenever nothing else can happen. */
  async function runUntil<T>(done: Promise<T>): Promise<T> {
    let settled = false;
    const result = done.finally(() => (settled = true));
    while (!settled) {
      for (let i = 0; i < 20; i++) await Promise.resolve();
      if (settled) break;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      now = Math.max(now, next.at);
      next.wake();
    }
    return result;
  }
  return { clock, runUntil };
}
