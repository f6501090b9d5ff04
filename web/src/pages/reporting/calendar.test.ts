import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/i18n/index';
import type { Translate } from '../../app/i18n-context';
import {
  countDue,
  defaultYear,
  filterEntries,
  frequencyLabel,
  isFillable,
  PERIOD_KEY,
  periodLabel,
  periodShort,
  planYear,
  planYears,
  periodTagKind,
  tagColor,
  tagLabel,
} from './calendar';
import type { CalendarEntry, CalendarPeriod } from './queries';

const zh: Translate = (k, p) => translate('zh-CN', k, p);
const en: Translate = (k, p) => translate('en', k, p);

const period = (key: string, state: CalendarPeriod['state'], status: CalendarPeriod['status'] = null): CalendarPeriod => ({
  key,
  end: `${key.slice(0, 4)}-12-31`,
  due: `${Number(key.slice(0, 4)) + 1}-01-31`,
  state,
  reportId: status ? 1 : null,
  status,
});
const entry = (o: Partial<CalendarEntry>): CalendarEntry => ({
  kind: 'indicator',
  itemId: 1,
  code: 'I03',
  name: '化学需氧量重点工程减排量',
  regionCode: '360700',
  frequency: 'annual',
  periods: [],
  ...o,
});

describe('period tags', () => {
  it.each([
    ['submitted', 'approved', 'approved', 'green', '已审核'],
    ['submitted', 'submitted', 'pending', 'blue', '待审核'],
    ['overdue', 'returned', 'returned', 'volcano', '已退回'],
    ['open', 'returned', 'returned', 'volcano', '已退回'],
    ['overdue', null, 'overdue', 'red', '逾期'],
    ['due-soon', null, 'due-soon', 'orange', '即将到期'],
    ['open', null, 'open', undefined, '可报送'],
    ['upcoming', null, 'upcoming', undefined, '未开始'],
  ] as const)('%s / %s → %s', (state, status, kind, color, label) => {
    const k = periodTagKind({ state, status });
    expect(k).toBe(kind);
    expect(tagColor(k)).toBe(color);
    expect(tagLabel(k, zh)).toBe(label);
  });

  it('opens every period but those not ended yet', () => {
    expect(isFillable('upcoming')).toBe(false);
    expect(isFillable('overdue')).toBe(true);
    expect(isFillable('approved')).toBe(true);
  });
});

describe('period and frequency labels', () => {
  it('names periods in both languages', () => {
    expect(periodLabel('2024', zh)).toBe('2024 年');
    expect(periodLabel('2024-Q1', zh)).toBe('2024 年第 1 季度');
    expect(periodLabel('2024-H2', zh)).toBe('2024 年下半年');
    expect(periodLabel('2024-M03', zh)).toBe('2024 年 3 月');
    expect(periodLabel('2024-Q1', en)).toBe('Q1 2024');
    expect(periodShort('2024', zh)).toBe('2024年');
    expect(periodShort('2024-Q3', zh)).toBe('3季度');
    expect(periodShort('2024-H1', en)).toBe('H1');
    expect(periodLabel('bogus', zh)).toBe('bogus');
  });

  it('names frequencies and keeps unknown ones', () => {
    expect(frequencyLabel('half-yearly', zh)).toBe('半年');
    expect(frequencyLabel('quarterly', en)).toBe('Quarterly');
    expect(frequencyLabel('weekly', zh)).toBe('weekly');
  });

  it('accepts the period keys the server does', () => {
    for (const k of ['2024', '2024-H1', '2024-Q4', '2024-M12']) expect(PERIOD_KEY.test(k)).toBe(true);
    for (const k of ['24', '2024-Q5', '2024-M13', '2024-h1']) expect(PERIOD_KEY.test(k)).toBe(false);
  });
});

describe('the calendar', () => {
  it('opens on this year, kept inside the plan period', () => {
    const plan = { periodStart: 2021, periodEnd: 2025 };
    expect(defaultYear(plan, new Date('2026-03-01T00:00:00Z'))).toBe(2025);
    expect(defaultYear(plan, new Date('2023-06-01T00:00:00Z'))).toBe(2023);
    expect(defaultYear(plan, new Date('2019-06-01T00:00:00Z'))).toBe(2021);
  });

  it('opens on the year the address asks for when the plan covers it, and lists the years latest first', () => {
    const plan = { periodStart: 2021, periodEnd: 2025 };
    const now = new Date('2023-06-01T00:00:00Z');
    expect(planYear(plan, '2024', now)).toBe(2024);
    expect(planYear(plan, '2020', now)).toBe(2023);
    expect(planYear(plan, 'x', now)).toBe(2023);
    expect(planYear(plan, null, now)).toBe(2023);
    expect(planYears(plan)).toEqual([2025, 2024, 2023, 2022, 2021]);
  });

  const entries = [
    entry({ periods: [period('2024', 'overdue')] }),
    entry({ kind: 'task', itemId: 2, code: '2.1.1', name: '推进工业节能降碳', frequency: 'quarterly', periods: [period('2024-Q1', 'submitted', 'approved'), period('2024-Q2', 'overdue', 'returned'), period('2024-Q3', 'due-soon')] }),
  ];

  it('filters by kind, tag and text', () => {
    expect(filterEntries(entries, { kind: 'task' }).map((e) => e.code)).toEqual(['2.1.1']);
    expect(filterEntries(entries, { tag: 'overdue' }).map((e) => e.code)).toEqual(['I03']);
    expect(filterEntries(entries, { tag: 'returned' }).map((e) => e.code)).toEqual(['2.1.1']);
    expect(filterEntries(entries, { q: '化学' }).map((e) => e.code)).toEqual(['I03']);
    expect(filterEntries(entries, { q: 'i03' }).map((e) => e.code)).toEqual(['I03']);
    expect(filterEntries(entries, {})).toHaveLength(2);
  });

  it('counts what needs the user now', () => {
    expect(countDue(entries)).toEqual({ overdue: 1, dueSoon: 1, returned: 1 });
  });
});
