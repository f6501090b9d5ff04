import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { regionAccounts } from './dualcontrol';
import { indicatorValue, splitByWeight, taskProgress } from './reporting';

describe('demo dual-control and reporting helpers', () => {
  it('splits a city target into shares that add up exactly', () => {
    const shares = splitByWeight(916.65, [3, 3, 1.5, 2, 1], 2);
    expect(Math.round(shares.reduce((s, x) => s + x, 0) * 100) / 100).toBe(916.65);
    expect(splitByWeight(40, [3, 1.5, 1.5, 1], 0)).toEqual([17, 9, 8, 6]);
  });

  it('gives a county the same accounts for the same draws, with a base year and growth after it', () => {
    const a = regionAccounts({ gdp: 200, intensity: 0.4, feedstock: 0.02 }, 'average', Rng.forLabel(1, 'x'), null);
    const b = regionAccounts({ gdp: 200, intensity: 0.4, feedstock: 0.02 }, 'average', Rng.forLabel(1, 'x'), null);
    expect(a).toEqual(b);
    expect(a.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(a[0]).toMatchObject({ gdpCurrent: 200, energy: 80 });
    for (const y of a.slice(1)) expect(y.gdpGrowth).not.toBeNull();
  });

  it('moves indicators and tasks along their paths, ahead or behind by pace', () => {
    expect(indicatorValue({ code: 'I03', unit: '吨', baselineYear: 2020, comparison: 'gte' }, 1000, 2023, 1)).toBe(600);
    expect(indicatorValue({ code: 'I14', unit: '%', baselineYear: null, comparison: 'lte' }, 9, 2025, 1, 12.5)).toBe(9);
    expect(taskProgress(20, 1)).toEqual({ taskStatus: 'completed', percentComplete: 100 });
    expect(taskProgress(10, 0.75).taskStatus).toBe('delayed');
  });
});
