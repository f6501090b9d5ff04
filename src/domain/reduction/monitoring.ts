import type { Pollutant } from './model';
import { Dec } from './decimal';

type Row = { pollutant: Pollutant; claimedBefore: number | null; claimedAfter: number | null; measuredBefore: number | null; measuredAfter: number | null };

/** |measured − claimed| beyond tolerance × |claimed| (any difference when the claim is 0); false when either is missing. */
function disagrees(claimed: number | null, measured: number | null, tolerance: Dec): boolean {
  if (claimed === null || measured === null) return false;
  const c = Dec.of(claimed);
  return Dec.of(measured).minus(c).abs().gt(c.abs().times(tolerance));
}

/**
 * Monitoring cross-check (reduction.md §5 cross-checks): the station's measured mean concentrations before and
 * after, next to the project's claimed ones (mg/L or mg/Nm³, same unit). A contradiction is a measured figure
 * more than `tolerance` (a share, rules.monitoringTolerance) away from the claimed one, before or after. A flag
 * for the reviewer, never a rejection.
 */
export function compareWithMonitoring<R extends Row>(rows: R[], tolerance: number): Array<R & { contradiction: boolean }> {
  const t = Dec.of(tolerance);
  return rows.map((r) => ({ ...r, contradiction: disagrees(r.claimedBefore, r.measuredBefore, t) || disagrees(r.claimedAfter, r.measuredAfter, t) }));
}
