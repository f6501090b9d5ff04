import { leadingZeroBits } from '../../../../src/domain/public/proof-of-work';

const BATCH = 512;

/**
 * Finds a nonce so that SHA-256(challenge + nonce) starts with `difficulty` zero bits, with Web Crypto, in batches
 * that yield to the UI between them. `onProgress` gets the chance that a solution would have been found by now.
 */
export async function solveChallenge(challenge: string, difficulty: number, onProgress: (fraction: number) => void): Promise<string> {
  const encoder = new TextEncoder();
  const expected = 2 ** difficulty;
  for (let start = 0; ; start += BATCH) {
    const hashes = await Promise.all(Array.from({ length: BATCH }, (_, i) => crypto.subtle.digest('SHA-256', encoder.encode(challenge + (start + i)))));
    const hit = hashes.findIndex((h) => leadingZeroBits(new Uint8Array(h)) >= difficulty);
    if (hit >= 0) return String(start + hit);
    onProgress(1 - Math.exp(-(start + BATCH) / expected));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
