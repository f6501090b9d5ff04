import { describe, expect, it } from 'vitest';
import { formatPercent, progressColor, sortLateReporters, statusCounts } from './overview';

describe('overview helpers', () => {
  it('counts every status', () => {
    expect(statusCounts([{ status: 'achieved' }, { status: 'at-risk' }, { status: 'at-risk' }])).toEqual({ achieved: 1, 'on-track': 0, 'at-risk': 2, 'off-track': 0, unknown: 0 });
  });
  it('colours statuses', () => {
    expect(['achieved', 'on-track', 'at-risk', 'off-track', 'unknown'].map((s) => progressColor(s as never))).toEqual(['green', 'blue', 'orange', 'red', 'default']);
  });
  it('sorts late reporters by overdue count, then name', () => {
    const r = (name: string, overdue: number) => ({ key: name, kind: 'region' as const, name, overdue });
    expect(sortLateReporters([r('章贡区', 1), r('南康区', 3), r('赣县区', 3)]).map((x) => x.name)).toEqual(['赣县区', '南康区', '章贡区']);
  });
  it('formats shares as percentages', () => {
    expect(formatPercent(0.456)).toBe('46%');
    expect(formatPercent(null)).toBe('—');
  });
});
