/** The plan's five years after the 2020 base year (十四五): the years the barometer rates. */
export const BASE_YEAR = 2020;
export const PERIOD_YEARS = [2025, 2024, 2023, 2022, 2021] as const;

/** The year asked for when it is one of the plan's, else last year's (within the plan). */
export function clampYear(asked: number, today: Date): number {
  if ((PERIOD_YEARS as readonly number[]).includes(asked)) return asked;
  const last = today.getFullYear() - 1;
  return Math.min(PERIOD_YEARS[0], Math.max(PERIOD_YEARS[PERIOD_YEARS.length - 1]!, last));
}

/** A what-if year: after the base year, up to the end of the plan. */
export const WHAT_IF_YEARS = [...PERIOD_YEARS];

/** The years a Statistics Bureau sheet may carry: the plan's and its base year (the base year's GDP starts the chain). */
export const ACCOUNT_YEARS = [...PERIOD_YEARS, BASE_YEAR];

/** A year-to-date sheet covers January to one of these months; the full year is December. */
export const YTD_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;

/** The period key of a sheet: the year ('2024'), or the year to date at a month ('2024-M06'). */
export function accountPeriodKey(year: number, month: number | null): string {
  return month === null ? String(year) : `${year}-M${String(month).padStart(2, '0')}`;
}
