import crypto from 'node:crypto';
import { isValidSignature } from '../../shared/nectifi/webhook';
import { SECRET, deliveryBody, sign } from './support/deliveries';

// The signature is compared with crypto.timingSafeEqual, whatever the signature: a right one, one
// wrong in its first character, one wrong in its last. An early exit on the first differing
// character would tell a forger how much of a guess is right.
test('signatures are compared in constant time, right or wrong, wherever they differ', () => {
  const compare = jest.spyOn(crypto, 'timingSafeEqual');
  try {
    const body = deliveryBody('guest.created', { guest_id: 1 });
    const right = sign(body, SECRET, false);
    const flip = (hex: string, at: number) => hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);
    expect(isValidSignature(SECRET, body, right)).toBe(true);
    expect(isValidSignature(SECRET, body, flip(right, 0))).toBe(false);
    expect(isValidSignature(SECRET, body, flip(right, 63))).toBe(false);
    expect(compare).toHaveBeenCalledTimes(3);
    // Both sides are the full hex digest (64 bytes), so the comparison never ends early.
    for (const [a, b] of compare.mock.calls) expect([(a as Buffer).length, (b as Buffer).length]).toEqual([64, 64]);
  } finally {
    compare.mockRestore();
  }
});
