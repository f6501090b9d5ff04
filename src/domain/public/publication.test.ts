import { describe, expect, it } from 'vitest';
import { parsePeriodKey, progressShare } from './publication';

describe('parsePeriodKey', () => {
  it.each([
    ['targets', '2025', { year: 2025, quarter: null }],
    ['barometer', '2025', { year: 2025, quarter: null }],
    ['barometer', '2025-Q3', { year: 2025, quarter: 3 }],
    ['reduction', '2024', { year: 2024, quarter: null }],
    ['assessment', '12', { assessmentId: 12 }],
  ] as const)('%s %s', (dataset, key, out) => {
    expect(parsePeriodKey(dataset, key)).toEqual(out);
  });
  it.each([
    ['targets', '2025-Q3'],
    ['reduction', '25'],
    ['barometer', '2025-Q5'],
    ['barometer', '2025-q3'],
    ['assessment', '0'],
    ['assessment', '2025-Q1'],
    ['targets', ' 2025'],
  ] as const)('refuses %s %j', (dataset, key) => {
    expect(parsePeriodKey(dataset, key)).toBeNull();
  });
});

describe('progressShare', () => {
  it('is done over target, clamped to 0–1, null without a positive target', () => {
    expect(progressShare(5, 10)).toBe(0.5);
    expect(progressShare(15, 10)).toBe(1);
    expect(progressShare(-1, 10)).toBe(0);
    expect(progressShare(5, 0)).toBeNull();
    expect(progressShare(null, 10)).toBeNull();
  });
});
