import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { department, indicatorDepartment, taskDepartment } from '../../db/schema/index';
import { cutoffEnd, periodYears } from '../../domain/assessment/metrics';
import type { MetricKey, MetricValue } from '../../domain/assessment/model';
import * as orgRepo from '../org/repo';
import { energyMetrics } from './metrics-energy';
import { monitoringMetric, reductionMetric, twoHighMetric } from './metrics-region';
import { reportingMetrics } from './metrics-reporting';

/** One assessed subject with its computed metrics as of a cut-off (issue #9 item 3). */
export type SubjectMetrics = { key: string; name: string; metrics: Partial<Record<MetricKey, MetricValue>> };

/**
 * The subjects of an assessment and the value of every metric as of `cutoff` (YYYY-MM-DD, inclusive), each with the
 * figures it came from: for subject 'region' the 18 counties/districts and 2 zones, for 'department' the plan's
 * responsible departments. `period` is a year ('2023') or the whole plan period ('2021-2025'). Only data dated
 * (approved, verified, received) on or before the cut-off counts, so the same cut-off always gives the same values.
 * A metric without data is { value: null, figures: [{ label: '说明', value: why }] }.
 */
export async function computeMetrics(db: Db, subject: 'region' | 'department', period: string, cutoff: string): Promise<SubjectMetrics[]> {
  const years = periodYears(period);
  const end = cutoffEnd(cutoff);
  if (subject === 'department') {
    const owners = new Set([...(await db.select({ id: taskDepartment.departmentId }).from(taskDepartment)), ...(await db.select({ id: indicatorDepartment.departmentId }).from(indicatorDepartment))].map((r) => r.id));
    const depts = owners.size ? await db.select().from(department).where(inArray(department.id, [...owners])).orderBy(asc(department.sort), asc(department.id)) : [];
    const reporting = await reportingMetrics(db, depts.map((d) => ({ kind: 'department' as const, id: d.id })), years, cutoff, end);
    return depts.map((d) => ({ key: d.code, name: d.name, metrics: reporting.get(String(d.id)) ?? {} }));
  }
  const regions = (await orgRepo.listRegions(db)).filter((r) => r.kind !== 'city');
  const codes = regions.map((r) => r.code);
  const [energy, reduction, twoHigh, monitoring, reporting] = await Promise.all([
    energyMetrics(db, codes, years, end),
    reductionMetric(db, codes, years.at(-1)!, cutoff, end),
    twoHighMetric(db, codes, end),
    monitoringMetric(db, codes, years, cutoff, end),
    reportingMetrics(db, codes.map((code) => ({ kind: 'region' as const, code })), years, cutoff, end),
  ]);
  return regions.map((r) => {
    const rep = reporting.get(r.code) ?? {};
    const metrics: Partial<Record<MetricKey, MetricValue>> = { ...energy.get(r.code) };
    for (const [k, v] of [['reduction-verified', reduction.get(r.code)], ['two-high-cases', twoHigh.get(r.code)], ['monitoring-completeness', monitoring.get(r.code)]] as const) if (v) metrics[k] = v;
    if (rep['indicators-on-track']) metrics['indicators-on-track'] = rep['indicators-on-track'];
    if (rep['reports-on-time']) metrics['reports-on-time'] = rep['reports-on-time'];
    return { key: r.code, name: r.name, metrics };
  });
}
