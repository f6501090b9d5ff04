import { describe, expect, it } from 'vitest';
import { plannedTotal } from './what-if';

describe('plannedTotal', () => {
  it('takes the planned total as given', () => {
    expect(plannedTotal(430, null, 420)).toBe(430);
  });
  it('adds a project of N tce as N / 10000 万tce, to the plan or else to last year', () => {
    expect(plannedTotal(430, 50_000, 420)).toBe(435);
    expect(plannedTotal(null, 50_000, 420)).toBe(425);
    expect(plannedTotal(undefined, 1234, 420)).toBe(420.1234);
  });
  it('is null with nothing to test', () => {
    expect(plannedTotal(null, null, 420)).toBeNull();
    expect(plannedTotal(null, 50_000, null)).toBeNull();
  });
});
