import { canReadEnterprise } from '../../domain/access';
import { REPORT_UNITS, type ReportUnit } from '../../domain/energy/conversion';
import { AppError } from '../../domain/errors';
import { type MeteredTotal, type ReportedLine, compareMeteredWithReported } from '../../domain/metering/compare';
import type { Ctx } from '../../server/context';
import { referenceAt } from '../reference/service';
import * as repo from './repo';
import type { SeriesQuery } from './schemas';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// China Standard Time has no daylight saving: a calendar year starts at 00:00+08:00 on 1 January.
const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);

/** The enterprise if the actor may read it; another county's or enterprise's is a 404, so existence does not leak. */
async function readableEnterprise(ctx: Ctx, id: number) {
  const e = await repo.findEnterprise(ctx.db, id);
  if (!e || !canReadEnterprise(ctx.actor, e)) throw new AppError('not-found', `企业 ${id} 不存在`);
  return e;
}

/** An enterprise's meters with their latest reading. */
export async function listEnterpriseMeters(ctx: Ctx, enterpriseId: number) {
  const e = await readableEnterprise(ctx, enterpriseId);
  const rows = await repo.listMeterStates(ctx.db, [e.id]);
  return {
    enterpriseId: e.id,
    uscc: e.uscc,
    name: e.name,
    meters: rows.map(({ lastTs, lastValue, ...m }) => ({ ...m, latest: lastTs && lastValue !== null ? { ts: lastTs, value: lastValue } : null })),
  };
}

// Longest window a series answers at once, per granularity (hourly: 31 days; daily: 2 years; monthly: 10 years).
const MAX_SPAN_MS = { hour: 31 * DAY_MS, day: 731 * DAY_MS, month: 3653 * DAY_MS } as const;
const DEFAULT_SPAN_MS = { hour: 2 * DAY_MS, day: 31 * DAY_MS, month: 366 * DAY_MS } as const;

/** A meter's use per hour, day or month. */
export async function getMeterSeries(ctx: Ctx, meterId: number, q: SeriesQuery) {
  const m = await repo.findMeter(ctx.db, meterId);
  if (!m || !canReadEnterprise(ctx.actor, { id: m.enterpriseId, regionCode: m.regionCode })) throw new AppError('not-found', `计量表 ${meterId} 不存在`);
  const to = q.to ? new Date(q.to) : ctx.now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_SPAN_MS[q.granularity]);
  if (from >= to) throw new AppError('validation', '起始时间须早于结束时间', { pointer: '#/from', field: 'from' });
  if (to.getTime() - from.getTime() > MAX_SPAN_MS[q.granularity]) throw new AppError('validation', '查询时间跨度过大，请缩小范围或改用更粗的粒度', { pointer: '#/from', field: 'from' });
  const points = await repo.meterSeries(ctx.db, m.id, q.granularity, from, to);
  return { meterId: m.id, unit: m.unit, granularity: q.granularity, from, to, points };
}

/** Readings and messages the gateway refused, newest first (city administrators and the steering office). */
export async function listMeterRejections(ctx: Ctx, q: { limit: number; reason?: string }) {
  return repo.listRejections(ctx.db, q.limit, q.reason);
}

/** 在线监测 vs 年度报告: the metered annual use per carrier against the enterprise's report for the year. */
export async function compareMeteredWithReport(ctx: Ctx, enterpriseId: number, year: number) {
  const e = await readableEnterprise(ctx, enterpriseId);
  const from = yearStart(year);
  const end = yearStart(year + 1);
  const to = ctx.now < end ? ctx.now : end;
  const expectedHours = Math.max(0, Math.floor((to.getTime() - from.getTime()) / HOUR_MS));
  const rules = await referenceAt(ctx.db, 'metering-rules', `${year}-12-31`);
  const totals = await repo.meteredTotals(ctx.db, e.id, from, end);
  const metered: MeteredTotal[] = [];
  const unassignedMeters: number[] = [];
  for (const t of totals) {
    const unit = REPORT_UNITS[t.unit as ReportUnit];
    if (!t.carrier || !unit) {
      unassignedMeters.push(t.meterId);
      continue;
    }
    metered.push({ carrier: t.carrier, baseUnit: unit[0], quantity: t.quantity * unit[1], hoursWithData: t.hoursWithData });
  }
  const report = await repo.currentReport(ctx.db, e.id, year);
  const lines = (Array.isArray(report?.lines) ? report.lines : []) as ReportedLine[];
  return {
    enterpriseId: e.id,
    year,
    report: report ? { id: report.id, revision: report.revision, status: report.status } : null,
    expectedHours,
    rules: { deviationMax: rules.value.deviationMax, completenessMin: rules.value.completenessMin, referenceVersionId: rules.id },
    carriers: compareMeteredWithReported(metered, lines, expectedHours, rules.value),
    unassignedMeters,
  };
}
