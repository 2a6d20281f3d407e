import { SlidingWindowLimiter } from '../shared/http/rate-limiter';
import { DEFAULT_RETRY, backoffDelay, decideRetry, vendorDelayMs } from '../shared/http/retry';
import { TransportError } from '../shared/http/transport';

const response = (status: number, readable = true) =>
  ({ kind: 'response', response: { status, headers: {}, body: '' }, readable }) as const;
const lost = (sent: boolean) => ({ kind: 'transport', error: new TransportError('x', sent ? 'reset' : 'connect', sent) }) as const;

describe('which attempts are repeated', () => {
  it.each([
    ['read', response(503), true],
    ['read', response(500), true],
    ['read', response(429), true],
    ['read', lost(true), true],
    ['read', response(200, false), true],
    ['read', response(404), false],
    ['idempotent', lost(true), true],
    ['idempotent', response(502), true],
    ['unsafe', lost(false), true],
    ['unsafe', response(429), true],
    ['unsafe', lost(true), false],
    ['unsafe', response(502), false],
    ['unsafe', response(503), false],
    ['unsafe', response(200, false), false],
    ['unsafe', response(422), false],
  ] as const)('%s after %j → retry %s', (safety, result, retry) => {
    expect(decideRetry(result, safety, true).retry).toBe(retry);
  });

  it('says a write that may have reached the vendor may have been applied', () => {
    expect(decideRetry(lost(true), 'unsafe', true).mayHaveApplied).toBe(true);
    expect(decideRetry(lost(false), 'unsafe', true).mayHaveApplied).toBe(false);
    expect(decideRetry(response(429), 'unsafe', true).mayHaveApplied).toBe(false);
    expect(decideRetry(lost(true), 'read', true).mayHaveApplied).toBe(false);
  });

  it('never repeats what the vendor says will not succeed (a used-up monthly quota)', () => {
    expect(decideRetry(response(429), 'read', false).retry).toBe(false);
  });
});

describe('how long to wait', () => {
  const now = Date.parse('2026-06-20T12:00:00Z');

  it('honours Retry-After in seconds and as a date, and anykrowd X-RateLimit-Reset', () => {
    expect(vendorDelayMs({ 'retry-after': '2' }, now)).toBe(2000);
    expect(vendorDelayMs({ 'retry-after': 'Sat, 20 Jun 2026 12:00:05 GMT' }, now)).toBe(5000);
    expect(vendorDelayMs({ 'x-ratelimit-reset': String(now / 1000 + 7), 'x-ratelimit-remaining': '0' }, now)).toBe(7000);
    expect(vendorDelayMs({ 'x-ratelimit-reset': String(now / 1000 + 7), 'x-ratelimit-remaining': '12' }, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped, and adds only a little to a vendor delay', () => {
    const high = { ...DEFAULT_RETRY, random: () => 0.999 };
    expect(backoffDelay(1, high)).toBeLessThanOrEqual(250);
    expect(backoffDelay(3, high)).toBeGreaterThan(900);
    expect(backoffDelay(20, high)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
    expect(backoffDelay(1, { ...DEFAULT_RETRY, random: () => 0 })).toBe(0);
    expect(backoffDelay(1, high, 3000)).toBeGreaterThanOrEqual(3000);
    expect(backoffDelay(1, high, 3000)).toBeLessThanOrEqual(3100);
  });
});

describe('the client-side rate limit', () => {
  function fakeClock() {
    let now = 0;
    return { now: () => now, sleep: async (ms: number) => void (now += ms) };
  }

  it('never lets more than the documented number of requests into any window', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ requests: 60, windowMs: 60_000 }, clock);
    const sentAt: number[] = [];
    for (let i = 0; i < 250; i++) {
      await limiter.acquire();
      sentAt.push(clock.now());
    }
    for (let i = 60; i < sentAt.length; i++) expect(sentAt[i] - sentAt[i - 60]).toBeGreaterThanOrEqual(60_000);
    expect(sentAt[59]).toBe(0);
    // The next window starts a little late (2 s): the vendor counts a request when it arrives.
    expect(sentAt[60]).toBe(62_000);
  });

  it('holds every caller back while the vendor asked us to wait', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ requests: 1000, windowMs: 3_600_000 }, clock);
    limiter.pauseFor(5000);
    await Promise.all([limiter.acquire(), limiter.acquire()]);
    expect(clock.now()).toBe(5000);
  });
});
