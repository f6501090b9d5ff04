import { AppError } from '../../domain/errors';
import { assessProgress } from '../../domain/progress/status';
import { type IndicatorTerms, expectedValue, forecastAtTarget } from '../../domain/progress/trajectory';
import { beijingDate, dueState, elapsedYears, type Frequency, periodFromKey, periodsOf } from '../../domain/reporting/calendar';
import type { Ctx } from '../../server/context';
import * as orgRepo from '../org/repo';
import { getPlanTree } from '../plan/service';
import { type Entry, type Reporter, entriesFor, latestByThread, threadKey } from './calendar.service';
import { reportingReference } from './reference';
import * as repo from './repo';
import { cadenceOf } from './service';

/**
 * 进展总览: every city indicator with its latest approved value, the expected value on its path,
 * its status by the one rule, and the forecast for the target year; and who is late with reports.
 */
export async function getOverview(ctx: Ctx, planCode: string, year: number) {
  const { tree } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  if (year < tree.periodStart || year > tree.periodEnd) throw new AppError('validation', `${year} 年不在方案期内`, { field: 'query.year' });
  const rule = reportingReference().progressStatus;
  const approved = await repo.listReports(ctx.db, { all: true }, { status: 'approved', regionCode: tree.regionCode }, 100_000);
  const byIndicator = new Map<number, typeof approved>();
  for (const r of approved) if (r.indicatorId !== null) byIndicator.set(r.indicatorId, [...(byIndicator.get(r.indicatorId) ?? []), r]);

  const indicators = tree.chapters.flatMap((c) =>
    c.sections.flatMap((s) =>
      s.indicators.map((x) => {
        const terms: IndicatorTerms = x;
        const baseline = x.baselineYear ?? tree.baselineYear;
        const points = (byIndicator.get(x.id) ?? [])
          .map((r) => ({ r, p: periodFromKey(r.periodKey, 0) }))
          .filter((e): e is { r: (typeof approved)[number]; p: NonNullable<ReturnType<typeof periodFromKey>> } => e.p !== null && e.p.year <= year && e.r.value !== null)
          .map(({ r, p }) => ({ periodKey: r.periodKey, t: elapsedYears(p, baseline), value: r.value! }))
          .sort((a, b) => a.t - b.t);
        const latest = points.at(-1) ?? null;
        const t = latest?.t ?? year - baseline;
        const assessment = assessProgress(terms, t, latest?.value ?? null, rule);
        return {
          id: x.id,
          code: x.code,
          name: x.name,
          unit: x.unit,
          comparison: x.comparison,
          target: x.target,
          stretch: x.stretch,
          latest,
          expected: expectedValue(terms, t),
          forecast: forecastAtTarget(terms, points),
          points,
          ...assessment,
        };
      }),
    ),
  );
  return { year, today: beijingDate(ctx.now), statusRule: rule, indicators, lateReporters: await lateReporters(ctx, tree, year) };
}

/** Departments, counties and zones with overdue reports in the year, most overdue first. */
async function lateReporters(ctx: Ctx, tree: Parameters<typeof entriesFor>[0], year: number) {
  const today = beijingDate(ctx.now);
  const reports = await repo.listReports(ctx.db, { all: true }, { year }, 200_000);
  const latest = latestByThread(reports);
  const departments = await orgRepo.listDepartments(ctx.db);
  const regions = (await orgRepo.listRegions(ctx.db)).filter((r) => r.kind !== 'city');
  const reporters: Array<{ who: Reporter; name: string; key: string }> = [
    ...departments.map((d) => ({ who: { kind: 'department', id: d.id } as Reporter, name: d.name, key: `department:${d.id}` })),
    ...regions.map((r) => ({ who: { kind: 'region', code: r.code } as Reporter, name: r.name, key: `region:${r.code}` })),
  ];
  const cadences = new Map<string, { frequency: string; dueDays: number }>();
  const cadence = async (e: Entry) => {
    const k = `${e.kind}:${e.itemId}`;
    if (!cadences.has(k)) cadences.set(k, await cadenceOf(ctx.db, e.kind === 'indicator' ? { indicatorId: e.itemId } : { taskId: e.itemId }));
    return cadences.get(k)!;
  };
  const { dueSoonDays } = reportingReference().reporting;
  const out = [];
  for (const r of reporters) {
    let overdue = 0;
    for (const e of entriesFor(tree, r.who)) {
      const c = await cadence(e);
      for (const p of periodsOf(c.frequency as Frequency, year, c.dueDays)) {
        const got = latest.get(threadKey({ indicatorId: e.kind === 'indicator' ? e.itemId : null, taskId: e.kind === 'task' ? e.itemId : null, periodKey: p.key, regionCode: e.regionCode }));
        if (dueState(p, today, got !== undefined && got.status !== 'returned', dueSoonDays) === 'overdue') overdue++;
      }
    }
    if (overdue > 0) out.push({ key: r.key, kind: r.who.kind, name: r.name, overdue });
  }
  return out.sort((a, b) => b.overdue - a.overdue);
}
