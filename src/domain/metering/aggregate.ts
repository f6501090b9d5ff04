const HOUR_MS = 3_600_000;

/** A counter interval: the use between two accepted readings (prevTsMs, tsMs], in the meter's unit. */
export type Interval = { prevTsMs: number; tsMs: number; delta: number };

/**
 * Spreads each interval's use over the clock hours it spans, in proportion to time (an interval of 10:55–11:05
 * puts half in 10:00 and half in 11:00). Returns hour start (ms) → use; the total equals the sum of deltas.
 */
export function spreadOverHours(intervals: ReadonlyArray<Interval>): Map<number, number> {
  const out = new Map<number, number>();
  const add = (hour: number, v: number) => out.set(hour, (out.get(hour) ?? 0) + v);
  for (const { prevTsMs, tsMs, delta } of intervals) {
    const span = tsMs - prevTsMs;
    if (span <= 0 || delta === 0) {
      add(hourOf(tsMs - 1), Math.round(delta * 1e6));
      continue;
    }
    // In millionths (the 6 decimals the database keeps): each piece is whole, the last takes what is left, so the
    // stored hours add up to the interval's use exactly, however many batches add to an hour.
    const micro = Math.round(delta * 1e6);
    let from = prevTsMs;
    let left = micro;
    while (from < tsMs) {
      const hour = hourOf(from);
      const to = Math.min(tsMs, hour + HOUR_MS);
      const part = to === tsMs ? left : Math.round((micro * (to - from)) / span);
      add(hour, part);
      left -= part;
      from = to;
    }
  }
  for (const [hour, m] of out) out.set(hour, m / 1e6);
  return out;
}

/** The start (ms) of the clock hour a time falls in (UTC hours; China's +08:00 keeps them whole hours). */
export const hourOf = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** Consecutive accepted readings → intervals (the first reading opens the series and carries no use). */
export function intervalsOf(readings: ReadonlyArray<{ tsMs: number; value: number }>): Interval[] {
  const out: Interval[] = [];
  for (let i = 1; i < readings.length; i++) out.push({ prevTsMs: readings[i - 1]!.tsMs, tsMs: readings[i]!.tsMs, delta: readings[i]!.value - readings[i - 1]!.value });
  return out;
}

/** 数据完整率: the share of expected hours that hold a reading (GB/T 38692 asks ≥ 90 %). */
export function completeness(hoursWithData: number, expectedHours: number): number {
  return expectedHours <= 0 ? 0 : Math.min(1, hoursWithData / expectedHours);
}
