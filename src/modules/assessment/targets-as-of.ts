import type { Db } from '../../db/client';
import { indicator } from '../../db/schema/index';
import { setsBefore } from '../audit/as-of';
import * as dcRepo from '../dualcontrol/repo';
import * as reportingRepo from '../reporting/repo';

/**
 * Targets as they stood at a cut-off. Neither the target shares (目标分解) nor the dual-control targets keep a
 * history table; each change is audited with the whole set it replaced, so a set changed after the cut-off is
 * read back from the audit trail. Restored rows carry their timestamps as ISO strings.
 */

type Allocation = Awaited<ReturnType<typeof reportingRepo.listAllocations>>[number];

/** Every indicator's shares to the counties and zones (reporting's and reduction's alike) as at `end`. */
export async function allocationsAsOf(db: Db, end: Date): Promise<Allocation[]> {
  const rows = await reportingRepo.listAllocations(db, {});
  const changed = await setsBefore(db, 'target_allocation', end);
  if (!changed.size) return rows;
  // Reporting keys its audit by the indicator code, reduction by 'code:pollutant'.
  const idOf = new Map((await db.select({ id: indicator.id, code: indicator.code }).from(indicator)).map((x) => [x.code, x.id]));
  const restored = new Map<number, Allocation[]>();
  for (const [key, before] of changed) {
    const id = idOf.get(key.split(':')[0]!);
    if (id !== undefined) restored.set(id, (before as Allocation[] | null) ?? []);
  }
  return [...rows.filter((r) => !restored.has(r.indicatorId)), ...[...restored.values()].flat()];
}

type Targets = { targets: Awaited<ReturnType<typeof dcRepo.listTargets>>; annual: Awaited<ReturnType<typeof dcRepo.listAnnualTargets>> };

/** The regions' dual-control targets (basic, incentive, annual) as at `end`. */
export async function energyTargetsAsOf(db: Db, end: Date): Promise<Targets> {
  const [targets, annual] = await Promise.all([dcRepo.listTargets(db), dcRepo.listAnnualTargets(db)]);
  const changed = await setsBefore(db, 'energy_target', end);
  if (!changed.size) return { targets, annual };
  const restored = [...changed].map(([region, before]) => ({ region, set: (before as Partial<Targets> | null) ?? {} }));
  const regions = new Set(restored.map((r) => r.region));
  return {
    targets: [...targets.filter((t) => !regions.has(t.regionCode)), ...restored.flatMap((r) => r.set.targets ?? [])],
    annual: [...annual.filter((a) => !regions.has(a.regionCode)), ...restored.flatMap((r) => r.set.annual ?? [])],
  };
}
