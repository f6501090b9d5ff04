import type { Comparison } from '../../domain/plan/plan-file';
import { checkAllocation } from '../../domain/reporting/allocation';
import { AppError } from '../../domain/errors';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import * as repo from './repo';

async function indicatorOrThrow(ctx: Ctx, id: number) {
  const x = await repo.findIndicatorTerms(ctx.db, id);
  if (!x) throw new AppError('not-found', `指标 ${id} 不存在`);
  return x;
}

type Share = { regionCode: string; target: number; baselineValue: number | null };

function view(x: NonNullable<Awaited<ReturnType<typeof repo.findIndicatorTerms>>>, shares: Share[], withCheck: boolean) {
  return {
    indicator: { id: x.id, code: x.code, name: x.name, unit: x.unit, target: x.target, stretch: x.stretch, comparison: x.comparison },
    shares: shares.map((s) => ({ regionCode: s.regionCode, target: s.target, baselineValue: s.baselineValue })),
    check: withCheck ? checkAllocation({ ...x, comparison: x.comparison as Comparison }, shares) : null,
  };
}

/** A city indicator's shares by county and zone, and whether they add up; a county sees only its own share. */
export async function getAllocations(ctx: Ctx, indicatorId: number) {
  const x = await indicatorOrThrow(ctx, indicatorId);
  const a = ctx.actor;
  const own = a.kind === 'user' && a.role === 'county' ? a.regionCode ?? '' : undefined;
  const shares = await repo.listAllocations(ctx.db, { indicatorId, regionCode: own });
  return view(x, shares, own === undefined);
}

/** Shares go to counties and zones only, each once; the error points at the share at fault. */
export async function checkShareRegions(ctx: Ctx, shares: ReadonlyArray<{ regionCode: string }>) {
  const regions = new Map((await orgRepo.listRegions(ctx.db)).map((r) => [r.code, r]));
  const seen = new Set<string>();
  shares.forEach((s, i) => {
    const r = regions.get(s.regionCode);
    const where = { pointer: `#/shares/${i}/regionCode`, field: `shares.${i}.regionCode` };
    if (!r || r.kind === 'city') throw new AppError('validation', `${s.regionCode} 不是县（市、区）或功能区`, where);
    if (seen.has(s.regionCode)) throw new AppError('validation', `${r.name} 重复`, where);
    seen.add(s.regionCode);
  });
}

/** Sets all shares of one indicator at once (the steering office), audited, all or nothing. */
export async function setAllocations(ctx: Ctx, indicatorId: number, shares: Share[]) {
  const x = await indicatorOrThrow(ctx, indicatorId);
  await checkShareRegions(ctx, shares);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.listAllocations(tx, { indicatorId });
    await repo.replaceAllocations(tx, indicatorId, shares, ctx.now);
    await recordAudit(tx, ctx, { action: 'setAllocations', entity: 'target_allocation', entityId: x.code, before, after: shares });
    return view(x, shares, true);
  });
}
