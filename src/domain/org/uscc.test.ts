import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, usccCheckChar } from './uscc';

// The worked example printed in GB 32100-2015 附录 A.
const VALID = ['91350100M000100Y43'];

describe('checkUscc (GB 32100-2015)', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, uscc: code });
  });

  it('upper-cases and trims', () => {
    expect(checkUscc(' 91350100m000100y43 ')).toEqual({ ok: true, uscc: '91350100M000100Y43' });
  });

  it('rejects a wrong check character and names it', () => {
    const r = checkUscc('91350100M000100Y44');
    expect(r).toMatchObject({ ok: false, offset: 17 });
    if (!r.ok) expect(r.reason).toContain('应为“3”');
  });

  it('rejects letters outside the code set (I, O, S, V, Z)', () => {
    expect(checkUscc('91350100M0001I0Y43')).toMatchObject({ ok: false, offset: 13 });
  });

  it('rejects a wrong length', () => {
    expect(checkUscc('9135010')).toMatchObject({ ok: false });
  });

  it('any 17 chars + computed check char is valid; any other 18th char is not', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 17, maxLength: 17 }), fc.constantFrom(...chars), (a, other) => {
        const body = a.join('');
        const good = body + usccCheckChar(body);
        expect(checkUscc(good).ok).toBe(true);
        if (other !== good[17]) expect(checkUscc(body + other).ok).toBe(false);
      }),
    );
  });
});
