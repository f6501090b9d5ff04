import { describe, expect, it } from 'vitest';
import { completionOf, progressLevel } from './progress';
import type { ReductionRules } from './model';

const rules = { yellowFrom: 0.8 } as ReductionRules;

describe('progress (reduction.md §6)', () => {
  it.each([
    [0.2, 0.2, 'green'], // completion = expected belongs to green
    [0.21, 0.2, 'green'],
    [0.19, 0.2, 'yellow'],
    [0.16, 0.2, 'yellow'], // 0.8 × 0.2 = 0.16 exactly in decimal, so yellow, not red
    [0.159, 0.2, 'red'],
    [0.48, 0.6, 'yellow'],
    [0.4799, 0.6, 'red'],
    [1, 1, 'green'],
    [0.8, 1, 'yellow'],
    [0, 0, 'green'],
    [-0.1, 0.2, 'red'],
    [null, 0.2, 'none'],
  ] as const)('completion %s against expected %s is %s', (c, e, level) => {
    expect(progressLevel(c, e, rules)).toBe(level);
  });

  it('completion is verified R / allocation, null without a positive allocation', () => {
    expect(completionOf(174, 200)).toBe(0.87);
    expect(completionOf(1, 3)).toBeCloseTo(1 / 3, 12);
    expect([completionOf(5, null), completionOf(5, 0)]).toEqual([null, null]);
  });
});
