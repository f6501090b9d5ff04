import { describe, expect, it } from 'vitest';
import { allocationMode, toShares, toValues } from './allocation';

describe('allocation helpers', () => {
  it('sends only filled rows, in region order', () => {
    expect(toShares(['360702', '360703', '360704'], { '360704': 5, '360702': 0, '360703': null })).toEqual([
      { regionCode: '360702', target: 0 },
      { regionCode: '360704', target: 5 },
    ]);
  });
  it('round-trips stored shares', () => {
    const shares = [{ regionCode: '360702', target: 1.5 }];
    expect(toShares(['360702'], toValues(shares))).toEqual(shares);
  });
  it('lets the city edit and a county read its own', () => {
    expect(allocationMode('steering')).toBe('edit');
    expect(allocationMode('admin')).toBe('edit');
    expect(allocationMode('county')).toBe('own');
    expect(allocationMode('department')).toBeNull();
  });
});
