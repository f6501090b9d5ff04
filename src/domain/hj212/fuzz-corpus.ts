import { DEFAULT_FRAMER_OPTIONS, Hj212Framer } from './framer';
import type { RejectCode, StationProfile } from './model';
import { DEFAULT_PROFILE } from './model';
import { decodeFrame } from './packet';
import { parseSm4Key } from './sm4';
import { A2_EXAMPLE_4, HJ212_2017_PACKETS, HJ212_2025_PACKETS } from './worked-packets';

/**
 * Random and mutated HJ 212 streams for the fuzz test and bench/hj212-fuzz.ts: a seeded generator (so a failure
 * can be replayed from its seed and index) and one runner that pushes a stream through the framer in random
 * chunks and decodes every frame. The runner returns what a gateway would see; it must never throw or hang.
 */

const SEEDS: Buffer[] = [...Object.values(HJ212_2017_PACKETS), ...Object.values(HJ212_2025_PACKETS)].map((p) => Buffer.from(p, 'utf8'));
const ALPHABET = Buffer.from('##########0123456789;;;===,,&&&&CPQNSTMFlagPNUMODataTime-Rtd.Avg{0x,}\r\n\r\n清', 'utf8');

/** mulberry32: small, fast, good enough to spread inputs; not for secrets. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One fuzz input: random bytes, random protocol-ish text, or worked packets mutated, spliced and repeated. */
export function fuzzInput(random: () => number): Buffer {
  const int = (n: number) => Math.floor(random() * n);
  const kind = int(10);
  if (kind === 0) return Buffer.from(Array.from({ length: int(600) }, () => int(256)));
  if (kind === 1) return Buffer.from(Array.from({ length: int(600) }, () => ALPHABET[int(ALPHABET.length)]!));
  const parts: Buffer[] = [];
  for (let n = 1 + int(4); n > 0; n--) parts.push(SEEDS[int(SEEDS.length)]!);
  const bytes = [...Buffer.concat(parts)];
  for (let m = kind === 2 ? 0 : 1 + int(kind === 3 ? 1 : 6); m > 0; m--) {
    const at = int(bytes.length + 1);
    const op = int(4);
    if (op === 0) bytes[at] = int(256);
    else if (op === 1) bytes.splice(at, 1);
    else if (op === 2) bytes.splice(at, 0, ALPHABET[int(ALPHABET.length)]!);
    else bytes.splice(at, int(40), ...bytes.slice(int(bytes.length), int(bytes.length) + int(40)));
  }
  return Buffer.from(bytes);
}

export const FUZZ_PROFILE: StationProfile = { ...DEFAULT_PROFILE, keys: [parseSm4Key(A2_EXAMPLE_4.key)!], lengthMode: 'either' };

export type StreamOutcome = { packets: number; rejects: Partial<Record<RejectCode, number>>; maxBuffered: number };

/** Pushes `stream` through a framer in random chunks and decodes each frame; tallies packets and rejections. */
export function runStream(stream: Buffer, random: () => number, profile: StationProfile = FUZZ_PROFILE, bareLf = random() < 0.3): StreamOutcome {
  const framer = new Hj212Framer({ bareLf });
  const outcome: StreamOutcome = { packets: 0, rejects: {}, maxBuffered: 0 };
  const tally = (code: RejectCode, offset: number) => {
    if (!(offset >= 0 && offset <= stream.length)) throw new Error(`offset ${offset} outside a ${stream.length}-byte stream`);
    outcome.rejects[code] = (outcome.rejects[code] ?? 0) + 1;
  };
  let at = 0;
  while (at <= stream.length) {
    const size = random() < 0.5 ? stream.length : 1 + Math.floor(random() * 64);
    const out = at < stream.length ? framer.push(stream.subarray(at, at + size)) : framer.end();
    for (const e of out.errors) tally(e.code, e.offset);
    for (const f of out.frames) {
      const r = decodeFrame(f, profile, DEFAULT_FRAMER_OPTIONS);
      if (r.ok) outcome.packets++;
      else tally(r.error.code, r.error.offset);
    }
    outcome.maxBuffered = Math.max(outcome.maxBuffered, framer.buffered);
    if (at >= stream.length) break;
    at += size;
  }
  return outcome;
}
