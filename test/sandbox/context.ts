import type { Rng } from './lib/rng';
import type { BlankGuestIds, ListOrder, NectifiListShape, SandboxScale, SandboxUrls } from './types';
import type { WebhookHub } from './webhooks';

/** What every vendor simulator gets from the sandbox. */
export interface VendorContext {
  seed: number;
  scale: SandboxScale;
  now: () => number;
  urls: SandboxUrls;
  webhooks: WebhookHub;
  /** Run-time randomness (ids, nanoids, tokens), re-seeded by reset(). */
  rng: Rng;
  nectifiRateLimitPerMinute?: number;
  anykrowdRateLimitPerHour: number;
  smartwifiBlankGuestIds: BlankGuestIds;
  listOrder: ListOrder;
  /** Changeable while the sandbox runs (`sandbox.nectifiListShape`). */
  nectifiListShape: NectifiListShape;
}

/** Ids in list order, newest first: by id, or by the record's time (ties by id) when `listOrder` is `time`. */
export function newestFirstIds(ctx: VendorContext, ascendingIds: number[], timeOf: (id: number) => number): number[] {
  const ids = [...ascendingIds].reverse();
  if (ctx.listOrder !== 'time') return ids;
  return ids.sort((a, b) => timeOf(b) - timeOf(a) || b - a);
}

/** Thrown by handlers; each vendor renders it in its own error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Vendor-specific detail: Pydantic error list (Nectifi), Laravel `errors` map (Splash). */
    readonly detail?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
