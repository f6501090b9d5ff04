import { describe, expect, it } from 'vitest';
import { dueState, elapsedYears, periodFromKey, periodsOf } from './calendar';

describe('reporting calendar', () => {
  it('cuts a year into periods with due dates 10 days after each end', () => {
    expect(periodsOf('quarterly', 2025, 10)).toEqual([
      { key: '2025-Q1', year: 2025, start: '2025-01-01', end: '2025-03-31', due: '2025-04-10' },
      { key: '2025-Q2', year: 2025, start: '2025-04-01', end: '2025-06-30', due: '2025-07-10' },
      { key: '2025-Q3', year: 2025, start: '2025-07-01', end: '2025-09-30', due: '2025-10-10' },
      { key: '2025-Q4', year: 2025, start: '2025-10-01', end: '2025-12-31', due: '2026-01-10' },
    ]);
    expect(periodsOf('monthly', 2024, 10)[1]).toMatchObject({ key: '2024-M02', end: '2024-02-29', due: '2024-03-10' });
    expect(periodsOf('half-yearly', 2025, 15).map((p) => p.due)).toEqual(['2025-07-15', '2026-01-15']);
    expect(periodsOf('annual', 2025, 31)).toEqual([{ key: '2025', year: 2025, start: '2025-01-01', end: '2025-12-31', due: '2026-01-31' }]);
  });

  it('reads period keys back, and refuses what is not one', () => {
    expect(periodFromKey('2025-Q2', 10)).toMatchObject({ frequency: 'quarterly', end: '2025-06-30' });
    expect(periodFromKey('2025-M12', 10)).toMatchObject({ frequency: 'monthly', due: '2026-01-10' });
    expect(periodFromKey('2025', 10)).toMatchObject({ frequency: 'annual' });
    expect(periodFromKey('2025-Q5', 10)).toBeNull();
    expect(periodFromKey('2025-M13', 10)).toBeNull();
    expect(periodFromKey("2025'; drop", 10)).toBeNull();
  });

  it.each([
    ['2025-03-15', false, 'upcoming'],
    ['2025-04-01', false, 'open'],
    ['2025-04-07', false, 'due-soon'],
    ['2025-04-10', false, 'due-soon'],
    ['2025-04-11', false, 'overdue'],
    ['2025-04-11', true, 'submitted'],
  ] as const)('on %s (submitted: %s) the Q1 report is %s', (today, submitted, want) => {
    const q1 = periodsOf('quarterly', 2025, 10)[0]!;
    expect(dueState(q1, today, submitted, 3)).toBe(want);
  });

  it('places periods on the trajectory clock (baseline 2020)', () => {
    expect(elapsedYears({ end: '2021-12-31' }, 2020)).toBe(1);
    expect(elapsedYears({ end: '2022-06-30' }, 2020)).toBe(1.5);
    expect(elapsedYears({ end: '2025-12-31' }, 2020)).toBe(5);
  });
});
