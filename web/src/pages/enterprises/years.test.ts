import { describe, expect, it } from 'vitest';
import { clampYear, reportYears } from './years';

describe('report years', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  it('offers 2021 (GB/T 2589-2020 in force) to this year, newest first', () => {
    expect(reportYears(now)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
  });
  it('keeps an offered year and falls back to last year otherwise', () => {
    expect(clampYear(2022, now)).toBe(2022);
    expect(clampYear(0, now)).toBe(2025);
    expect(clampYear(2019, now)).toBe(2025);
    expect(clampYear(0, new Date('2021-03-01'))).toBe(2021);
  });
});
