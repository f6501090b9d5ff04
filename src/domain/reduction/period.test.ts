import { describe, expect, it } from 'vitest';
import { countedPeriod, countedRange, firstOfNextMonth } from './period';

describe('T1 countedPeriod (reduction.md §2)', () => {
  it.each([
    // event, end, year → countStart, countedDays, daysInYear
    ['2023-06-20', null, 2023, '2023-07-01', 184, 365], // §7 example 1
    ['2023-06-20', null, 2025, '2023-07-01', 365, 365],
    ['2022-09-10', null, 2022, '2022-10-01', 92, 365], // example 4
    ['2024-05-18', null, 2024, '2024-06-01', 214, 366], // example 6, leap year
    ['2025-03-20', null, 2025, '2025-04-01', 275, 365], // example 9
    ['2024-04-16', null, 2024, '2024-05-01', 245, 366], // example 10
    ['2024-01-31', null, 2024, '2024-02-01', 335, 366], // last day of a month, leap February counted
    ['2024-02-29', null, 2024, '2024-03-01', 306, 366],
    ['2025-11-30', null, 2025, '2025-12-01', 31, 365],
    ['2025-12-31', null, 2025, '2026-01-01', 0, 365], // last day of December: nothing this year
    ['2025-12-10', null, 2025, '2026-01-01', 0, 365], // §7 rejected C5
    ['2025-12-31', null, 2026, '2026-01-01', 365, 365],
    ['2023-06-20', '2024-02-29', 2024, '2023-07-01', 60, 366], // end date inclusive
    ['2023-06-20', '2023-06-30', 2023, '2023-07-01', 0, 365], // stopped before counting began
    ['2023-06-20', '2023-07-01', 2023, '2023-07-01', 1, 365],
    ['2023-06-20', '2025-12-31', 2024, '2023-07-01', 366, 366],
  ] as const)('event %s, end %s, year %i → from %s, %i of %i days', (event, end, year, countStart, days, diy) => {
    const p = countedPeriod(event, end, year);
    expect(p).toEqual({ countStart, countedDays: days, daysInYear: diy, f: days / diy });
  });

  it('gives nothing without an event date', () => {
    expect(countedPeriod(null, null, 2024)).toEqual({ countStart: null, countedDays: 0, daysInYear: 366, f: 0 });
  });

  it('firstOfNextMonth rolls over the year', () => {
    expect([firstOfNextMonth('2021-12-01'), firstOfNextMonth('2021-01-31'), firstOfNextMonth('2100-02-28')]).toEqual(['2022-01-01', '2021-02-01', '2100-03-01']);
  });

  it('countedRange is the closed range of counted dates', () => {
    expect(countedRange('2023-06-20', null, 2023)).toEqual({ from: '2023-07-01', to: '2023-12-31' });
    expect(countedRange('2023-06-20', '2024-03-31', 2024)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(countedRange('2025-12-10', null, 2025)).toBeNull();
  });
});
