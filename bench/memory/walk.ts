import { readFileSync } from 'node:fs';

export interface WalkSpec {
  walk: 'smartwifi-connections' | 'nectifi-guests';
  /**
   * ours: the shared client's iterator; raw: undici + JSON.parse, the same requests; raw-no-reach:
   * SmartWiFi's windows without the 12-hour reach past their edges; raw-30d: 30-day windows.
   */
  variant: 'ours' | 'raw' | 'raw-no-reach' | 'raw-30d';
  baseUrl: string;
  key: string;
  /** SmartWiFi range (yyyy-mm-dd). */
  from: string;
  to: string;
}

export interface WalkReport {
  items: number;
  requests: number;
  /** The largest response body, in KB. */
  largestBodyKb: number;
  /** The most items one response brought. */
  largestPageItems: number;
  ms: number;
  /** RSS once the code is loaded, before the first request. */
  startRssMb: number;
  /** VmHWM: the peak resident set of this process. */
  peakRssMb: number;
  /** Sampled every 20 ms. */
  peakHeapUsedMb: number;
}

function statusKb(field: string): number {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return line ? Number(line.split(/\s+/)[1]) : Number.NaN;
}

export interface WalkContext {
  /** Call with each response body as received. */
  response(text: string): void;
  /** Call with each item. */
  use(item: unknown): void;
}

/** Runs one walk in this process and prints its WalkReport as one JSON line. */
export function runWalkMain(walk: (spec: WalkSpec, ctx: WalkContext) => Promise<void>): void {
  const spec = JSON.parse(process.argv[2]) as WalkSpec;
  const startRssMb = statusKb('VmRSS') / 1024;
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
  let items = 0;
  let requests = 0;
  let largest = 0;
  let largestPage = 0;
  let itemsAtResponse = 0;
  let sink = 0;
  const ctx: WalkContext = {
    response(text) {
      // Items of a page arrive after its response and before the next one.
      largestPage = Math.max(largestPage, items - itemsAtResponse);
      itemsAtResponse = items;
      requests++;
      largest = Math.max(largest, text.length);
    },
    use(item) {
      // Read one field, as an export would, then let the item go.
      const row = item as { macaddress?: string; email?: string };
      sink += row.macaddress?.length ?? row.email?.length ?? 1;
      items++;
    },
  };
  const t0 = performance.now();
  walk(spec, ctx)
    .then(() => {
      clearInterval(sampler);
      largestPage = Math.max(largestPage, items - itemsAtResponse);
      const report: WalkReport = {
        items,
        requests,
        largestBodyKb: largest / 1024,
        largestPageItems: largestPage,
        ms: performance.now() - t0,
        startRssMb,
        peakRssMb: statusKb('VmHWM') / 1024,
        peakHeapUsedMb: peakHeap / 2 ** 20,
      };
      void sink;
      process.stdout.write(`${JSON.stringify(report)}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`memory walk failed: ${(error as Error).stack ?? error}\n`);
      process.exit(1);
    });
}
