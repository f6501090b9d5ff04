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

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A readable random password from the given random bytes (letters and digits, no look-alikes). */
export function passwordFromBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  // Guarantee the letter+digit rule whatever the bytes were.
  return `${out}a7`;
}
