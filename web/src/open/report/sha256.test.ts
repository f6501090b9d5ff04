import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from './sha256';

describe('sha256 (the fallback without Web Crypto)', () => {
  it.each(['', 'abc', 'pow1.1790000000.16.0123456789abcdef.sig12345', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), '赣州'.repeat(100)])('agrees with node:crypto on %j', (text) => {
    const bytes = new TextEncoder().encode(text);
    expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
  it('matches the FIPS 180-4 example for "abc"', () => {
    expect(Buffer.from(sha256(new TextEncoder().encode('abc'))).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
