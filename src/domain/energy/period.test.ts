import { describe, expect, it } from 'vitest';
import type { BarometerRules } from './barometer';
import type { DeductionRegime } from './deductions';
import { ratePeriod } from './period';

const rules: BarometerRules = { intensity: { ruleSet: 'B', gapThreshold: 0.1 }, total: { basis: 'growth', gapThreshold: 0.1 } };
const regime: DeductionRegime = { kind: 'renewable-increment', k: 0.3, incrementRule: 'level-vs-base', deductBaseYearNonFossil: false };
const fig = (year: number, energy: number, more = {}) => ({ year, energy, feedstock: 0, listedProjects: 0, nonFossil: 0, renewableElectricity: 0, ...more });

describe('year-to-date barometer (energy.md §3.2 examples)', () => {
  it('rates H1: energy +6 %, GDP +5 % → intensity rose, red; +3 % against +6 % → green', () => {
    expect(ratePeriod({ ...fig(2024, 106), gdpGrowth: 0.05 }, fig(2023, 100), 0.027, 0.03, regime, rules).intensity.level).toBe(1);
    expect(ratePeriod({ ...fig(2024, 103), gdpGrowth: 0.06 }, fig(2023, 100), 0.027, 0.03, regime, rules).intensity.level).toBe(3);
  });
  it('rates the total on growth against what the annual target allows', () => {
    const rate = (e: number) => ratePeriod({ ...fig(2024, e), gdpGrowth: 0.06 }, fig(2023, 1000), 0.027, 0.03, regime, rules).total.level;
    expect([rate(1025), rate(1032), rate(1033), rate(1035)]).toEqual([3, 2, 2, 1]);
  });
  it('takes the rise in renewable electricity over the same period off the total only', () => {
    const r = ratePeriod({ ...fig(2024, 1040, { renewableElectricity: 5 }), gdpGrowth: 0.06 }, fig(2023, 1000), 0.027, 0.03, regime, rules);
    expect(r.total.actual).toBeCloseTo(0.025, 9); // (1040 − 5 × 0.3 × 10) / 1000 − 1
    expect(r.total.level).toBe(3);
    expect(r.intensity.actual).toBeCloseTo(1 - 1.04 / 1.06, 9);
  });
  it('does not rate without last year\'s period or without growth, and not the total of an exempt region', () => {
    expect(ratePeriod({ ...fig(2024, 1), gdpGrowth: 0.05 }, null, 0.027, 0.03, regime, rules).intensity.level).toBeNull();
    expect(ratePeriod({ ...fig(2024, 1), gdpGrowth: null }, fig(2023, 1), 0.027, 0.03, regime, rules).total.level).toBeNull();
    expect(ratePeriod({ ...fig(2024, 1), gdpGrowth: 0.05 }, fig(2023, 1), 0.027, null, regime, rules).total.level).toBeNull();
  });
});
