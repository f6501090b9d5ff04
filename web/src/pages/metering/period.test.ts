import { describe, expect, it } from 'vitest';
import { beijingDate, beijingTime, defaultRange, isSpanTooLong, periodLabel, periodsIn, seriesWindow } from './period';

describe('Beijing time', () => {
  it('reads instants in UTC+8 whatever the browser zone', () => {
    expect(beijingTime('2026-11-23T16:00:05.000Z')).toBe('2026-11-24 00:00:05');
    expect(beijingDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
  it.each([
    ['hour', '2026-11-24T00:00:00.000Z', '11-24 08:00'],
    ['day', '2026-11-23T16:00:00.000Z', '2026-11-24'],
    ['month', '2026-10-31T16:00:00.000Z', '2026-11'],
  ] as const)('labels a %s period by its Beijing start', (g, period, label) => {
    expect(periodLabel(period, g)).toBe(label);
  });
});

describe('series windows', () => {
  const now = new Date('2026-11-24T02:00:00Z'); // 10:00 in Beijing
  it('defaults to two days, 31 days and 12 months', () => {
    expect(defaultRange('hour', now)).toEqual(['2026-11-23', '2026-11-24']);
    expect(defaultRange('day', now)).toEqual(['2026-10-25', '2026-11-24']);
    expect(defaultRange('month', now)).toEqual(['2025-12-01', '2026-11-24']);
  });
  it('runs from the first midnight to the midnight after the last day, in +08:00', () => {
    expect(seriesWindow('day', ['2026-11-01', '2026-11-24'])).toEqual({ from: '2026-11-01T00:00:00+08:00', to: '2026-11-25T00:00:00+08:00' });
    expect(seriesWindow('hour', ['2026-12-31', '2026-12-31'])).toEqual({ from: '2026-12-31T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
  });
  it('takes whole months by the month', () => {
    expect(seriesWindow('month', ['2025-12-24', '2026-11-24'])).toEqual({ from: '2025-12-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' });
  });
  it('says when the server would refuse the span (hourly: 31 days at most)', () => {
    expect(isSpanTooLong('hour', seriesWindow('hour', ['2026-11-01', '2026-12-01']))).toBe(false);
    expect(isSpanTooLong('hour', seriesWindow('hour', ['2026-11-01', '2026-12-02']))).toBe(true);
    expect(isSpanTooLong('day', seriesWindow('day', ['2025-01-01', '2026-11-24']))).toBe(false);
  });
});

describe('periodsIn', () => {
  it('lists the hours, Beijing days and Beijing months of a window', () => {
    expect(periodsIn('hour', '2026-11-24T00:00:00+08:00', '2026-11-24T03:00:00+08:00')).toEqual(['2026-11-23T16:00:00.000Z', '2026-11-23T17:00:00.000Z', '2026-11-23T18:00:00.000Z']);
    expect(periodsIn('day', '2026-12-30T00:00:00+08:00', '2027-01-02T00:00:00+08:00').map((p) => periodLabel(p, 'day'))).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect(periodsIn('month', '2025-12-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00')).toEqual(['2025-11-30T16:00:00.000Z', '2025-12-31T16:00:00.000Z', '2026-01-31T16:00:00.000Z']);
  });
  it('covers the default windows: 48 hours, 31 days, 12 months', () => {
    const now = new Date('2026-11-24T02:00:00Z');
    const count = (g: 'hour' | 'day' | 'month') => {
      const w = seriesWindow(g, defaultRange(g, now));
      return periodsIn(g, w.from, w.to).length;
    };
    expect([count('hour'), count('day'), count('month')]).toEqual([48, 31, 12]);
  });
});
