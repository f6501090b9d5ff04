/**
 * Exact decimal arithmetic for the accounting (reduction.md §2: "keep full decimal precision; round once,
 * half-up, to 0.001 t"). A value is a fraction of two bigints, so sums, products and quotients (a_p / a2020,
 * counted_days / days_in_year) stay exact and only the published figure is rounded. src/domain imports only
 * zod (test/architecture.test.ts), so this stands in for big.js here.
 */
export class Dec {
  private constructor(
    readonly num: bigint,
    /** Always > 0. */
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Dec(0n, 1n);
  static readonly ONE = new Dec(1n, 1n);

  /** The exact decimal a JS number is written as (String(0.1) = "0.1", not its binary value). */
  static of(x: number | bigint): Dec {
    if (typeof x === 'bigint') return new Dec(x, 1n);
    if (!Number.isFinite(x)) throw new RangeError(`不是有限数: ${x}`);
    if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return new Dec(BigInt(x), 1n);
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(x));
    if (!m) throw new RangeError(`无法解析的数: ${x}`);
    const frac = m[3] ?? '';
    const exp = Number(m[4] ?? 0) - frac.length;
    let num = BigInt(m[2]! + frac);
    let den = 1n;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den = 10n ** BigInt(-exp);
    return new Dec(m[1] ? -num : num, den);
  }

  /** 10^k, e.g. pow10(-6) for g → t. */
  static pow10(k: number): Dec {
    return k >= 0 ? new Dec(10n ** BigInt(k), 1n) : new Dec(1n, 10n ** BigInt(-k));
  }

  static ratio(a: number | bigint, b: number | bigint): Dec {
    return Dec.of(a).div(Dec.of(b));
  }

  static sum(xs: Iterable<Dec>): Dec {
    let s = Dec.ZERO;
    for (const x of xs) s = s.plus(x);
    return s;
  }

  plus(o: Dec | number): Dec {
    const b = typeof o === 'number' ? Dec.of(o) : o;
    return this.den === b.den ? new Dec(this.num + b.num, this.den) : new Dec(this.num * b.den + b.num * this.den, this.den * b.den);
  }

  minus(o: Dec | number): Dec {
    const b = typeof o === 'number' ? Dec.of(o) : o;
    return this.plus(new Dec(-b.num, b.den));
  }

  times(o: Dec | number): Dec {
    const b = typeof o === 'number' ? Dec.of(o) : o;
    return new Dec(this.num * b.num, this.den * b.den);
  }

  /** Throws on division by zero: callers check their divisors (C4) first. */
  div(o: Dec | number): Dec {
    const b = typeof o === 'number' ? Dec.of(o) : o;
    if (b.num === 0n) throw new RangeError('除数为零');
    return b.num < 0n ? new Dec(-this.num * b.den, this.den * -b.num) : new Dec(this.num * b.den, this.den * b.num);
  }

  neg(): Dec {
    return new Dec(-this.num, this.den);
  }

  abs(): Dec {
    return this.num < 0n ? this.neg() : this;
  }

  cmp(o: Dec | number): -1 | 0 | 1 {
    const b = typeof o === 'number' ? Dec.of(o) : o;
    const l = this.num * b.den;
    const r = b.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  lt(o: Dec | number): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Dec | number): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Dec | number): boolean {
    return this.cmp(o) > 0;
  }
  gte(o: Dec | number): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isNegative(): boolean {
    return this.num < 0n;
  }

  static max(a: Dec, b: Dec): Dec {
    return a.gte(b) ? a : b;
  }
  static min(a: Dec, b: Dec): Dec {
    return a.lte(b) ? a : b;
  }

  /** Scaled integer at `dp` decimals, half away from zero (big.js ROUND_HALF_UP), as a bigint. */
  scaled(dp: number): bigint {
    const a = (this.num < 0n ? -this.num : this.num) * 10n ** BigInt(dp);
    const q = (2n * a + this.den) / (2n * this.den);
    return this.num < 0n ? -q : q;
  }

  /** Rounded half-up (away from zero) to `dp` decimals, as text: toFixed(3) of 496.8 is "496.800". */
  toFixed(dp: number): string {
    const q = this.scaled(dp);
    const neg = q < 0n;
    const digits = (neg ? -q : q).toString().padStart(dp + 1, '0');
    const text = dp ? `${digits.slice(0, -dp)}.${digits.slice(-dp)}` : digits;
    return neg ? `-${text}` : text;
  }

  /** Rounded half-up to `dp` decimals, as the nearest JS number (the published figure). */
  round(dp: number): number {
    const n = Number(this.toFixed(dp));
    return n === 0 ? 0 : n; // no -0 in JSON output
  }

  /** The nearest JS number, for shares such as f that are shown, never summed. */
  toNumber(): number {
    return this.round(12);
  }
}

/** Rounds a published tonnage once, half-up, to 0.001 t (reduction.md §2). */
export const tonnes = (x: Dec): number => x.round(3);
