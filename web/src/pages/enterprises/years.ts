/** The years a report or a product line can be for: GB/T 2589-2020 is in force from 2021-04-01, so 2021 on. */
export const FIRST_YEAR = 2021;

/** The years to offer, newest first: from 2021 to this year. */
export function reportYears(now: Date): number[] {
  const last = now.getFullYear();
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

/** The asked year when offered, else last year (the one being reported on). */
export function clampYear(asked: number, now: Date): number {
  const years = reportYears(now);
  return years.includes(asked) ? asked : Math.max(FIRST_YEAR, now.getFullYear() - 1);
}
