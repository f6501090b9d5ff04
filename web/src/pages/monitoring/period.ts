import { beijingDate } from '../metering/period';

export { beijingDate, beijingTime } from '../metering/period';

const DAY_MS = 24 * 3_600_000;

/** A picked range of Beijing calendar days, both ends included ("YYYY-MM-DD"). */
export type DayRange = readonly [string, string];

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The last `days` Beijing days up to today. */
export function lastDays(days: number, now: Date): DayRange {
  const today = beijingDate(now);
  return [addDays(today, -(days - 1)), today];
}

/** A range of days as the API's instants: from the first day's Beijing midnight to the midnight after the last. */
export function dayWindow([start, end]: DayRange): { from: string; to: string } {
  return { from: `${start}T00:00:00+08:00`, to: `${addDays(end, 1)}T00:00:00+08:00` };
}

/** Every day of a range, in order (the completeness table's columns). */
export function daysOf([start, end]: DayRange): string[] {
  const out: string[] = [];
  for (let d = start; d <= end && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Days in a range, both ends counted. */
export const spanDays = ([start, end]: DayRange) => Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;
