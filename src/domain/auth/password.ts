/** Password rule: at least 12 characters, letters and digits, not the username. Returns why not, or null. */
export function passwordWeakness(password: string, username: string): string | null {
  if (password.length < 12) return '密码至少 12 位';
  if (password.length > 256) return '密码不能超过 256 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

/** Login throttling: too many recent failures for this username or from this address. */
export type ThrottlePolicy = { maxPerUser: number; maxPerIp: number; windowMs: number };

export function isThrottled(failuresForUser: number, failuresForIp: number, p: ThrottlePolicy): boolean {
  return failuresForUser >= p.maxPerUser || failuresForIp >= p.maxPerIp;
}

const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALPHABET = LETTERS + DIGITS; // no look-alikes (0 O 1 l I)

/** A readable random password from the given random bytes, with at least one letter and one digit. */
export function passwordFromBytes(bytes: Uint8Array): string {
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!);
  const last = bytes[bytes.length - 1] ?? 0;
  if (!chars.some((c) => DIGITS.includes(c))) chars[chars.length - 1] = DIGITS[last % DIGITS.length]!;
  if (!chars.some((c) => LETTERS.includes(c))) chars[0] = LETTERS[(bytes[0] ?? 0) % LETTERS.length]!;
  return chars.join('');
}
