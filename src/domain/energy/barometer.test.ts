import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BarometerRules, rateIntensity, rateTotal } from './barometer';

const B: BarometerRules['intensity'] = { ruleSet: 'B', gapThreshold: 0.1 };
const A: BarometerRules['intensity'] = { ruleSet: 'A', gapThreshold: 0.1 };
const growth: BarometerRules['total'] = { basis: 'growth', gapThreshold: 0.1 };

describe('intensity dimension (energy.md §3.2 examples)', () => {
  it('rule set B: rising intensity is red, short of the requirement yellow, met green', () => {
    const rose = rateIntensity(0.06, 0.05, 0.027, B);
    expect(rose.level).toBe(1);
    expect(rose.actual).toBeCloseTo(-0.00952, 5); // intensity +0.952 %
    const met = rateIntensity(0.03, 0.06, 0.027, B);
    expect(met.level).toBe(3);
    expect(met.actual).toBeCloseTo(0.028302, 6); // −2.830 %
    expect(rateIntensity(0.05, 0.05, 0.027, B).level).toBe(2); // exactly 0 did not rise
    expect(rateIntensity(0.04, 0.05, 0.027, B).level).toBe(2);
  });
  it('rule set A: by the gap to the requirement, 10 % included in yellow', () => {
    expect(rateIntensity(0.03, 0.06, 0.027, A).level).toBe(3);
    // required 3 %, achieved 2.7 %: gap exactly 10 % → yellow; 2.6 % → 13.3 % → red.
    const g = (r: number) => 1.06 * (1 - r) - 1; // energy growth that gives reduction r at 6 % GDP growth
    expect(rateIntensity(g(0.027), 0.06, 0.03, A)).toMatchObject({ level: 2 });
    expect(rateIntensity(g(0.026), 0.06, 0.03, A).level).toBe(1);
  });
  it('does not rate a region without data', () => {
    expect(rateIntensity(null, 0.05, 0.027, B).level).toBeNull();
  });
});

describe('total dimension, rule set A on growth', () => {
  const rate = (energy: number) => rateTotal({ energy, target: 1030, base: 1000 }, growth);
  it('compares growth with the growth the target allows', () => {
    expect(rate(1025)).toMatchObject({ level: 3 });
    expect(rate(1025).gap).toBeCloseTo(-0.166667, 6);
    expect(rate(1032)).toMatchObject({ level: 2 });
    expect(rate(1033).level).toBe(2); // exactly 10 %: (0.033 − 0.03)/0.03 is 0.10000000000000009 in binary
    expect(rate(1035).level).toBe(1);
  });
  it('on levels the same +3.5 % is only 0.49 % over, yellow', () => {
    const r = rateTotal({ energy: 1035, target: 1030, base: 1000 }, { basis: 'level', gapThreshold: 0.1 });
    expect(r.level).toBe(2);
    expect(r.gap).toBeCloseTo(0.004854, 6);
  });
  it('allows no growth: any growth above it is red', () => {
    expect(rateTotal({ energy: 1001, target: 1000, base: 1000 }, growth).level).toBe(1);
    expect(rateTotal({ energy: 990, target: 1000, base: 1000 }, growth).level).toBe(3);
  });
});

describe('barometer properties', () => {
  const rules = [A, B];
  it('a year on its requirement is never red', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.double({ min: -0.05, max: 0.15, noNaN: true }), fc.double({ min: 0, max: 0.08, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }), (r, g, req, extra) => {
        const e = (1 + g) * (1 - req - extra) - 1; // achieves req + extra ≥ req
        return rateIntensity(e, g, req, r).level === 3;
      }),
    );
  });
  it('more energy never gives a better level (total)', () => {
    fc.assert(
      fc.property(fc.double({ min: 900, max: 1200, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (e, more) => {
        const lv = (x: number) => rateTotal({ energy: x, target: 1030, base: 1000 }, growth).level!;
        return lv(e + more) <= lv(e);
      }),
    );
  });
});
