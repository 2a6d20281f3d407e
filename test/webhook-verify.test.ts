import { acceptOnce, isValidSignature, signNectifiBody, verifyNectifiDelivery } from '../shared/nectifi/webhook';

const secret = 'whsec_test_secret_value';
const now = Date.parse('2026-06-20T12:00:00Z');
const body = JSON.stringify({ event: 'guest.created', tenant_id: 1, payload: { guest_id: 42 }, timestamp: '2026-06-20T12:00:00+00:00' });

describe('Nectifi webhook verification', () => {
  it('accepts the signature the doc describes, with or without the sha256= prefix', () => {
    const signature = signNectifiBody(secret, body);
    expect(isValidSignature(secret, body, signature)).toBe(true);
    expect(isValidSignature(secret, Buffer.from(body), signature.slice('sha256='.length))).toBe(true);
    expect(verifyNectifiDelivery({ secret, rawBody: body, signature, nowMs: now })).toMatchObject({
      ok: true,
      delivery: { event: 'guest.created', payload: { guest_id: 42 } },
    });
  });

  it.each([
    ['a forged signature', body, 'sha256=' + 'a'.repeat(64), now, 401],
    ['a tampered body', body.replace('42', '43'), signNectifiBody(secret, body), now, 401],
    ['a missing header', body, undefined, now, 401],
    ['a short signature', body, 'sha256=abc', now, 401],
    ['the wrong secret', body, signNectifiBody('other', body), now, 401],
    ['a stale delivery', body, signNectifiBody(secret, body), now + 301_000, 401],
    ['a delivery from the future', body, signNectifiBody(secret, body), now - 301_000, 401],
    ['a non-JSON body', 'not json', signNectifiBody(secret, 'not json'), now, 400],
    ['an oversized body', 'x'.repeat(2_000_000), signNectifiBody(secret, 'x'.repeat(2_000_000)), now, 413],
  ])('rejects %s', (_what, rawBody, signature, nowMs, status) => {
    expect(verifyNectifiDelivery({ secret, rawBody, signature, nowMs })).toMatchObject({ ok: false, status });
  });
});

describe('replayed deliveries', () => {
  it('accepts a delivery once, and forgets it only once it would be refused as stale', () => {
    const state = { seen: {} };
    expect(acceptOnce(state, 'dlv-1', now, now)).toBe(true);
    expect(acceptOnce(state, 'dlv-1', now, now + 1_000)).toBe(false);
    expect(acceptOnce(state, 'dlv-2', now, now + 1_000)).toBe(true);
    expect(acceptOnce(state, 'dlv-3', now + 400_000, now + 400_000)).toBe(true);
    expect(Object.keys(state.seen)).toEqual(['dlv-3']);
  });

  it('without a freshness window (0) a delivery of any age passes the time check and is still accepted once, for a day', () => {
    const body = JSON.stringify({ event: 'guest.created', payload: {}, timestamp: new Date(now - 3 * 86_400_000).toISOString() });
    expect(verifyNectifiDelivery({ secret: 's3cret', rawBody: body, signature: signNectifiBody('s3cret', body), nowMs: now, toleranceSeconds: 0 }).ok).toBe(true);
    expect(verifyNectifiDelivery({ secret: 's3cret', rawBody: body, signature: signNectifiBody('other', body), nowMs: now, toleranceSeconds: 0 }).ok).toBe(false);
    const state = { seen: {} };
    expect(acceptOnce(state, 'old', now - 3 * 86_400_000, now, 0)).toBe(true);
    expect(acceptOnce(state, 'old', now - 3 * 86_400_000, now + 3_600_000, 0)).toBe(false);
    expect(acceptOnce(state, 'other', now, now + 2 * 86_400_000, 0)).toBe(true);
    expect(Object.keys(state.seen)).toEqual(['other']);
  });

  it('stays bounded however many deliveries arrive', () => {
    const state = { seen: {} };
    for (let i = 0; i < 12_000; i++) acceptOnce(state, `dlv-${i}`, now, now);
    expect(Object.keys(state.seen).length).toBeLessThanOrEqual(10_000);
  });
});
