import type { MonitoringRules } from './model';
import { beijingDate } from './readings';

/** One hour record of a station (CN 2061): its hour and the flags of its factors. */
export type HourRecord = { at: Date; flags: ReadonlyArray<string | null> };
export type DayCompleteness = {
  date: string;
  expected: number;
  received: number;
  valid: number;
  transmissionRate: number;
  validRate: number;
  effectiveRate: number;
};

/**
 * 有效传输率 per Beijing calendar day, from a station's hour records (data/reference/monitoring.yaml, platform
 * default [U]): 传输率 = hours received / expected (capped at 1), 有效率 = valid hours / received, where an hour is
 * valid when every factor's flag is one of rules.validFlags (a missing flag counts as N, hj212.md §4), and
 * 有效传输率 = 传输率 × 有效率. Every day from `from` to `to` (YYYY-MM-DD, inclusive) is listed.
 */
export function dailyCompleteness(records: readonly HourRecord[], from: string, to: string, rules: Pick<MonitoringRules, 'expectedHoursPerDay' | 'validFlags'>): DayCompleteness[] {
  const validFlags = new Set(rules.validFlags);
  const hours = new Map<string, Map<number, boolean>>();
  for (const r of records) {
    const date = beijingDate(r.at);
    const day = hours.get(date) ?? new Map<number, boolean>();
    const hour = Math.floor(r.at.getTime() / 3600_000);
    const valid = r.flags.every((f) => validFlags.has(f ?? 'N'));
    day.set(hour, (day.get(hour) ?? true) && valid);
    hours.set(date, day);
  }
  const out: DayCompleteness[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) {
    const date = d.toISOString().slice(0, 10);
    const day = hours.get(date);
    const expected = rules.expectedHoursPerDay;
    const received = Math.min(day?.size ?? 0, expected);
    const valid = Math.min([...(day?.values() ?? [])].filter(Boolean).length, received);
    const transmissionRate = received / expected;
    const validRate = received ? valid / received : 0;
    out.push({ date, expected, received, valid, transmissionRate, validRate, effectiveRate: transmissionRate * validRate });
  }
  return out;
}
