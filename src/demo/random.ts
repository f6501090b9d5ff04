/**
 * The demo city's randomness: seeded and reproducible (issue #12: loading twice gives the same data). Each step draws
 * from its own stream, forked by a label, so a change in one step's draws does not shift every step after it.
 */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream of its own for a label: the same seed and label always give the same stream. */
  static forLabel(seed: number, label: string): Rng {
    let h = 2_166_136_261 ^ seed;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16_777_619);
    return new Rng(h >>> 0);
  }

  /** mulberry32: small, fast and good enough for plausible data (not for secrets). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A number in [min, max), rounded to `digits` decimals. */
  float(min: number, max: number, digits = 2): number {
    const f = 10 ** digits;
    return Math.round((min + this.next() * (max - min)) * f) / f;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A value around `mean` with relative spread `spread` (0.1 = ±10 %, roughly normal), never negative. */
  around(mean: number, spread: number, digits = 2): number {
    const z = (this.next() + this.next() + this.next() - 1.5) * 2; // Irwin–Hall: mean 0, within ±3
    const f = 10 ** digits;
    return Math.max(0, Math.round(mean * (1 + spread * z) * f) / f);
  }

  /** `n` distinct items, in a shuffled order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(n, copy.length));
  }
}
