import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountYear, EvaluationRules, RegionTargets } from './evaluate';
import { overallLevel } from './evaluate';
import { evaluatePlan, maxEnergyToStayGreen } from './what-if';

const acc = (year: number, energy: number, gdpGrowth: number | null, more: Partial<AccountYear> = {}): AccountYear => ({
  year, energy, gdpCurrent: null, gdpGrowth, feedstock: 0, listedProjects: 0, nonFossil: 0, renewableElectricity: 0, ...more,
});
const growth = { 2021: 0.06, 2022: 0.06, 2023: 0.06, 2024: 0.06, 2025: 0.06 };
const rules: EvaluationRules = {
  regimeFor: () => ({ kind: 'renewable-increment', k: 0.3, incrementRule: 'level-vs-base', deductBaseYearNonFossil: true }),
  barometerFor: () => ({ intensity: { ruleSet: 'B', gapThreshold: 0.1 }, total: { basis: 'growth', gapThreshold: 0.1 } }),
};
const accounts = [acc(2020, 400, null, { gdpCurrent: 1000, feedstock: 10, renewableElectricity: 10 }), acc(2021, 405, 0.07, { feedstock: 12, renewableElectricity: 12 })];

describe('what-if', () => {
  it('gives the most energy that stays green, and the level just above it', () => {
    for (const incentive of [null, 0.13]) {
      const targets: RegionTargets = { baseYear: 2020, years: 5, basic: 0.125, incentive, annual: {}, plannedGrowth: growth };
      const m = maxEnergyToStayGreen(accounts, targets, rules, { year: 2022, gdpGrowth: 0.05 });
      expect(overallLevel(evaluatePlan(accounts, targets, rules, { year: 2022, gdpGrowth: 0.05 }, m.maxEnergy - 1e-6))).toBe(3);
      expect(overallLevel(evaluatePlan(accounts, targets, rules, { year: 2022, gdpGrowth: 0.05 }, m.maxEnergy + 0.01))).not.toBe(3);
    }
  });

  it('intensity binds at 5 % growth: F ≤ F_prev × 1.05 × (1 − 2.6353 %), plus feedstock', () => {
    const targets: RegionTargets = { baseYear: 2020, years: 5, basic: 0.125, incentive: null, annual: {}, plannedGrowth: growth };
    const m = maxEnergyToStayGreen(accounts, targets, rules, { year: 2022, gdpGrowth: 0.05 });
    expect(m.binding).toBe('intensity');
    expect(m.intensityBound).toBeCloseTo((405 - 12) * 1.05 * 0.875 ** 0.2 + 12, 6);
  });

  it('needs last year', () => {
    const targets: RegionTargets = { baseYear: 2020, years: 5, basic: 0.125, incentive: null, annual: {}, plannedGrowth: growth };
    expect(() => maxEnergyToStayGreen(accounts, targets, rules, { year: 2024, gdpGrowth: 0.05 })).toThrow('2023');
  });

  it('property: at the bound both dimensions are green, for any growth and deductions', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.02, max: 0.12, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 10, max: 30, noNaN: true }), fc.boolean(), (g, feedstock, re, withIncentive) => {
        const targets: RegionTargets = { baseYear: 2020, years: 5, basic: 0.125, incentive: withIncentive ? 0.13 : null, annual: {}, plannedGrowth: growth };
        const a = { year: 2022, gdpGrowth: g, feedstock, renewableElectricity: re };
        const m = maxEnergyToStayGreen(accounts, targets, rules, a);
        return overallLevel(evaluatePlan(accounts, targets, rules, a, m.maxEnergy * (1 - 1e-7))) === 3;
      }),
    );
  });
});
