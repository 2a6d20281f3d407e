import type { Rng } from './lib/rng';
import type { BlankGuestIds, SandboxScale, SandboxUrls } from './types';
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
