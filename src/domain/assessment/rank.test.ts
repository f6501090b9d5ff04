import { describe, expect, it } from 'vitest';
import type { AssessmentResult, ItemResult } from './model';
import { compareYears, rankResults } from './rank';

const veto = [{ key: 'intensity-missed', message: '未完成能耗强度降低目标' }];
const entry = (code: string, total: number, vetoed = false) => ({ code, total, vetoes: vetoed ? veto : [] });

describe('rankResults', () => {
  it('gives equal totals one rank and skips the places they take (1, 2, 2, 4)', () => {
    const ranked = rankResults([entry('A', 88.5), entry('B', 92), entry('C', 88.5), entry('D', 70)]);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([['B', 1], ['A', 2], ['C', 2], ['D', 4]]);
  });

  it('ranks every vetoed result after all the others, ties among them shared too', () => {
    const ranked = rankResults([entry('A', 96, true), entry('B', 61), entry('C', 90, true), entry('D', 96, true), entry('E', 75)]);
    expect(ranked.map((r) => [r.code, r.rank, r.isVetoed])).toEqual([
      ['E', 1, false],
      ['B', 2, false],
      ['A', 3, true],
      ['D', 3, true],
      ['C', 5, true],
    ]);
  });

  it('compares totals to the cent and leaves an empty list empty', () => {
    expect(rankResults([entry('A', 80.01), entry('B', 80)]).map((r) => r.rank)).toEqual([1, 2]);
    expect(rankResults([])).toEqual([]);
  });
});

const line = (key: string, points: number): ItemResult => ({ key, title: key, group: 'measures', kind: 'reviewed', points, maxPoints: 10, basis: '', figures: [] });
const result = (total: number, items: ItemResult[], grade: AssessmentResult['grade']): AssessmentResult => ({
  items, targetPoints: 0, measurePoints: total, deductions: 0, total, vetoes: [], exempted: [], missingMetrics: [], grade, gradeLabel: '',
});

describe('compareYears', () => {
  it('gives per-item and total deltas exact to the cent, items of one year only with a null side', () => {
    const current = result(85.3, [line('a', 36.1), line('b', 49.2), line('new', 3)], 'completed');
    const previous = result(78.2, [line('a', 36), line('b', 40.1), line('gone', 2.1)], 'basic');
    expect(compareYears(current, previous)).toEqual({
      items: [
        { key: 'a', title: 'a', current: 36.1, previous: 36, delta: 0.1 },
        { key: 'b', title: 'b', current: 49.2, previous: 40.1, delta: 9.1 },
        { key: 'new', title: 'new', current: 3, previous: null, delta: null },
        { key: 'gone', title: 'gone', current: null, previous: 2.1, delta: null },
      ],
      total: { current: 85.3, previous: 78.2, delta: 7.1 },
      grade: { current: 'completed', previous: 'basic' },
    });
  });
});
