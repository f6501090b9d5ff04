import { describe, expect, it } from 'vitest';
import { allocationMode, baselinesWithoutTarget, toBaselines, toShares, toValues } from './allocation';

describe('allocation helpers', () => {
  it('sends only filled rows, in region order', () => {
    expect(toShares(['360702', '360703', '360704'], { '360704': 5, '360702': 0, '360703': null })).toEqual([
      { regionCode: '360702', target: 0, baselineValue: null },
      { regionCode: '360704', target: 5, baselineValue: null },
    ]);
  });
  it('sends a 基期值 with its row, and none where it is empty', () => {
    expect(toShares(['360702', '360703'], { '360702': 8, '360703': 9 }, { '360702': 10, '360703': null })).toEqual([
      { regionCode: '360702', target: 8, baselineValue: 10 },
      { regionCode: '360703', target: 9, baselineValue: null },
    ]);
  });
  it('names the rows whose 基期值 has no target to go with', () => {
    expect(baselinesWithoutTarget(['360702', '360703', '360704'], { '360702': 8 }, { '360702': 10, '360703': 12, '360704': null })).toEqual(['360703']);
  });
  it('round-trips stored shares', () => {
    const shares = [
      { regionCode: '360702', target: 1.5, baselineValue: 2 },
      { regionCode: '360703', target: 3, baselineValue: null },
    ];
    expect(toShares(['360702', '360703'], toValues(shares), toBaselines(shares))).toEqual(shares);
  });
  it('lets the city edit and a county read its own', () => {
    expect(allocationMode('steering')).toBe('edit');
    expect(allocationMode('admin')).toBe('edit');
    expect(allocationMode('county')).toBe('own');
    expect(allocationMode('department')).toBeNull();
  });
});
