import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isThrottled, passwordFromBytes, passwordWeakness } from './password';

describe('password rule', () => {
  it.each([
    ['short1', '密码至少 12 位'],
    ['abcdefghijklmn', '密码须同时包含字母和数字'],
    ['123456789012345', '密码须同时包含字母和数字'],
    ['xadminx123456', '密码不能包含用户名'],
    ['ganzhou2025energy', null],
  ])('%s → %s', (pw, want) => {
    expect(passwordWeakness(pw, 'admin')).toBe(want);
  });

  it('generated passwords satisfy the rule whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 14, maxLength: 14 }), (bytes) => {
        const pw = passwordFromBytes(bytes);
        expect(pw).toHaveLength(14);
        expect(passwordWeakness(pw, 'admin')).toBeNull();
      }),
    );
    expect(passwordWeakness(passwordFromBytes(new Uint8Array(14).fill(0)), 'admin')).toBeNull(); // all letters
    expect(passwordWeakness(passwordFromBytes(new Uint8Array(14).fill(48)), 'admin')).toBeNull(); // all digits
  });
});

describe('login throttling', () => {
  const p = { maxPerUser: 5, maxPerIp: 20, windowMs: 900_000 };
  it('throttles at the limit, not before', () => {
    expect(isThrottled(4, 0, p)).toBe(false);
    expect(isThrottled(5, 0, p)).toBe(true);
    expect(isThrottled(0, 20, p)).toBe(true);
  });
});
