import { sleep } from 'n8n-workflow';
import type { Clock } from '../../shared/http/rate-limiter';

/** n8n forbids timers in node code; n8n-workflow's `sleep` is the sanctioned wait. */
export const n8nClock: Clock = { now: () => Date.now(), sleep: (ms: number) => sleep(ms) };

/** Stands in for shared/client/default-clock in the n8n build (scripts/build-n8n.mjs). */
export function defaultClock(): Clock {
  return n8nClock;
}
