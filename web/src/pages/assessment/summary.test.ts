import { describe, expect, it } from 'vitest';
import { allowedActions } from './labels';
import type { Comparison, SubjectRow } from './queries';
import { rankingRows, summaryCounts } from './summary';

describe('assessment summary and actions', () => {
  it('counts the grades and the mean to the cent', () => {
    expect(summaryCounts([{ grade: 'exceeded', total: 96.5 }, { grade: 'incomplete', total: 50 }, { grade: 'exceeded', total: 99.25 }])).toEqual({ count: 3, exceeded: 2, completed: 0, basic: 0, incomplete: 1, mean: '81.92' });
    expect(summaryCounts([]).mean).toBe('0.00');
  });
  it('builds the ranking rows from the summaries alone, matched to the comparison by key, hidden ranks kept', () => {
    const row = (key: string, rank: number | null, total: number): SubjectRow => ({
      key, name: key, selfSubmittedAt: null, targetPoints: total - 10, measurePoints: 12, deductions: -2, total, grade: 'completed', gradeLabel: '完成', vetoed: false, vetoes: [], rank,
    });
    const comparison = { rows: [{ key: 'b', name: 'b', total: 80, previousTotal: 82.5, delta: -2.5, grade: 'completed', previousGrade: 'completed' }] } satisfies Pick<Comparison, 'rows'>;
    const rows = rankingRows([row('a', 1, 90), row('b', 2, 80)], comparison);
    expect(rows.map((r) => [r.key, r.rank, r.targetPoints, r.measurePoints, r.deductions, r.total, r.delta, r.previousTotal])).toEqual([
      ['a', 1, 80, 12, -2, 90, null, null],
      ['b', 2, 70, 12, -2, 80, -2.5, 82.5],
    ]);
    expect(rankingRows([row('a', null, 90)], undefined)).toMatchObject([{ key: 'a', rank: null, delta: null }]);
  });
  it('offers each role only its steps', () => {
    const subjects = [{ key: '360702', selfSubmittedAt: null }];
    const own = { subjects, ownSubjectKey: '360702' };
    const none = { subjects, ownSubjectKey: null };
    expect(allowedActions({ role: 'steering', regionCode: null }, { status: 'self', ...none })).toEqual(['open-review']);
    expect(allowedActions({ role: 'county', regionCode: '360702' }, { status: 'self', ...own })).toEqual(['submit-self']);
    expect(allowedActions({ role: 'county', regionCode: '360722' }, { status: 'self', ...none })).toEqual([]);
    // a department self-assesses its own subject of a department assessment; in a region assessment it owns none
    expect(allowedActions({ role: 'department', regionCode: null }, { status: 'self', subjects: [{ key: 'sthjj', selfSubmittedAt: null }], ownSubjectKey: 'sthjj' })).toEqual(['submit-self']);
    expect(allowedActions({ role: 'department', regionCode: null }, { status: 'self', ...none })).toEqual([]);
    expect(allowedActions({ role: 'department', regionCode: null }, { status: 'review', subjects: [{ key: 'sthjj', selfSubmittedAt: null }], ownSubjectKey: 'sthjj' })).toEqual([]);
    expect(allowedActions({ role: 'county', regionCode: '360702' }, { status: 'self', subjects: [{ key: '360702', selfSubmittedAt: '2025-01-01T00:00:00Z' }], ownSubjectKey: '360702' })).toEqual([]);
    expect(allowedActions({ role: 'admin', regionCode: null }, { status: 'approval', ...none })).toEqual(['approve', 'return']);
    expect(allowedActions({ role: 'steering', regionCode: null }, { status: 'approval', ...none })).toEqual([]);
  });
});
