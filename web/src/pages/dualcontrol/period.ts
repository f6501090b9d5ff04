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
