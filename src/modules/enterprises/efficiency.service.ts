import { type EfficiencyClass, classify, shareAtBenchmark } from '../../domain/energy/benchmark';
import { canReadEnterprise, canWriteEnterprise } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { effectiveAt } from '../../domain/reference/versions';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { referenceVersions } from '../reference/service';
import * as repo from './repo';

type Benchmarks = { goalShare: number; products: Array<{ code: string; name: string; unit: string; industry: string; benchmark: number; baseline: number; source: string }> };

async function benchmarksAt(ctx: Ctx, year: number) {
  const v = effectiveAt(await referenceVersions(ctx.db, ctx.now.getTime()), 'efficiency-benchmarks', `${year}-12-31`);
  if (!v) throw new AppError('validation', `${year} 年没有生效的能效标杆水平`, { field: 'year' });
  return { ...(v.value as Benchmarks), source: v.source };
}

/** An enterprise's product line for a year: capacity and unit consumption, classed against the benchmark in force. */
export async function setProductEfficiency(ctx: Ctx, enterpriseId: number, body: { year: number; productCode: string; capacity: number; capacityUnit: string; unitConsumption: number }) {
  const e = await repo.findEnterprise(ctx.db, enterpriseId);
  if (!e || !canReadEnterprise(ctx.actor, e)) throw new AppError('not-found', `企业 ${enterpriseId} 不存在`);
  if (!canWriteEnterprise(ctx.actor, e)) throw new AppError('forbidden', `无权填报 ${e.name} 的产品能效`);
  const b = await benchmarksAt(ctx, body.year);
  const product = b.products.find((p) => p.code === body.productCode);
  if (!product) throw new AppError('validation', `产品“${body.productCode}”不在能效标杆目录中`, { pointer: '#/productCode', field: 'productCode' });
  return ctx.db.transaction(async (tx) => {
    const row = await repo.upsertProductEfficiency(tx, { enterpriseId, ...body, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'setProductEfficiency', entity: 'product_efficiency', entityId: `${enterpriseId}:${body.year}:${body.productCode}`, after: row });
    return { ...row, productName: product.name, class: classify(body.unitConsumption, product) };
  });
}

/**
 * 能效标杆水平产能占比: per industry, the share of capacity at benchmark level against the plan's goal (> 30 %),
 * and the below-baseline lines to retrofit or exit. Counties and departments see their scope; the city all.
 */
export async function benchmarkShare(ctx: Ctx, year: number) {
  const b = await benchmarksAt(ctx, year);
  const products = new Map(b.products.map((p) => [p.code, p]));
  const lines = (await repo.listProductEfficiency(ctx.db, year)).filter((l) => canReadEnterprise(ctx.actor, l.enterprise));
  const classed = lines.flatMap((l) => {
    const p = products.get(l.productCode);
    return p ? [{ ...l, product: p, class: classify(l.unitConsumption, p) as EfficiencyClass }] : [];
  });
  const industries = [...new Set(classed.map((c) => c.product.industry))].sort();
  return {
    year,
    goalShare: b.goalShare,
    source: b.source,
    industries: industries.map((industry) => {
      const own = classed.filter((c) => c.product.industry === industry);
      return { industry, units: own.length, ...shareAtBenchmark(own.map((c) => ({ capacity: c.capacity, class: c.class })), b.goalShare) };
    }),
    belowBaseline: classed
      .filter((c) => c.class === 'below-baseline')
      .map((c) => ({ enterpriseId: c.enterprise.id, enterpriseName: c.enterprise.name, regionCode: c.enterprise.regionCode, product: c.product.name, capacity: c.capacity, capacityUnit: c.capacityUnit, unitConsumption: c.unitConsumption, baseline: c.product.baseline, unit: c.product.unit })),
  };
}
