import { describe, expect, it } from 'vitest';
import { dayWindow, daysOf, lastDays, spanDays } from './period';

describe('day ranges', () => {
  it('counts Beijing days up to today, across the year end', () => {
    expect(lastDays(7, new Date('2026-12-31T17:00:00Z'))).toEqual(['2026-12-26', '2027-01-01']);
    expect(dayWindow(['2026-12-31', '2026-12-31'])).toEqual({ from: '2026-12-31T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
    expect(daysOf(['2026-02-27', '2026-03-01'])).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(spanDays(['2026-11-01', '2026-11-30'])).toBe(30);
  });
});
