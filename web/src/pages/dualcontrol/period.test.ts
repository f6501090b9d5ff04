import { describe, expect, it } from 'vitest';
import { clampYear } from './period';

describe('clampYear', () => {
  it('keeps a plan year and otherwise takes last year, within the plan', () => {
    expect(clampYear(2022, new Date('2026-11-24'))).toBe(2022);
    expect(clampYear(0, new Date('2026-11-24'))).toBe(2025);
    expect(clampYear(2019, new Date('2023-03-01'))).toBe(2022);
    expect(clampYear(Number.NaN, new Date('2021-06-01'))).toBe(2021);
  });
});
