import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DeductionFigures, type DeductionRegime, assessedEnergy, nonFossilShare } from './deductions';
import { chainComparableGdp, intensity, reduction, round6 } from './intensity';

const fig = (year: number, energy: number, more: Partial<DeductionFigures> = {}): DeductionFigures => ({ year, energy, feedstock: 0, listedProjects: 0, nonFossil: 0, renewableElectricity: 0, ...more });
const r1258: DeductionRegime = { kind: 'renewable-increment', k: 0.3, incrementRule: 'level-vs-base', deductBaseYearNonFossil: true };
const r113: DeductionRegime = { kind: 'non-fossil', k: 0.3, incrementRule: 'level-vs-base', deductBaseYearNonFossil: true };

describe('deductions (energy.md §3.3–§3.5)', () => {
  it('takes feedstock out of base and target year; GDP is not adjusted (803号 example: 8.9214 % vs 5.6095 %)', () => {
    const gdp = chainComparableGdp(1000, [0.08, 0.03]);
    const base = fig(2020, 400, { feedstock: 20 });
    const y2022 = fig(2022, 420, { feedstock: 35 });
    const I0 = intensity(assessedEnergy(base, base, [base], r1258).forIntensity, gdp[0]!);
    const I2 = intensity(assessedEnergy(y2022, base, [base, y2022], r1258).forIntensity, gdp[2]!);
    expect(round6(reduction(I0, I2))).toBe(0.089214);
    expect(round6(reduction(intensity(400, gdp[0]!), intensity(420, gdp[2]!)))).toBe(0.056095);
  });

  it('1258号: new renewable electricity since 2020 leaves the total only; 10 → 14 亿kWh at 0.300 is 12 万tce', () => {
    const base = fig(2020, 400, { renewableElectricity: 10 });
    const y = fig(2022, 430, { renewableElectricity: 14 });
    const a = assessedEnergy(y, base, [base, y], r1258);
    expect(a.deductions.renewableIncrement).toBeCloseTo(12, 9);
    expect(a.total).toBeCloseTo(418, 9);
    expect(a.forIntensity).toBe(430); // "但仍纳入能耗强度考核"
    expect(assessedEnergy(y, base, [base, y], { ...r1258, k: 0.1229 }).deductions.renewableIncrement).toBeCloseTo(4.916, 9);
  });

  it('a drought year: level against base (40 → 36 → 45 gives 5) or the sum of positive increments (9)', () => {
    const h = [fig(2020, 400, { renewableElectricity: 40 }), fig(2021, 410, { renewableElectricity: 36 }), fig(2022, 420, { renewableElectricity: 45 })];
    const k1 = { ...r1258, k: 1 };
    expect(assessedEnergy(h[2]!, h[0]!, h, k1).deductions.renewableIncrement).toBeCloseTo(50, 9);
    expect(assessedEnergy(h[2]!, h[0]!, h, { ...k1, incrementRule: 'sum-positive-increments' }).deductions.renewableIncrement).toBeCloseTo(90, 9);
    expect(assessedEnergy(h[1]!, h[0]!, h, k1).deductions.renewableIncrement).toBe(0); // never negative
  });

  it('113号: all non-fossil energy leaves both dimensions, the base year too, and the increment is not also taken', () => {
    const base = fig(2020, 400, { nonFossil: 60, renewableElectricity: 10 });
    const y = fig(2024, 450, { nonFossil: 90, renewableElectricity: 20, feedstock: 5 });
    const a = assessedEnergy(y, base, [base, y], r113);
    expect(a.deductions).toEqual({ feedstock: 5, listedProjects: 0, renewableIncrement: 0, nonFossil: 90 });
    expect(a.total).toBe(355);
    expect(a.forIntensity).toBe(355);
    expect(assessedEnergy(base, base, [base], r113).forIntensity).toBe(340);
    expect(assessedEnergy(base, base, [base], { ...r113, deductBaseYearNonFossil: false }).forIntensity).toBe(400);
  });

  it('deducting more renewable electricity never raises the assessed total', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (re, more) => {
        const base = fig(2020, 400, { renewableElectricity: 10 });
        const t = (x: number) => assessedEnergy(fig(2023, 450, { renewableElectricity: x }), base, [], r1258).total;
        return t(re + more) <= t(re) + 1e-9;
      }),
    );
  });

  it('computes the non-fossil share', () => {
    expect(nonFossilShare(27.4, 100)).toBeCloseTo(0.274, 12);
    expect(nonFossilShare(1, 0)).toBeNull();
  });
});
