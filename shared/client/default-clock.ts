import type { Clock } from '../http/rate-limiter';

/**
 * The clock of standalone clients and the Zapier apps: Node's timers. The n8n build replaces this
 * module (scripts/build-n8n.mjs): n8n forbids timers in node code, so the nodes pass a clock built on
 * n8n-workflow's `sleep` (nodes/common/connection.ts).
 */
const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function defaultClock(): Clock {
  return systemClock;
}
