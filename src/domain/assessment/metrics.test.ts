import { describe, expect, it } from 'vitest';
import { cutoffEnd, noData, pct, periodYears, share } from './metrics';

describe('assessment metric helpers', () => {
  it('reads a year or a plan period', () => {
    expect(periodYears('2023')).toEqual([2023]);
    expect(periodYears('2021-2025')).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(() => periodYears('2025-2021')).toThrow();
    expect(() => periodYears('23')).toThrow();
  });
  it('ends the cut-off day at Beijing midnight', () => {
    expect(cutoffEnd('2024-03-31').toISOString()).toBe('2024-03-31T16:00:00.000Z');
  });
  it('formats and shares', () => {
    expect(pct(0.123456)).toBe('12.35%');
    expect(pct(null)).toBe('—');
    expect(share(1, 3)).toBe(0.333333);
    expect(share(0, 0)).toBeNull();
    expect(noData('无数据')).toEqual({ value: null, figures: [{ label: '说明', value: '无数据' }] });
  });
});
