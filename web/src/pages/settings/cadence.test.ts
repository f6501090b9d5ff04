import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../reporting/queries';
import { cadenceRows, daysAfter, filterCadence, isAsDefault, toRuleBody } from './cadence';

const period = (key: string, end: string, due: string) => ({ key, end, due, state: 'upcoming' as const, reportId: null, status: null });
const entry = (kind: CalendarEntry['kind'], itemId: number, code: string, name: string, frequency: string, periods: CalendarEntry['periods']): CalendarEntry => ({
  kind,
  itemId,
  code,
  name,
  regionCode: '360700',
  frequency,
  periods,
});

const ENTRIES = [
  entry('task', 5, '2.1.1', '推进工业节能', 'quarterly', [period('2026-Q1', '2026-03-31', '2026-04-10')]),
  entry('indicator', 1, 'I01', '单位GDP能耗降低', 'annual', [period('2026', '2026-12-31', '2027-01-31')]),
  entry('indicator', 1, 'I01', '单位GDP能耗降低', 'annual', [period('2026', '2026-12-31', '2027-01-31')]),
  entry('task', 6, '2.1.2', '推进建筑节能', 'monthly', []),
];

describe('reporting cadence rows', () => {
  it('reads due days off a period, across a month and a year end', () => {
    expect(daysAfter('2026-03-31', '2026-04-10')).toBe(10);
    expect(daysAfter('2026-12-31', '2027-01-31')).toBe(31);
    expect(daysAfter('2026-02-28', '2026-02-28')).toBe(0);
  });
  it('lists each item once, indicators first, with its frequency and due days', () => {
    expect(cadenceRows(ENTRIES)).toEqual([
      { kind: 'indicator', itemId: 1, code: 'I01', name: '单位GDP能耗降低', frequency: 'annual', dueDays: 31 },
      { kind: 'task', itemId: 5, code: '2.1.1', name: '推进工业节能', frequency: 'quarterly', dueDays: 10 },
      { kind: 'task', itemId: 6, code: '2.1.2', name: '推进建筑节能', frequency: 'monthly', dueDays: null },
    ]);
  });
  it('filters by code or name and by kind', () => {
    const rows = cadenceRows(ENTRIES);
    expect(filterCadence(rows, '2.1.1').map((r) => r.code)).toEqual(['2.1.1']);
    expect(filterCadence(rows, ' 建筑 ').map((r) => r.code)).toEqual(['2.1.2']);
    expect(filterCadence(rows, 'i0').map((r) => r.code)).toEqual(['I01']);
    expect(filterCadence(rows, '', 'task').map((r) => r.code)).toEqual(['2.1.1', '2.1.2']);
    expect(filterCadence(rows, undefined)).toHaveLength(3);
  });
  it('tells rows as the defaults from rows set apart', () => {
    const defaults = { indicator: { frequency: 'annual' as const, dueDays: 31 }, task: { frequency: 'quarterly' as const, dueDays: 10 } };
    const [i01, t211, t212] = cadenceRows(ENTRIES);
    expect([i01, t211, t212].map((r) => isAsDefault(r!, defaults))).toEqual([true, true, false]);
    expect(isAsDefault(i01!, null)).toBe(false);
  });
  it('builds the rule body for an indicator or a task', () => {
    expect(toRuleBody({ kind: 'indicator', itemId: 1 }, { frequency: 'quarterly', dueDays: 15 })).toEqual({ indicatorId: 1, frequency: 'quarterly', dueDays: 15 });
    expect(toRuleBody({ kind: 'task', itemId: 5 }, { frequency: 'monthly', dueDays: 10 })).toEqual({ taskId: 5, frequency: 'monthly', dueDays: 10 });
  });
});
