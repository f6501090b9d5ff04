import { describe, expect, it } from 'vitest';
import { challengePayload, leadingZeroBits, parseChallenge } from './proof-of-work';

describe('leadingZeroBits', () => {
  it.each([
    [[0x80], 0],
    [[0x01], 7],
    [[0x00, 0x40], 9],
    [[0x00, 0x00, 0x0f], 20],
    [[0x00, 0x00], 16],
  ])('%j starts with %i zero bits', (bytes, bits) => expect(leadingZeroBits(Uint8Array.from(bytes))).toBe(bits));
});

describe('parseChallenge', () => {
  const payload = challengePayload({ expiresAt: 1_790_000_000, difficulty: 16, salt: '0123456789abcdef0123456789abcdef' });
  it('reads back the signed fields', () => {
    expect(parseChallenge(`${payload}.${'A'.repeat(43)}`)).toMatchObject({ expiresAt: 1_790_000_000, difficulty: 16, payload, signature: 'A'.repeat(43) });
  });
  it.each(['', payload, `${payload}.sig!`, `pow2.1.16.0123456789abcdef.${'A'.repeat(43)}`])('refuses %j', (c) => expect(parseChallenge(c)).toBeNull());
});
