import type { UserActor } from '../../domain/access';
import type { Db } from '../../db/client';
import { beijingDate } from '../../domain/reporting/calendar';
import { POLLUTANTS, type Pollutant, type ProjectStatus, type ReductionRules, completionOf, isDispatchOverdue, progressLevel } from '../../domain/reduction/index';
import type { Ctx } from '../../server/context';
import { pollutantTargets, reductionRules } from './reference';
import * as repo from './repo';
import type { z } from 'zod';
import type { ProgressOut } from './schemas';

type Progress = z.infer<typeof ProgressOut>;
type RegionRow = Progress['regions'][number] & { byStatus: Record<string, number>; byType: Record<string, number> };

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The month whose dispatch is chased in a year's view: last month while the year runs, December after it, none before. */
export function chasedMonth(year: number, today: string): string | null {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  if (py < year) return null;
  if (py > year) return `${year}-12`;
  return `${py}-${String(pm).padStart(2, '0')}`;
}

const add = (m: Record<string, number>, k: string, n = 1) => void (m[k] = (m[k] ?? 0) + n);

/**
 * 进展: per pollutant and region, the verified year figure from the ledger (R_Y vs 2020, a sum over projects, never
 * over years, reduction.md §2), what awaits verification, the allocation, completion and level (§6), and the
 * projects, their status and type, and overdue dispatches.
 */
async function computeProgress(db: Db, year: number, today: string, rules: ReductionRules) {
  const targets = await pollutantTargets(db, rules);
  const month = chasedMonth(year, today);
  const [allocations, verified, pending, regions, filings] = await Promise.all([
    repo.listAllocations(db, targets.map((t) => t.indicatorId)),
    repo.verifiedByRegion(db, year),
    repo.pendingByRegion(db, year),
    repo.listCountyRegions(db),
    repo.monthFilings(db, month ?? `${year}-01`),
  ]);
  const expected = rules.expectedByYear[String(year)] ?? 1;
  const key = (region: string, pollutant: string) => `${region}|${pollutant}`;
  const pollutantOf = new Map(targets.map((t) => [t.indicatorId, t.pollutant]));
  const share = new Map(allocations.map((a) => [key(a.regionCode, pollutantOf.get(a.indicatorId) ?? ''), a.target]));
  const done = new Map(verified.map((v) => [key(v.regionCode, v.pollutant), Number(v.t)]));
  const rows = new Map<string, RegionRow>(regions.map((r) => [r.code, { regionCode: r.code, pollutants: [], projects: 0, overdue: 0, byStatus: {}, byType: {} }]));
  for (const f of filings) {
    const row = rows.get(f.regionCode);
    if (!row) continue;
    row.projects += 1;
    add(row.byStatus, f.status);
    add(row.byType, f.measureType);
    if (month && isDispatchOverdue({ month, today, submitted: f.submitted, projectStatus: f.status as ProjectStatus | 'verified' }, rules)) row.overdue += 1;
  }
  for (const row of rows.values()) {
    row.pollutants = POLLUTANTS.map((pollutant) => {
      const allocation = share.get(key(row.regionCode, pollutant)) ?? null;
      const t = r6(done.get(key(row.regionCode, pollutant)) ?? 0);
      const completion = completionOf(t, allocation);
      return { pollutant, allocation, verified_t: t, gap_t: allocation === null ? null : r6(allocation - t), completion, level: progressLevel(completion, expected, rules) };
    });
  }
  const sum = (xs: Array<{ pollutant: string; t: number }>, p: Pollutant) => r6(xs.filter((x) => x.pollutant === p).reduce((s, x) => s + Number(x.t), 0));
  return {
    year,
    expected,
    pollutants: targets.map((t) => {
      const v = sum(verified, t.pollutant);
      const completion = completionOf(v, t.target);
      return { pollutant: t.pollutant, target: t.target, verified_t: v, pending_t: sum(pending, t.pollutant), completion, level: progressLevel(completion, expected, rules) };
    }),
    regions: [...rows.values()],
  };
}

/** The progress view for a year; a county sees the city's totals and its own region only. */
export async function getProgress(ctx: Ctx, year: number): Promise<Progress> {
  const a = ctx.actor as UserActor;
  const today = beijingDate(ctx.now);
  const all = await computeProgress(ctx.db, year, today, await reductionRules(ctx.db, `${year}-12-31`));
  const regions = a.role === 'county' ? all.regions.filter((r) => r.regionCode === a.regionCode) : all.regions;
  const byStatus: Record<string, number> = {};
  const byType: Record<string, number> = {};
  for (const r of regions) {
    for (const [k, n] of Object.entries(r.byStatus)) add(byStatus, k, n);
    for (const [k, n] of Object.entries(r.byType)) add(byType, k, n);
  }
  return { year: all.year, expected: all.expected, pollutants: all.pollutants, regions: regions.map(({ byStatus: _s, byType: _t, ...r }) => r), byStatus, byType };
}
