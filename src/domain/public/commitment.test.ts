import { describe, expect, it } from 'vitest';
import { commitmentProgress, nextCommitmentStatus, progressShare } from './commitment';

const reduce = { baselineValue: 120, targetValue: 100, dueDate: '2026-12-31' };
const grow = { baselineValue: 10, targetValue: 50, dueDate: '2026-12-31' };

describe('commitmentProgress', () => {
  it('is on track before the due date while the target is not reached, also without updates', () => {
    expect(commitmentProgress({ ...reduce, latest: null }, '2026-06-01')).toBe('on-track');
    expect(commitmentProgress({ ...reduce, latest: { value: 110, asOf: '2026-05-01' } }, '2026-06-01')).toBe('on-track');
    expect(commitmentProgress({ ...reduce, latest: null }, '2026-12-31')).toBe('on-track');
  });
  it('is achieved once the latest value reaches the target in the direction of the commitment', () => {
    expect(commitmentProgress({ ...reduce, latest: { value: 100, asOf: '2026-05-01' } }, '2026-06-01')).toBe('achieved');
    expect(commitmentProgress({ ...reduce, latest: { value: 95, asOf: '2026-05-01' } }, '2027-06-01')).toBe('achieved');
    expect(commitmentProgress({ ...grow, latest: { value: 55, asOf: '2026-05-01' } }, '2026-06-01')).toBe('achieved');
    expect(commitmentProgress({ ...grow, latest: { value: 45, asOf: '2026-05-01' } }, '2026-06-01')).toBe('on-track');
  });
  it('is overdue after the due date when the target is not reached', () => {
    expect(commitmentProgress({ ...reduce, latest: { value: 101, asOf: '2026-12-30' } }, '2027-01-01')).toBe('overdue');
    expect(commitmentProgress({ ...grow, latest: null }, '2027-01-01')).toBe('overdue');
  });
  it('without a baseline counts only a value equal to the target as achieved', () => {
    const c = { baselineValue: null, targetValue: 100, dueDate: '2026-12-31' };
    expect(commitmentProgress({ ...c, latest: { value: 100, asOf: '2026-05-01' } }, '2026-06-01')).toBe('achieved');
    expect(commitmentProgress({ ...c, latest: { value: 90, asOf: '2026-05-01' } }, '2026-06-01')).toBe('on-track');
  });
});

describe('progressShare', () => {
  it('is the share of the way from baseline to target, clamped to 0–1', () => {
    expect(progressShare({ ...reduce, latest: { value: 110, asOf: '2026-05-01' } })).toBe(0.5);
    expect(progressShare({ ...grow, latest: { value: 0, asOf: '2026-05-01' } })).toBe(0);
    expect(progressShare({ ...grow, latest: { value: 90, asOf: '2026-05-01' } })).toBe(1);
    expect(progressShare({ ...reduce, latest: null })).toBeNull();
  });
});

describe('nextCommitmentStatus', () => {
  it('approves or rejects only a pending commitment and hides only a published one', () => {
    expect(nextCommitmentStatus('pending', 'approve')).toBe('published');
    expect(nextCommitmentStatus('pending', 'reject')).toBe('rejected');
    expect(nextCommitmentStatus('published', 'hide')).toBe('hidden');
    expect(nextCommitmentStatus('published', 'approve')).toBeNull();
    expect(nextCommitmentStatus('rejected', 'approve')).toBeNull();
    expect(nextCommitmentStatus('pending', 'hide')).toBeNull();
    expect(nextCommitmentStatus('hidden', 'hide')).toBeNull();
  });
});
