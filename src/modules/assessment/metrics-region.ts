import { rowsAsOf } from '../audit/as-of';
import { and, eq, inArray, like, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { highEnergyProject, reductionDispatch, reductionDispatchEvent, reductionProject } from '../../db/schema/index';
import { noData, pct, r6 } from '../../domain/assessment/metrics';
import type { MetricKey, MetricValue } from '../../domain/assessment/model';
import { projectWarnings } from '../../domain/energy/high-energy-projects';
import { dailyCompleteness } from '../../domain/monitoring/completeness';
import { POLLUTANTS } from '../../domain/reduction/index';
import * as monRepo from '../monitoring/repo';
import { pollutantTargets, reductionRules } from '../reduction/reference';
import { referenceAt } from '../reference/service';
import { energyReviewFindings } from '../supervision/inspections.repo';
import { allocationsAsOf } from './targets-as-of';

type Metrics = Partial<Record<MetricKey, MetricValue>>;
type Accounting = { pollutants?: Array<{ pollutant: string; countable_t: number }> };

/**
 * 重点工程减排量核定完成率: per region and pollutant, the verified reductions of `year` (R_Y vs 2020, summed over
 * projects) ÷ the allocation, each capped at 1, then the mean over the pollutants allocated. A project-year counts
 * from its latest month approved before the cut-off, as the ledger would have stood then.
 */
export async function reductionMetric(db: Db, regionCodes: string[], year: number, cutoff: string, end: Date): Promise<Map<string, MetricValue>> {
  const rules = await reductionRules(db, cutoff);
  const targets = await pollutantTargets(db, rules);
  const allocations = await allocationsAsOf(db, end);
  const pollutantOf = new Map(targets.map((t) => [t.indicatorId, t.pollutant]));
  const rows = await db
    .select({ projectId: reductionDispatch.projectId, regionCode: reductionProject.regionCode, month: reductionDispatch.month, revision: reductionDispatch.revision, accounting: reductionDispatch.accounting })
    .from(reductionDispatch)
    .innerJoin(reductionDispatchEvent, eq(reductionDispatchEvent.dispatchId, reductionDispatch.id))
    .innerJoin(reductionProject, eq(reductionProject.id, reductionDispatch.projectId))
    .where(and(eq(reductionDispatchEvent.action, 'approve'), lt(reductionDispatchEvent.at, end), like(reductionDispatch.month, `${year}-%`), inArray(reductionProject.regionCode, regionCodes)));
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    if (!r.month.startsWith(`${year}-`)) continue;
    const cur = latest.get(r.projectId);
    if (!cur || cur.month < r.month || (cur.month === r.month && cur.revision < r.revision)) latest.set(r.projectId, r);
  }
  const verified = new Map<string, number>();
  for (const r of latest.values()) {
    for (const p of (r.accounting as Accounting).pollutants ?? []) verified.set(`${r.regionCode}|${p.pollutant}`, (verified.get(`${r.regionCode}|${p.pollutant}`) ?? 0) + p.countable_t);
  }
  const out = new Map<string, MetricValue>();
  for (const code of regionCodes) {
    const figures: MetricValue['figures'] = [{ label: '核定年份', value: String(year) }];
    const ratios: number[] = [];
    for (const pollutant of POLLUTANTS) {
      const alloc = allocations.find((a) => a.regionCode === code && pollutantOf.get(a.indicatorId) === pollutant);
      if (!alloc || !(alloc.target > 0)) continue;
      const t = r6(verified.get(`${code}|${pollutant}`) ?? 0);
      ratios.push(Math.min(1, Math.max(0, t / alloc.target)));
      figures.push({ label: `${pollutant} 核定/分解（吨）`, value: `${t} / ${alloc.target}（${pct(t / alloc.target)}）` });
    }
    if (!ratios.length) out.set(code, noData('未分解重点工程减排量目标', figures));
    else out.set(code, { value: r6(ratios.reduce((s, x) => s + x, 0) / ratios.length), figures: [...figures, { label: '计算口径', value: '各污染物完成率（至多100%）的平均' }] });
  }
  return out;
}

/**
 * 两高一低 / 能评未批先建: the region's listed projects that started without an approved energy review, as the list
 * stood (rows last changed before the cut-off), and the projects 节能监察 found so (an energy-review finding naming
 * the project, made before the cut-off, issue #11) in the inspected region; a project counts once.
 */
export async function twoHighMetric(db: Db, regionCodes: string[], end: Date): Promise<Map<string, MetricValue>> {
  // As the inventory stood at the cut-off: a case resolved (or a project added) later does not change the figure.
  const now = await db.select().from(highEnergyProject);
  const rows = (await rowsAsOf(db, 'high_energy_project', now, end)).filter((r) => regionCodes.includes(r.regionCode));
  const found = await energyReviewFindings(db, regionCodes, end);
  const out = new Map<string, MetricValue>();
  for (const code of regionCodes) {
    const own = rows.filter((r) => r.regionCode === code);
    const cases = own.filter((p) => projectWarnings({ stage: p.stage as never, energyReviewStatus: p.energyReviewStatus as never, eiaStatus: p.eiaStatus as never, disposal: p.disposal }).includes('energy-review-missing'));
    const listed = new Set(cases.map((p) => p.id));
    const inspected = new Set(found.filter((f) => f.regionCode === code && f.projectId !== null && !listed.has(f.projectId)).map((f) => f.projectId));
    out.set(code, {
      value: cases.length + inspected.size,
      figures: [
        { label: '两高一低项目数', value: String(own.length) },
        { label: '能评未批先建项目数', value: String(cases.length + inspected.size) },
        { label: '其中节能监察发现（清单外）', value: String(inspected.size) },
        { label: '说明', value: '按两高一低项目清单：已开工而节能审查未批复；加节能监察认定的能评未批先建项目（按项目去重）' },
      ],
    });
  }
  return out;
}

const DAY_MS = 86_400_000;

/** 有效传输率: the mean over the region's stations (registered before the cut-off) and days of the period up to it. */
export async function monitoringMetric(db: Db, regionCodes: string[], years: number[], cutoff: string, end: Date): Promise<Map<string, MetricValue>> {
  const from = `${years[0]}-01-01`;
  const lastDay = `${years.at(-1)}-12-31`;
  const to = cutoff < lastDay ? cutoff : lastDay;
  const out = new Map<string, MetricValue>();
  if (to < from) {
    for (const code of regionCodes) out.set(code, noData('截止日早于考核期'));
    return out;
  }
  const rules = (await referenceAt(db, 'monitoring-rules', to)).value;
  const stations = (await monRepo.listStations(db, { all: true }, {})).map((s) => s.station).filter((s) => regionCodes.includes(s.regionCode) && s.createdAt < end);
  const start = new Date(`${from}T00:00:00+08:00`);
  const stop = new Date(Date.parse(`${to}T00:00:00+08:00`) + DAY_MS);
  const hours = await monRepo.hourFlags(db, stations.map((s) => s.id), start, stop);
  const byStation = new Map<number, typeof hours>();
  for (const h of hours) {
    const list = byStation.get(h.stationId);
    if (list) list.push(h);
    else byStation.set(h.stationId, [h]);
  }
  for (const code of regionCodes) {
    const own = stations.filter((s) => s.regionCode === code);
    if (!own.length) {
      out.set(code, noData('辖区无在线监测站点'));
      continue;
    }
    const rates = own.map((s) => {
      const days = dailyCompleteness(byStation.get(s.id) ?? [], from, to, rules);
      return days.length ? days.reduce((a, d) => a + d.effectiveRate, 0) / days.length : 0;
    });
    const mean = r6(rates.reduce((a, x) => a + x, 0) / rates.length);
    out.set(code, { value: mean, figures: [{ label: '站点数', value: String(own.length) }, { label: '统计区间', value: `${from} 至 ${to}` }, { label: '平均有效传输率', value: pct(mean) }] });
  }
  return out;
}
