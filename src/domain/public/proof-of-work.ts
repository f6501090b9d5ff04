/**
 * The proof-of-work challenge of public forms (citizen reports): the server signs `pow1.<expires>.<difficulty>.<salt>`
 * and the browser finds a nonce so that SHA-256(challenge + nonce) starts with `difficulty` zero bits. Stateless for
 * the server until it is spent; a few hundred milliseconds of work per report for a person, a real cost for a flood.
 * Shared by the server (verify) and the public site (solve): no I/O, no crypto import here.
 */

/** Leading zero bits asked of SHA-256(challenge + nonce): 2^16 ≈ 65 000 hashes on average. */
export const CHALLENGE_DIFFICULTY = 16;
/** How long a challenge may be solved and used, in seconds. */
export const CHALLENGE_LIFETIME_SECONDS = 600;

export type ChallengeFields = { expiresAt: number; difficulty: number; salt: string };

/** The signed part of a challenge: expiry in Unix seconds, difficulty in bits, a random salt (hex). */
export function challengePayload(c: ChallengeFields): string {
  return `pow1.${c.expiresAt}.${c.difficulty}.${c.salt}`;
}

/** `<payload>.<signature>` split back into fields; null when it is not of that shape. */
export function parseChallenge(challenge: string): (ChallengeFields & { payload: string; signature: string }) | null {
  const m = /^pow1\.(\d{1,12})\.(\d{1,2})\.([0-9a-f]{16,64})\.([A-Za-z0-9_-]{20,100})$/.exec(challenge);
  if (!m) return null;
  const fields = { expiresAt: Number(m[1]), difficulty: Number(m[2]), salt: m[3]! };
  return { ...fields, payload: challengePayload(fields), signature: m[4]! };
}

/** How many zero bits a hash starts with. */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}
