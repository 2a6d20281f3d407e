import { isPlainObject } from './http';
import { FAULT_KINDS, VENDORS, type FaultKind, type FaultSpec, type FaultsApi, type Vendor } from './types';

interface Armed extends FaultSpec {
  remaining: number;
}

/** Faults that answer without running the handler (no state change). */
export const PRE_FAULTS: ReadonlySet<FaultKind> = new Set<FaultKind>([
  'rate-limit',
  'rate-limit-reset',
  'quota-exceeded',
  'status-500',
  'status-502',
  'status-503',
  'reset-before',
  'html-error',
]);

export class FaultController implements FaultsApi {
  private queue: Armed[] = [];

  inject(spec: FaultSpec | FaultSpec[]): void {
    const specs = (Array.isArray(spec) ? spec : [spec]).map(validateFaultSpec);
    for (const s of specs) this.queue.push({ ...s, remaining: s.times ?? 1 });
  }

  clear(): void {
    this.queue = [];
  }

  pending(): FaultSpec[] {
    return this.queue.map(({ remaining, ...s }) => ({ ...s, times: remaining }));
  }

  /** The first armed fault matching this request, used up by one hit. */
  take(vendor: Vendor, method: string, path: string, fullPath: string): FaultSpec | undefined {
    const i = this.queue.findIndex(
      (f) =>
        (!f.vendor || f.vendor === vendor) &&
        (!f.method || f.method.toUpperCase() === method) &&
        (!f.path || path.startsWith(f.path) || fullPath.startsWith(f.path)),
    );
    if (i < 0) return undefined;
    const f = this.queue[i];
    f.remaining--;
    if (f.remaining <= 0) this.queue.splice(i, 1);
    const { remaining: _remaining, ...spec } = f;
    return spec;
  }
}

export function validateFaultSpec(input: unknown): FaultSpec {
  if (!isPlainObject(input)) throw new Error('fault spec must be an object');
  const { vendor, method, path, fault, times, retryAfterSeconds, delayMs } = input;
  if (!FAULT_KINDS.includes(fault as FaultKind)) throw new Error(`fault must be one of ${FAULT_KINDS.join(', ')}`);
  if (vendor !== undefined && !VENDORS.includes(vendor as Vendor)) throw new Error(`vendor must be one of ${VENDORS.join(', ')}`);
  if (method !== undefined && typeof method !== 'string') throw new Error('method must be a string');
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) throw new Error('path must start with /');
  for (const [k, v] of Object.entries({ times, retryAfterSeconds, delayMs })) {
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) throw new Error(`${k} must be a number >= 0`);
  }
  if (times !== undefined && (times as number) < 1) throw new Error('times must be >= 1');
  const spec: FaultSpec = { fault: fault as FaultKind };
  if (vendor !== undefined) spec.vendor = vendor as Vendor;
  if (method !== undefined) spec.method = (method as string).toUpperCase();
  if (path !== undefined) spec.path = path as string;
  if (times !== undefined) spec.times = Math.floor(times as number);
  if (retryAfterSeconds !== undefined) spec.retryAfterSeconds = retryAfterSeconds as number;
  if (delayMs !== undefined) spec.delayMs = delayMs as number;
  return spec;
}
