import type { UserActor } from '../../domain/access';
import type { Comparison } from '../../domain/plan/plan-file';
import { AppError } from '../../domain/errors';
import { beijingDate } from '../../domain/reporting/calendar';
import { checkAllocation } from '../../domain/reporting/allocation';
import { type Pollutant, splitByPotential } from '../../domain/reduction/index';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { checkShareRegions } from '../reporting/allocations.service';
import { type PollutantTarget, pollutantTargets, reductionRules } from './reference';
import * as repo from './repo';

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The year whose verified figures are set against the shares: this year, within 2021 and the target year. */
const viewYear = (ctx: Ctx, targetYear: number) => Math.min(Math.max(Number(beijingDate(ctx.now).slice(0, 4)), 2021), targetYear);

/**
 * 目标分解 of the four pollutant targets (reduction.md §6): each region's share with its reason, its verified
 * tonnes and gap, whether the shares add up, and the default split by potential (Σ 计划减排量 of its registered
 * projects). A county sees only its own share.
 */
export async function getAllocations(ctx: Ctx) {
  const a = ctx.actor as UserActor;
  const own = a.role === 'county' ? (a.regionCode ?? '') : undefined;
  const rules = await reductionRules(ctx.db, beijingDate(ctx.now));
  const targets = await pollutantTargets(ctx.db, rules);
  const [allocations, planned] = await Promise.all([repo.listAllocations(ctx.db, targets.map((t) => t.indicatorId), own), own === undefined ? repo.plannedByRegion(ctx.db) : []]);
  const verifiedByYear = new Map<number, Awaited<ReturnType<typeof repo.verifiedByRegion>>>();
  const pollutants = [];
  for (const t of targets) {
    const year = viewYear(ctx, t.targetYear);
    if (!verifiedByYear.has(year)) verifiedByYear.set(year, await repo.verifiedByRegion(ctx.db, year));
    const verified = verifiedByYear.get(year)!;
    const shares = allocations
      .filter((s) => s.indicatorId === t.indicatorId)
      .map((s) => {
        const v = r6(verified.filter((x) => x.regionCode === s.regionCode && x.pollutant === t.pollutant).reduce((sum, x) => sum + Number(x.t), 0));
        return { regionCode: s.regionCode, target: s.target, reason: s.reason, verified_t: v, gap_t: r6(s.target - v) };
      });
    const check = own === undefined ? checkAllocation({ target: t.target, stretch: t.stretch, unit: t.unit, comparison: t.comparison as Comparison }, shares) : null;
    const potentials = planned.filter((x) => x.pollutant === t.pollutant && x.t > 0).map((x) => ({ regionCode: x.regionCode, potential: x.t }));
    const split = new Map(splitByPotential(t.target, potentials).map((s) => [s.regionCode, s.target]));
    pollutants.push({
      pollutant: t.pollutant,
      indicatorId: t.indicatorId,
      target: t.target,
      shares,
      sum: check?.additive ? check.sum : null,
      gap: check?.additive ? check.gap : null,
      isCovered: check?.additive ? check.isCovered : null,
      suggested: own === undefined ? potentials.map((p) => ({ regionCode: p.regionCode, potential_t: r6(p.potential), target: split.get(p.regionCode) ?? 0 })) : null,
    });
  }
  return { pollutants };
}

/** Sets all regions' shares of one pollutant target at once, with their reasons (the city), audited, all or nothing. */
export async function setAllocations(ctx: Ctx, pollutant: Pollutant, shares: Array<{ regionCode: string; target: number; reason: string }>) {
  const rules = await reductionRules(ctx.db, beijingDate(ctx.now));
  const t: PollutantTarget | undefined = (await pollutantTargets(ctx.db, rules)).find((x) => x.pollutant === pollutant);
  if (!t) throw new AppError('not-found', `${pollutant} 的减排目标指标（${rules.targetIndicators[pollutant] ?? '—'}）未载入`);
  await checkShareRegions(ctx, shares);
  await ctx.db.transaction(async (tx) => {
    const before = await repo.listAllocations(tx, [t.indicatorId]);
    await repo.replaceAllocations(tx, t.indicatorId, shares, ctx.now);
    await recordAudit(tx, ctx, { action: 'setReductionAllocations', entity: 'target_allocation', entityId: `${t.code}:${pollutant}`, before, after: shares });
  });
  return getAllocations(ctx);
}
