import { CredentialError } from '../shared/core/errors';
import { RateLimitWaitError, SlidingWindowLimiter, shareOf } from '../shared/http/rate-limiter';
import { nectifiProfile } from '../shared/nectifi/profile';
import { NECTIFI_KEYS } from './sandbox/keys';
import { virtualClock } from './support/virtual-clock';

const MINUTE = 60_000;

describe('one key shared by several processes', () => {
  test('three processes, each keeping to its share of 60 per minute, never send more than 60 in any minute together', async () => {
    const { clock, runUntil } = virtualClock();
    const processes = [1, 2, 3].map(() => new SlidingWindowLimiter(shareOf({ requests: 60, windowMs: MINUTE }, 3), clock));
    const sentAt: number[] = [];
    // Each process has 10 executions at once (n8n's default worker concurrency), each sending 12 requests one after another.
    const execution = async (limiter: SlidingWindowLimiter) => {
      for (let r = 0; r < 12; r++) {
        await limiter.acquire();
        sentAt.push(clock.now());
      }
    };
    await runUntil(Promise.all(processes.flatMap((limiter) => Array.from({ length: 10 }, () => execution(limiter)))));
    expect(sentAt).toHaveLength(360);
    sentAt.sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0, j = 0; i < sentAt.length; i++) {
      while (sentAt[i] - sentAt[j] >= MINUTE) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    expect(busiest).toBe(60);
  });

  test('a share is at least one request per window, and a bad count means one process', () => {
    expect(shareOf({ requests: 60, windowMs: MINUTE }, 2)).toEqual({ requests: 30, windowMs: MINUTE });
    expect(shareOf({ requests: 60, windowMs: MINUTE }, 7)).toEqual({ requests: 8, windowMs: MINUTE });
    expect(shareOf({ requests: 5, windowMs: MINUTE }, 10)).toEqual({ requests: 1, windowMs: MINUTE });
    expect(shareOf({ requests: 60, windowMs: MINUTE }, 0)).toEqual({ requests: 60, windowMs: MINUTE });
  });

  test('the Nectifi credential divides its Requests Per Minute by Processes Sharing This Key, and refuses a bad count by name', () => {
    const base = { apiKey: NECTIFI_KEYS.full, requestsPerMinute: 60 };
    expect(nectifiProfile.connect(base).rateLimit).toEqual({ requests: 60, windowMs: MINUTE });
    expect(nectifiProfile.connect({ ...base, sharingProcesses: 3 }).rateLimit).toEqual({ requests: 20, windowMs: MINUTE });
    expect(() => nectifiProfile.connect({ ...base, sharingProcesses: 1.5 })).toThrow(CredentialError);
    expect(() => nectifiProfile.connect({ ...base, sharingProcesses: 0 })).toThrow(/Processes Sharing This Key/);
  });
});

describe('waits stay bounded and never end without a reason', () => {
  test('a request whose turn is further away than the longest wait fails at once, saying why', async () => {
    const { clock, runUntil } = virtualClock();
    const limiter = new SlidingWindowLimiter({ requests: 10, windowMs: MINUTE }, clock, 70_000);
    const granted = Array.from({ length: 20 }, () => limiter.acquire());
    // 10 now, 10 more a minute later; the 21st would wait two minutes.
    const late = limiter.acquire();
    await expect(late).rejects.toThrow(RateLimitWaitError);
    await expect(late).rejects.toThrow(/10 requests per minute for this key in this process.*taken for the next 124 s.*nothing was sent/);
    const waits = await runUntil(Promise.all(granted));
    expect(Math.max(...waits)).toBe(MINUTE + 2_000);
  });

  test('a run stopped while it waits (a worker shutting down) fails with the reason, and the queue goes on', async () => {
    const { clock, runUntil } = virtualClock();
    const limiter = new SlidingWindowLimiter({ requests: 2, windowMs: MINUTE }, clock);
    const stop = new AbortController();
    await runUntil(Promise.all([limiter.acquire(), limiter.acquire()]));
    const stopped = limiter.acquire({ signal: stop.signal });
    const next = limiter.acquire();
    const caught = stopped.catch((error: Error) => error);
    await Promise.resolve();
    stop.abort();
    const error = await runUntil(caught);
    expect(error).toBeInstanceOf(RateLimitWaitError);
    expect((error as Error).message).toMatch(/the run was stopped .*shutting down.* nothing was sent/);
    expect(await runUntil(next)).toBe(MINUTE + 2_000);
  });
});
