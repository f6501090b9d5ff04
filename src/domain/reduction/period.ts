/**
 * T1 (reduction.md §2): a project counts from the first day of the month after its event date (stable
 * operation, closure or deregistration), to 31 Dec of the accounting year or its end date, inclusive.
 * "核算时间从稳定运行后第二个月算起" [S13].
 */

const DAY_MS = 86_400_000;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInYear = (y: number): number => (isLeapYear(y) ? 366 : 365);

const utc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The first day of the month after `date` (YYYY-MM-DD): 2023-06-20 → 2023-07-01, 2025-12-31 → 2026-01-01. */
export function firstOfNextMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * T1 for year Y: `countStart` is the first day of the month after the event date (null without one),
 * `countedDays` the days from max(countStart, 1 Jan Y) to min(endDate, 31 Dec Y), both inclusive (0 when
 * that range is empty), `daysInYear` 365 or 366, and `f = countedDays / daysInYear` (a share of the year).
 */
export function countedPeriod(eventDate: string | null, endDate: string | null, year: number): { countStart: string | null; countedDays: number; daysInYear: number; f: number } {
  const diy = daysInYear(year);
  if (!eventDate) return { countStart: null, countedDays: 0, daysInYear: diy, f: 0 };
  const countStart = firstOfNextMonth(eventDate);
  const from = Math.max(utc(countStart), utc(`${year}-01-01`));
  const to = Math.min(endDate ? utc(endDate) : Number.POSITIVE_INFINITY, utc(`${year}-12-31`));
  const countedDays = to >= from ? Math.round((to - from) / DAY_MS) + 1 : 0;
  return { countStart, countedDays, daysInYear: diy, f: countedDays / diy };
}

/** The counted days of year Y as a closed range of dates, or null when nothing is counted (for overlap checks). */
export function countedRange(eventDate: string | null, endDate: string | null, year: number): { from: string; to: string } | null {
  const p = countedPeriod(eventDate, endDate, year);
  if (!p.countStart || p.countedDays === 0) return null;
  const from = Math.max(utc(p.countStart), utc(`${year}-01-01`));
  return { from: iso(from), to: iso(from + (p.countedDays - 1) * DAY_MS) };
}
