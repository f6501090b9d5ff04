import { describe, expect, it } from 'vitest';
import { expectedValue } from '../progress/trajectory';
import { checkAllocation, regionalTerms } from './allocation';

describe('checkAllocation', () => {
  const nox = { target: 916.65, stretch: null, unit: '吨', comparison: 'gte' as const };
  it('adds shares exactly and says how much is missing', () => {
    expect(checkAllocation(nox, [{ target: 500.4 }, { target: 416.25 }])).toEqual({ additive: true, sum: 916.65, cityTarget: 916.65, gap: 0, isCovered: true });
    expect(checkAllocation(nox, [{ target: 500 }, { target: 400 }])).toMatchObject({ sum: 900, gap: 16.65, isCovered: false });
    expect(checkAllocation(nox, [{ target: 600 }, { target: 400 }])).toMatchObject({ gap: -83.35, isCovered: true });
  });

  it('does not add rates or intensities', () => {
    expect(checkAllocation({ target: 12.5, stretch: 13, unit: '%', comparison: 'reduce_by_pct' }, [{ target: 13 }])).toEqual({ additive: false, reason: 'rate' });
    expect(checkAllocation({ target: null, stretch: null, unit: null, comparison: 'qualitative' }, [])).toEqual({ additive: false, reason: 'no-target' });
  });
});

describe('regionalTerms', () => {
  const city = { comparison: 'reduce_by_pct' as const, baselineYear: 2020, baselineValue: null, target: 12.5, stretch: 13, targetYear: 2025 };
  it("judges a county against its own share, on the city's path", () => {
    const county = regionalTerms(city, { target: 14, baselineValue: null });
    expect(county).toEqual({ ...city, target: 14, stretch: null });
    // 14 % over five years compounds to 1 − 0.86^(2/5) = 5.85 % by the end of 2022, not the city's 5.20 %.
    expect(expectedValue(county, 2)).toBeCloseTo(5.855, 3);
    expect(expectedValue(city, 2)).toBeCloseTo(5.201, 3);
  });
  it("uses the county's baseline for a level indicator", () => {
    const level = { comparison: 'lte' as const, baselineYear: 2020, baselineValue: 12, target: 9, stretch: null, targetYear: 2025 };
    expect(expectedValue(regionalTerms(level, { target: 8, baselineValue: 10 }), 2.5)).toBe(9);
  });
});
