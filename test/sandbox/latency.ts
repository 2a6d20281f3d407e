import type { Vendor } from './types';

export const VENDORS: readonly Vendor[] = ['nectifi', 'splash', 'smartwifi', 'anykrowd'];

/** Milliseconds added before each vendor request is answered, one number for all or per vendor. */
export type LatencySpec = number | Partial<Record<Vendor, number>>;

/**
 * Simulated vendor latency: a real vendor answers in tens to hundreds of milliseconds, loopback in
 * tens of microseconds, which hides whether a node overlaps its requests. Control endpoints and
 * webhook deliveries are not delayed.
 */
export class LatencyController {
  private readonly ms: Record<Vendor, number> = { nectifi: 0, splash: 0, smartwifi: 0, anykrowd: 0 };

  constructor(initial?: LatencySpec) {
    if (initial !== undefined) this.set(initial);
  }

  set(spec: LatencySpec): void {
    const entries: Array<[string, unknown]> = typeof spec === 'number' ? VENDORS.map((v) => [v, spec]) : Object.entries(spec);
    for (const [vendor, ms] of entries) {
      if (!VENDORS.includes(vendor as Vendor)) throw new Error(`latency: unknown vendor "${vendor}" (one of ${VENDORS.join(', ')})`);
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 60_000) throw new Error(`latency: ${vendor} must be a number of milliseconds from 0 to 60000`);
    }
    for (const [vendor, ms] of entries) this.ms[vendor as Vendor] = ms as number;
  }

  of(vendor: Vendor): number {
    return this.ms[vendor];
  }

  get(): Record<Vendor, number> {
    return { ...this.ms };
  }
}

/** `50` or `nectifi=50,splash=200` (the CLI's --latency). */
export function parseLatency(text: string): LatencySpec {
  if (/^\d+$/.test(text.trim())) return Number(text);
  const spec: Partial<Record<Vendor, number>> = {};
  for (const part of text.split(',')) {
    const [vendor, ms] = part.split('=').map((s) => s.trim());
    if (!vendor || !/^\d+$/.test(ms ?? '')) throw new Error(`--latency: expected <ms> or <vendor>=<ms>,... (e.g. 50 or nectifi=50,splash=200), got "${text}"`);
    spec[vendor as Vendor] = Number(ms);
  }
  return spec;
}
