import { leadingZeroBits } from '../../../../src/domain/public/proof-of-work';
import { sha256 } from './sha256';

const BATCH = 512;

/** Web Crypto where the page is a secure context; the plain-JavaScript SHA-256 otherwise (plain HTTP on an intranet). */
function hasherOf(): (data: Uint8Array<ArrayBuffer>) => Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  return subtle ? async (data) => new Uint8Array(await subtle.digest('SHA-256', data)) : async (data) => sha256(data);
}

/**
 * Finds a nonce so that SHA-256(challenge + nonce) starts with `difficulty` zero bits, in batches that yield to the
 * UI between them. `onProgress` gets the chance that a solution would have been found by now.
 */
export async function solveChallenge(challenge: string, difficulty: number, onProgress: (fraction: number) => void): Promise<string> {
  const encoder = new TextEncoder();
  const hash = hasherOf();
  const expected = 2 ** difficulty;
  for (let start = 0; ; start += BATCH) {
    const hashes = await Promise.all(Array.from({ length: BATCH }, (_, i) => hash(encoder.encode(challenge + (start + i)))));
    const hit = hashes.findIndex((h) => leadingZeroBits(h) >= difficulty);
    if (hit >= 0) return String(start + hit);
    onProgress(1 - Math.exp(-(start + BATCH) / expected));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
