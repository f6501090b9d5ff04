import { REPORT_UNITS, type ReportUnit } from '../energy/conversion';
import type { MeteringRulesValue } from '../energy/reference';

/** Metered use of a carrier over the year, in a base unit (kg, m3, kWh, MJ). */
export type MeteredTotal = { carrier: string; baseUnit: string; quantity: number; hoursWithData: number };
export type ReportedLine = { carrier: string; quantity: number; unit: string };

export type CarrierComparison = {
  carrier: string;
  baseUnit: string;
  metered: number | null;
  reported: number | null;
  /** (metered − reported) / reported; null when either side is missing or reported is 0. */
  deviation: number | null;
  completeness: number | null;
  /** Why the line needs a look: deviation beyond the limit, incomplete metering, or one side missing. */
  flags: Array<'deviation' | 'incomplete' | 'not-metered' | 'not-reported'>;
};

/** Compares metered annual totals with the annual report's lines per carrier (energy.md §4: deviation ≤ 5 %, completeness ≥ 90 %). */
export function compareMeteredWithReported(
  metered: ReadonlyArray<MeteredTotal>,
  reported: ReadonlyArray<ReportedLine>,
  expectedHours: number,
  rules: Pick<MeteringRulesValue, 'deviationMax' | 'completenessMin'>,
): CarrierComparison[] {
  const rows = new Map<string, CarrierComparison>();
  const row = (carrier: string, baseUnit: string) => {
    const hit = rows.get(carrier) ?? { carrier, baseUnit, metered: null, reported: null, deviation: null, completeness: null, flags: [] };
    rows.set(carrier, hit);
    return hit;
  };
  for (const l of reported) {
    const unit = REPORT_UNITS[l.unit as ReportUnit];
    if (!unit) continue;
    const r = row(l.carrier, unit[0]);
    r.reported = (r.reported ?? 0) + l.quantity * unit[1];
  }
  for (const m of metered) {
    const r = row(m.carrier, m.baseUnit);
    r.metered = (r.metered ?? 0) + m.quantity;
    r.completeness = Math.max(r.completeness ?? 0, expectedHours > 0 ? Math.min(1, m.hoursWithData / expectedHours) : 0);
  }
  for (const r of rows.values()) {
    if (r.metered === null) r.flags.push('not-metered');
    if (r.reported === null) r.flags.push('not-reported');
    if (r.metered !== null && r.reported !== null && r.reported > 0) {
      r.deviation = (r.metered - r.reported) / r.reported;
      if (Math.abs(r.deviation) > rules.deviationMax) r.flags.push('deviation');
    }
    if (r.completeness !== null && r.completeness < rules.completenessMin) r.flags.push('incomplete');
  }
  return [...rows.values()].sort((a, b) => a.carrier.localeCompare(b.carrier));
}
