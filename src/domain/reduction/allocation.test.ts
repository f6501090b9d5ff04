import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByPotential } from './allocation';

const regions = (...ps: number[]) => ps.map((potential, i) => ({ regionCode: `R${i + 1}`, potential }));

describe('splitByPotential (reduction.md §6)', () => {
  it('NOx 916.65 t over potentials 600/300/100 → 549.99 / 275.00 / 91.66 t (the tie goes to the larger potential)', () => {
    expect(splitByPotential(916.65, regions(600, 300, 100))).toEqual([
      { regionCode: 'R1', target: 549.99 },
      { regionCode: 'R2', target: 275 },
      { regionCode: 'R3', target: 91.66 },
    ]);
  });

  it('the tie goes to the larger potential whatever the input order', () => {
    expect(splitByPotential(916.65, regions(100, 300, 600)).map((r) => r.target)).toEqual([91.66, 275, 549.99]);
  });

  it('splits evenly when no region has potential, and ignores negative potential', () => {
    expect(splitByPotential(1, regions(0, 0, 0)).map((r) => r.target)).toEqual([0.34, 0.33, 0.33]);
    expect(splitByPotential(10, regions(-5, 5)).map((r) => r.target)).toEqual([0, 10]);
    expect(splitByPotential(10, [])).toEqual([]);
  });

  it('refuses a negative target', () => {
    expect(() => splitByPotential(-1, regions(1))).toThrow(RangeError);
  });

  it('always adds up exactly to the target (to 0.01 t), each part within 0.01 t of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 20 }), (cents, ps) => {
        const parts = splitByPotential(cents / 100, regions(...ps));
        expect(parts.reduce((s, p) => s + Math.round(p.target * 100), 0)).toBe(cents);
        const total = ps.reduce((s, x) => s + x, 0);
        parts.forEach((p, i) => {
          const share = total ? (cents * ps[i]!) / total : cents / ps.length;
          expect(Math.abs(p.target * 100 - share)).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });
});
