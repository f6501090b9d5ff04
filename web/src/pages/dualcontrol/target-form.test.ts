import { describe, expect, it } from 'vitest';
import type { Target } from './queries';
import { targetFormValues, toTargetBody } from './target-form';

const target: Target = {
  regionCode: '360702',
  baseYear: 2020,
  years: 5,
  basic: 0.125,
  incentive: 0.13,
  source: '市发改委分解方案',
  annual: [{ year: 2021, intensityReduction: null, plannedGdpGrowth: 0.06 }, { year: 2023, intensityReduction: 0.03, plannedGdpGrowth: 0.07 }],
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('target form', () => {
  it('shows rates in % with a row for each year of the plan', () => {
    const v = targetFormValues(target);
    expect(v).toMatchObject({ basic: 12.5, incentive: 13, source: '市发改委分解方案' });
    expect(v.annual.map((a) => [a.year, a.intensityReduction, a.plannedGdpGrowth])).toEqual([
      [2021, null, 6],
      [2022, null, null],
      [2023, 3, 7],
      [2024, null, null],
      [2025, null, null],
    ]);
    expect(targetFormValues(undefined)).toMatchObject({ basic: null, incentive: null, source: '' });
    expect(targetFormValues(undefined).annual.map((a) => a.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
  it('sends fractions and leaves empty years out', () => {
    const body = toTargetBody({ ...targetFormValues(target), source: ' 方案 ' }, target);
    expect(body).toEqual({
      baseYear: 2020,
      years: 5,
      basic: 0.125,
      incentive: 0.13,
      source: '方案',
      annual: [{ year: 2021, intensityReduction: null, plannedGdpGrowth: 0.06 }, { year: 2023, intensityReduction: 0.03, plannedGdpGrowth: 0.07 }],
    });
    expect(toTargetBody({ basic: 14, incentive: null, source: 'x', annual: [] }, undefined)).toMatchObject({ basic: 0.14, incentive: null, annual: [] });
  });
});
