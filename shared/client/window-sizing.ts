const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Items one window should bring: about 1 MB of SmartWiFi connections, however dense the history. */
export const WINDOW_TARGET_ITEMS = 2_000;
/** How much of the densest stretch seen is remembered from one window to the next. */
const PEAK_DECAY = 0.9;

export interface WindowSizing {
  /** The span of the next window, in whole hours. */
  span: number;
  /** The densest stretch seen so far (items per ms), slowly forgotten. */
  peakRate: number;
}

/** The first window is a day: a poll's look-back (minutes to hours) is one request. */
export const firstWindow = (): WindowSizing => ({ span: DAY_MS, peakRate: 0 });

/**
 * SmartWiFi answers a whole window at once, so the window's span is all that bounds memory. Each
 * window is sized from the densest stretch seen so far, not the last one, so that a quiet night does
 * not size the window that lands on a busy day; it at most doubles from one window to the next.
 * Before the first item, windows stay at a day: the first busy window after an empty stretch is as
 * large as the stretch before it, and its density cannot be known in advance.
 */
export function nextWindow(previous: WindowSizing, count: number, maxSpan: number): WindowSizing {
  const peakRate = Math.max(count / previous.span, previous.peakRate * PEAK_DECAY);
  const ceiling = Math.min(previous.span * 2, peakRate === 0 ? DAY_MS : maxSpan);
  const wanted = peakRate === 0 ? ceiling : WINDOW_TARGET_ITEMS / peakRate;
  const hours = Math.max(1, Math.floor(Math.min(wanted, ceiling) / HOUR_MS));
  return { span: hours * HOUR_MS, peakRate };
}
