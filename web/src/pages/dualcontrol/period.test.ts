import { describe, expect, it } from 'vitest';
import { accountPeriodKey, ACCOUNT_YEARS, clampYear } from './period';

describe('clampYear', () => {
  it('keeps a plan year and otherwise takes last year, within the plan', () => {
    expect(clampYear(2022, new Date('2026-11-24'))).toBe(2022);
    expect(clampYear(0, new Date('2026-11-24'))).toBe(2025);
    expect(clampYear(2019, new Date('2023-03-01'))).toBe(2022);
    expect(clampYear(Number.NaN, new Date('2021-06-01'))).toBe(2021);
  });
});

describe('accountPeriodKey', () => {
  it('names the year or the year to date as the API does', () => {
    expect(accountPeriodKey(2024, null)).toBe('2024');
    expect(accountPeriodKey(2024, 6)).toBe('2024-M06');
    expect(accountPeriodKey(2023, 11)).toBe('2023-M11');
    expect(ACCOUNT_YEARS.at(-1)).toBe(2020);
  });
});
