/**
 * 统一社会信用代码 check (GB 32100-2015 §4, 附录 A).
 * 18 characters from the code set 0-9 A-H J-N P-R T-U W-Y (no I O Z S V);
 * position 18 is a check character: C18 = 31 − (Σ Ci·Wi mod 31), with 31 → 0.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100-2015 附录 A: weights Wi = 3^(i−1) mod 31 for positions 1..17.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccCheck = { ok: true; uscc: string } | { ok: false; reason: string; offset?: number };

/** Computes the check character for the first 17 characters of a USCC. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  const c = (31 - (sum % 31)) % 31;
  return CHARSET[c] ?? '';
}

/** Validates a USCC (upper-cases it first); says which character is wrong. */
export function checkUscc(input: string): UsccCheck {
  const uscc = input.trim().toUpperCase();
  if (uscc.length !== 18) return { ok: false, reason: `统一社会信用代码应为 18 位，实为 ${uscc.length} 位` };
  for (let i = 0; i < 18; i++) {
    if (!CHARSET.includes(uscc[i] ?? '')) {
      return { ok: false, reason: `第 ${i + 1} 位“${uscc[i]}”不是统一社会信用代码允许的字符`, offset: i };
    }
  }
  const expected = usccCheckChar(uscc.slice(0, 17));
  if (uscc[17] !== expected) {
    return { ok: false, reason: `校验码错误：第 18 位应为“${expected}”，实为“${uscc[17]}”`, offset: 17 };
  }
  return { ok: true, uscc };
}
