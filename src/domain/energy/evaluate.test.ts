import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeductionRegime } from './deductions';
import { type AccountYear, type EvaluationRules, type RegionTargets, evaluateRegion, overallLevel } from './evaluate';
import { round6 } from './intensity';

const acc = (year: number, energy: number, gdpGrowth: number | null, more: Partial<AccountYear> = {}): AccountYear => ({
  year,
  energy,
  gdpCurrent: null,
  gdpGrowth,
  feedstock: 0,
  listedProjects: 0,
  nonFossil: 0,
  renewableElectricity: 0,
  ...more,
});
const targets: RegionTargets = { baseYear: 2020, years: 5, basic: 0.125, incentive: 0.13, annual: {}, plannedGrowth: { 2021: 0.06, 2022: 0.06, 2023: 0.06, 2024: 0.06, 2025: 0.06 } };
const r1258: DeductionRegime = { kind: 'renewable-increment', k: 0.3, incrementRule: 'level-vs-base', deductBaseYearNonFossil: true };
const rules: EvaluationRules = { regimeFor: () => r1258, barometerFor: () => ({ intensity: { ruleSet: 'B', gapThreshold: 0.1 }, total: { basis: 'growth', gapThreshold: 0.1 } }) };

describe('evaluateRegion (energy.md §2 worked example)', () => {
  const years = evaluateRegion([acc(2020, 400, null, { gdpCurrent: 1000 }), acc(2021, 416, 0.08), acc(2022, 420, 0.03)], targets, rules);

  it('computes intensity, reductions, progress and completion', () => {
    expect(years.map((y) => [y.year, round6(y.gdpComparable), round6(y.intensity), round6(y.annualReduction!), round6(y.cumulativeReduction)])).toEqual([
      [2021, 1080, 0.385185, 0.037037, 0.037037],
      [2022, 1112.4, 0.377562, 0.019791, 0.056095],
    ]);
    expect(years[1]).toMatchObject({ t: 2, onTrack: true, timeProgress: 0.4 });
    expect(round6(years[1]!.progressTarget)).toBe(0.052011);
    expect(years[1]!.completion).toBeCloseTo(Math.log(1 - 0.056095) / Math.log(0.875), 5);
  });

  it('rates the annual barometer: 2022 fell 1.98 % against 2.64 % required → yellow; total against the adjusted target', () => {
    expect(years[0]!.barometer.intensity.level).toBe(3);
    expect(years[1]!.barometer.intensity.level).toBe(2);
    // 2021: actual growth 8 % > planned 6 %: Ē = 400 × 1.08 × 0.875^0.2 = 420.6156 ≥ 416 → green.
    expect(years[0]!.totalTarget).toMatchObject({ isAdjusted: true });
    expect(years[0]!.totalTarget!.adjusted).toBeCloseTo(420.6156, 4);
    // Its 3.70 % is past the incentive path (2.75 % in year 1): exempt from the total that year.
    expect(years[0]!.barometer.total).toMatchObject({ exempt: true, level: null });
    const noIncentive = evaluateRegion([acc(2020, 400, null, { gdpCurrent: 1000 }), acc(2021, 416, 0.08)], { ...targets, incentive: null }, rules);
    expect(noIncentive[0]!.barometer.total).toMatchObject({ exempt: false, level: 3 });
    expect(overallLevel(years[1]!)).toBe(2);
  });

  it('exempts from the total a region on its incentive path', () => {
    const fast = evaluateRegion([acc(2020, 400, null, { gdpCurrent: 1000 }), acc(2021, 400, 0.08)], targets, rules);
    expect(fast[0]).toMatchObject({ exemptFromTotal: true, barometer: { total: { exempt: true, level: null } } });
  });

  it("uses the year's annual target instead of the average rate when one is set", () => {
    const strict = evaluateRegion([acc(2020, 400, null, { gdpCurrent: 1000 }), acc(2021, 416, 0.08)], { ...targets, annual: { 2021: 0.04 } }, rules);
    expect(strict[0]!.barometer.intensity).toMatchObject({ level: 2, required: 0.04 });
  });

  it('stops at the first missing year and names a missing base or growth', () => {
    expect(evaluateRegion([acc(2020, 400, null, { gdpCurrent: 1000 }), acc(2022, 420, 0.03)], targets, rules)).toEqual([]);
    expect(() => evaluateRegion([acc(2021, 400, 0.05)], targets, rules)).toThrow('基期');
    expect(() => evaluateRegion([acc(2020, 400, null, { gdpCurrent: 1000 }), acc(2021, 410, null)], targets, rules)).toThrow('2021 年缺少');
  });

  it('applies each year its own regime on both sides of a comparison (113号 from 2024)', () => {
    const byYear: EvaluationRules = { ...rules, regimeFor: (y) => (y >= 2024 ? { ...r1258, kind: 'non-fossil' } : r1258) };
    const list = [acc(2020, 400, null, { gdpCurrent: 1000, nonFossil: 60 }), acc(2021, 410, 0.06, { nonFossil: 62 }), acc(2022, 420, 0.06, { nonFossil: 64 }), acc(2023, 430, 0.06, { nonFossil: 66 }), acc(2024, 440, 0.06, { nonFossil: 90 })];
    const y2024 = evaluateRegion(list, targets, byYear)[3]!;
    expect(y2024.assessedForIntensity).toBe(350);
    // Base and previous year lose their non-fossil energy too: 2023 → 364, so intensity change = 350/364 / 1.06 − 1.
    expect(y2024.barometer.intensity.actual).toBeCloseTo(1 - 350 / 364 / 1.06, 9);
  });

  it('property: deducting more renewable electricity never makes a level worse (1258号 regime)', () => {
    const noIncentive = { ...targets, incentive: null };
    fc.assert(
      fc.property(fc.double({ min: 380, max: 460, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }), fc.double({ min: 0, max: 40, noNaN: true }), fc.double({ min: 0, max: 40, noNaN: true }), (energy, g, re, more) => {
        const level = (x: number) =>
          evaluateRegion([acc(2020, 400, null, { gdpCurrent: 1000, renewableElectricity: 10 }), acc(2021, energy, g, { renewableElectricity: 10 + x })], noIncentive, rules)[0]!.barometer;
        const [a, b] = [level(re), level(re + more)];
        return (b.total.level ?? 0) >= (a.total.level ?? 0) && b.intensity.level === a.intensity.level;
      }),
    );
  });

  it('property: a year that meets its annual requirement is never red on intensity', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.12, noNaN: true }), fc.double({ min: 0, max: 0.05, noNaN: true }), (g, extra) => {
        const required = 1 - 0.875 ** 0.2;
        const energy = 400 * (1 + g) * (1 - required - extra);
        const [y] = evaluateRegion([acc(2020, 400, null, { gdpCurrent: 1000 }), acc(2021, energy, g)], targets, rules);
        return y!.barometer.intensity.level === 3;
      }),
    );
  });
});
