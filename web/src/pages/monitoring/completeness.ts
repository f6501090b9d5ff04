import type { Completeness } from './queries';

export type StationDays = Completeness[number];
export type Day = StationDays['days'][number];

/**
 * A station's figures over the whole range, by the API's definition (CompletenessOut): 传输率 = hour records received
 * / expected, 有效率 = valid / received, 有效传输率 their product; the counts are summed over the days rather than the
 * daily rates averaged, so that a day with few expected hours weighs less.
 */
export function rangeTotals(days: readonly Day[]): { expected: number; received: number; valid: number; transmissionRate: number | null; validRate: number | null; effectiveRate: number | null } {
  const expected = days.reduce((n, d) => n + d.expected, 0);
  const received = days.reduce((n, d) => n + d.received, 0);
  const valid = days.reduce((n, d) => n + d.valid, 0);
  const transmissionRate = expected > 0 ? Math.min(1, received / expected) : null;
  const validRate = received > 0 ? valid / received : null;
  return { expected, received, valid, transmissionRate, validRate, effectiveRate: transmissionRate === null || validRate === null ? null : transmissionRate * validRate };
}

/** The rows of the export: one per station per day, with the three rates. */
export function exportRows(data: readonly StationDays[]): Array<{ stationName: string; regionCode: string } & Day> {
  return data.flatMap((s) => s.days.map((d) => ({ stationName: s.stationName, regionCode: s.regionCode, ...d })));
}
