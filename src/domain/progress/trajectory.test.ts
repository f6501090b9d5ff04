import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IndicatorTerms, completion, expectedValue, forecastAtTarget, trajectoryKind } from './trajectory';
import { assessProgress } from './status';

const RULE = { atRiskRatio: 0.8 };
const reduction = (R: number, over = { baselineYear: 2020, targetYear: 2025 }): IndicatorTerms => ({
  comparison: 'reduce_by_pct',
  baselineValue: null,
  target: R,
  stretch: null,
  ...over,
});

describe('progress target P_t = 1 − (1 − R)^(t/5) (energy.md §2)', () => {
  it.each([
    [12.5, [2.6353, 5.2011, 7.6993, 10.1317, 12.5]],
    [13, [2.7468, 5.4182, 8.0162, 10.5428, 13.0]],
  ])('R = %s', (R, path) => {
    expect([1, 2, 3, 4, 5].map((t) => Number(expectedValue(reduction(R), t)!.toFixed(4)))).toEqual(path);
  });
});

describe('completion progress C_t = ln(1 − R_t)/ln(1 − R), not R_t/R', () => {
  it.each([
    ['the plan, 2021 (R₂₀₂₁ rounded to 4 dp in the source)', 12.5, 3.3639, 25.625, 3],
    ['Tianjin 11th FYP', 20, 20.07, 100.39, 2],
    ['national 12th FYP', 16, 13.4, 82.5, 1],
    ['Beijing 2011', 17, 6.94, 38.6, 1],
    ['Qinghai, 3 years', 17, 4.87, 26.8, 1],
  ])('%s', (_name, R, Rt, want, digits) => {
    expect(Number((100 * completion(reduction(R), Rt)!).toFixed(digits))).toBe(want);
  });
});

describe('assessProgress: the one status rule', () => {
  it('the worked example: R₂₀₂₂ = 5.6095 % ≥ P₂ = 5.2011 % is on track', () => {
    expect(assessProgress(reduction(12.5), 2, 5.6095, RULE).status).toBe('on-track');
    expect(assessProgress(reduction(12.5), 2, 5.1, RULE).status).toBe('at-risk');
    expect(assessProgress(reduction(12.5), 2, 3.0, RULE).status).toBe('off-track');
    expect(assessProgress(reduction(12.5), 5, 12.5, RULE).status).toBe('achieved');
  });

  it('gets direction-down indicators right (管网漏损率 ≤ 9 %)', () => {
    const loss: IndicatorTerms = { comparison: 'lte', baselineYear: 2020, baselineValue: 12, target: 9, stretch: null, targetYear: 2025 };
    expect(trajectoryKind(loss)).toBe('linear');
    expect(expectedValue(loss, 2)).toBeCloseTo(10.8, 10);
    expect(assessProgress(loss, 2, 10.5, RULE).status).toBe('on-track');
    expect(assessProgress(loss, 2, 11.0, RULE).status).toBe('at-risk');
    expect(assessProgress(loss, 2, 11.5, RULE).status).toBe('off-track');
    expect(assessProgress(loss, 2, 8.9, RULE).status).toBe('achieved');
    expect(assessProgress(loss, 2, 13, RULE).status).toBe('off-track');
  });

  it('judges a stretch-only target (力争 40 %) against the stretch value', () => {
    const sewage: IndicatorTerms = { comparison: 'gte', baselineYear: 2020, baselineValue: 25, target: null, stretch: 40, targetYear: 2025 };
    expect(assessProgress(sewage, 3, 41, RULE)).toMatchObject({ status: 'achieved', meetsStretch: true });
    expect(assessProgress(sewage, 3, 34, RULE)).toMatchObject({ status: 'on-track', meetsStretch: false });
  });

  it('tells the target from the stretch value (12.5 %, 力争 13 %)', () => {
    const i01 = { ...reduction(12.5), stretch: 13 };
    expect(assessProgress(i01, 5, 12.7, RULE)).toMatchObject({ status: 'achieved', meetsTarget: true, meetsStretch: false });
    expect(assessProgress(i01, 5, 13.1, RULE)).toMatchObject({ meetsStretch: true });
  });

  it('counts cumulative reductions from zero (COD 13451 吨 over 十四五)', () => {
    const cod: IndicatorTerms = { comparison: 'gte', baselineYear: 2020, baselineValue: null, target: 13451, stretch: null, targetYear: 2025 };
    expect(trajectoryKind(cod)).toBe('cumulative');
    expect(expectedValue(cod, 2)).toBeCloseTo(5380.4, 6);
    expect(assessProgress(cod, 2, 6000, RULE).status).toBe('on-track');
  });

  it('says unknown where there is no path (no baseline value, qualitative, no report)', () => {
    const straw: IndicatorTerms = { comparison: 'gte', baselineYear: null, baselineValue: null, target: 95, stretch: null, targetYear: 2025 };
    expect(assessProgress(straw, 3, 90, RULE).status).toBe('unknown');
    expect(assessProgress(straw, 3, 96, RULE).status).toBe('achieved');
    expect(assessProgress(reduction(12.5), 3, null, RULE).status).toBe('unknown');
  });

  it('never says achieved before the goal is met (property)', () => {
    const comparisons = ['gte', 'gt', 'lte', 'reduce_by_pct', 'approx', 'eq'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...comparisons),
        fc.double({ min: 0, max: 99, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 99, noNaN: true }), { nil: null }),
        fc.double({ min: 0, max: 99, noNaN: true }),
        fc.double({ min: 0, max: 6, noNaN: true }),
        (comparison, target, baselineValue, value, t) => {
          const x: IndicatorTerms = { comparison, baselineYear: 2020, baselineValue, target, stretch: null, targetYear: 2025 };
          const a = assessProgress(x, t, value, RULE);
          const met = { gte: value >= target, gt: value > target, lte: value <= target, reduce_by_pct: value >= target, approx: value >= target, eq: value === target }[comparison];
          if (a.status === 'achieved') expect(met).toBe(true);
          if (met) expect(a.status).toBe('achieved');
        },
      ),
    );
  });
});

describe('forecast for the target year from the reported trend', () => {
  it('extrapolates a reduction on its compound path', () => {
    const f = forecastAtTarget(reduction(12.5), [
      { t: 1, value: 2.6353 },
      { t: 2, value: 5.2011 },
    ]);
    expect(f).toBeCloseTo(12.5, 3);
  });

  it('gives no forecast rather than a non-number when no point can be fitted', () => {
    expect(forecastAtTarget(reduction(12.5), [{ t: 1, value: 100 }])).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.record({ t: fc.double({ min: 0, max: 6, noNaN: true }), value: fc.double({ min: -1e6, max: 1e6, noNaN: true }) })), (points) => {
        for (const x of [reduction(12.5), { ...reduction(12.5), comparison: 'gte' as const, baselineValue: 3 }, { ...reduction(12.5), comparison: 'gte' as const }]) {
          const f = forecastAtTarget(x, points);
          expect(f === null || Number.isFinite(f)).toBe(true);
        }
      }),
    );
  });

  it('extrapolates a level from its baseline', () => {
    const loss: IndicatorTerms = { comparison: 'lte', baselineYear: 2020, baselineValue: 12, target: 9, stretch: null, targetYear: 2025 };
    expect(forecastAtTarget(loss, [{ t: 2, value: 11 }])).toBeCloseTo(9.5, 10);
    expect(forecastAtTarget(loss, [])).toBeNull();
  });
});
