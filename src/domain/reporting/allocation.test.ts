import { describe, expect, it } from 'vitest';
import { checkAllocation } from './allocation';

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
