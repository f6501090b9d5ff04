import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageAnnualRate, chainComparableGdp, completionProgress, intensity, progressTarget, reduction, reductionFromGrowth, round6, totalConsumptionTargets } from './intensity';

describe('intensity at comparable prices (energy.md §2 worked example)', () => {
  const gdp = chainComparableGdp(1000, [0.08, 0.03]);
  const energy = [400, 416, 420];
  const I = energy.map((e, i) => intensity(e, gdp[i]!));

  it('chains GDP at 2020 prices and divides', () => {
    expect(gdp.map(round6)).toEqual([1000, 1080, 1112.4]);
    expect(I.map(round6)).toEqual([0.4, 0.385185, 0.377562]);
  });
  it('gives annual and cumulative reductions, both ways', () => {
    expect(round6(reduction(I[0]!, I[1]!))).toBe(0.037037);
    expect(round6(reduction(I[1]!, I[2]!))).toBe(0.019791);
    expect(round6(reductionFromGrowth(420 / 416 - 1, 0.03))).toBe(0.019791);
    expect(round6(reduction(I[0]!, I[2]!))).toBe(0.056095);
  });
  it('puts the region on track: R_2022 5.6095 % ≥ P_2 5.2011 %', () => {
    expect(round6(progressTarget(0.125, 2, 5))).toBe(0.052011);
    expect(reduction(I[0]!, I[2]!) >= progressTarget(0.125, 2, 5)).toBe(true);
  });
  it('refuses a non-positive GDP', () => {
    expect(() => intensity(1, 0)).toThrow(RangeError);
  });
});

describe('progress targets and completion', () => {
  it('compounds the five-year target', () => {
    expect([1, 2, 3, 4, 5].map((t) => round6(progressTarget(0.125, t, 5)))).toEqual([0.026353, 0.052011, 0.076993, 0.101317, 0.125]);
    expect([1, 2, 3, 4, 5].map((t) => round6(progressTarget(0.13, t, 5)))).toEqual([0.027468, 0.054182, 0.080162, 0.105428, 0.13]);
    expect(round6(averageAnnualRate(0.125, 5))).toBe(0.026353);
    expect(round6(averageAnnualRate(0.13, 5))).toBe(0.027468);
  });
  it('measures completion on the log scale: R_2021 3.3639 % of 12.5 % is 25.6254 %, not 26.9113 %', () => {
    expect(round6(completionProgress(0.033639, 0.125))).toBeCloseTo(0.256254, 5);
    // Published figures that only the log form matches: Qinghai 3 years −4.87 % of 17 % → 26.8 %; national 12th FYP −13.4 % of 16 % → 82.5 %.
    expect(completionProgress(0.0487, 0.17)).toBeCloseTo(0.268, 3);
    expect(completionProgress(0.134, 0.16)).toBeCloseTo(0.825, 3);
  });
  it('agrees with the compound path: C_t ≥ t/n exactly when R_t ≥ P_t', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.5, noNaN: true }), fc.double({ min: -0.2, max: 0.6, noNaN: true }), fc.integer({ min: 1, max: 5 }), (R, Rt, t) => {
        const byCompletion = round6(completionProgress(Rt, R)) >= round6(t / 5);
        const byPath = round6(Rt) >= round6(progressTarget(R, t, 5));
        // Equal up to rounding at the boundary.
        return byCompletion === byPath || Math.abs(Rt - progressTarget(R, t, 5)) < 1e-5;
      }),
    );
  });
});

describe('total-consumption targets from growth and the basic intensity target', () => {
  it('derives the plan path: E2020 400, ĝ 6 %/yr, R 12.5 %', () => {
    const targets = totalConsumptionTargets(400, 0.125, 5, [0.06, 0.06, 0.06, 0.06, 0.06]);
    expect(targets.map((x) => Number(x.planned.toFixed(4)))).toEqual([412.8264, 426.0641, 439.7263, 453.8265, 468.379]);
  });
  it('adjusts upward when actual growth is higher: 8 % in 2021 → 420.6156', () => {
    const [y2021] = totalConsumptionTargets(400, 0.125, 5, [0.06, 0.06, 0.06, 0.06, 0.06], [0.08]);
    expect(y2021).toMatchObject({ isAdjusted: true });
    expect(Number(y2021!.adjusted.toFixed(4))).toBe(420.6156);
  });
  it('compares cumulative indices: 9 % then 6 % against 7 %/yr still adjusts; below plan never lowers', () => {
    const [, y2] = totalConsumptionTargets(400, 0.125, 5, [0.07, 0.07, 0.07, 0.07, 0.07], [0.09, 0.06]);
    expect(y2!.isAdjusted).toBe(true);
    expect(y2!.adjusted).toBeCloseTo(400 * 1.09 * 1.06 * (1 - progressTarget(0.125, 2, 5)), 9);
    const [low] = totalConsumptionTargets(400, 0.125, 5, [0.07, 0.07, 0.07, 0.07, 0.07], [0.05]);
    expect(low).toMatchObject({ isAdjusted: false });
    expect(low!.adjusted).toBe(low!.planned);
  });
});
