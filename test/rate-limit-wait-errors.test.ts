import { VendorApiError } from '../shared/core/errors';
import type { HttpRequest, HttpResponse, Transport } from '../shared/http/transport';
import { getGuest } from '../shared/nectifi/operations';
import { OFFLINE_CREDENTIALS, runnerFor } from './support/runners';
import { virtualClock } from './support/virtual-clock';

/** Answers every request with a guest, counting what reached it. */
class CountingTransport implements Transport {
  sent = 0;
  async send(_request: HttpRequest): Promise<HttpResponse> {
    this.sent += 1;
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 1, email: 'a@example.com' }) };
  }
}

let keys = 0;
/** A Nectifi runner on a key of its own (the limiter is per key and process), limited to one request per minute. */
function oneRequestPerMinute(signal?: AbortSignal) {
  const { clock, runUntil } = virtualClock();
  const transport = new CountingTransport();
  const apiKey = `nk_waittest${String(++keys).padStart(22, '0')}`;
  const runner = runnerFor('nectifi', { ...OFFLINE_CREDENTIALS, nectifi: { ...OFFLINE_CREDENTIALS.nectifi, apiKey, requestsPerMinute: 1 } }, { transport, clock, signal });
  return { runner, transport, runUntil };
}

describe('a request that cannot get a rate-limit slot fails as a vendor error that says why', () => {
  test('too long a wait: refused at once, nothing sent, outcome not-applied, the limit named', async () => {
    const { runner, transport, runUntil } = oneRequestPerMinute();
    const calls = [1, 2, 3].map((id) => runner.call(getGuest, { guest_id: id }).then(() => 'ok', (error: unknown) => error));
    const [first, second, third] = await runUntil(Promise.all(calls));
    expect([first, second]).toEqual(['ok', 'ok']);
    expect(third).toBeInstanceOf(VendorApiError);
    expect(third).toMatchObject({ vendor: 'nectifi', operation: 'nectifi.getGuest', status: null, outcome: 'not-applied', retryable: true, attempts: 0 });
    expect((third as Error).message).toMatch(/^Nectifi Get Guest was not sent: the client-side rate limit \(1 request per minute for this key in this process\) is taken for the next \d+ s/);
    expect(transport.sent).toBe(2);
  });

  test('a stopped execution: the waiting request gives up with the reason and is never sent', async () => {
    const stop = new AbortController();
    const { runner, transport, runUntil } = oneRequestPerMinute(stop.signal);
    await runUntil(runner.call(getGuest, { guest_id: 1 }));
    const waiting = runner.call(getGuest, { guest_id: 2 }).catch((error: unknown) => error);
    await Promise.resolve();
    stop.abort();
    const error = await runUntil(waiting);
    expect(error).toBeInstanceOf(VendorApiError);
    expect((error as Error).message).toMatch(/was not sent: the run was stopped .* nothing was sent/);
    expect(transport.sent).toBe(1);
  });
});
