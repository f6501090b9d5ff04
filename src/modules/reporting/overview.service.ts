import { AppError } from '../../domain/errors';
import { assessProgress } from '../../domain/progress/status';
import { type IndicatorTerms, expectedValue, forecastAtTarget } from '../../domain/progress/trajectory';
import { beijingDate, dueState, elapsedYears, type Frequency, periodFromKey, periodsOf } from '../../domain/reporting/calendar';
import type { Ctx } from '../../server/context';
import * as orgRepo from '../org/repo';
import { getPlanTree } from '../plan/service';
import { type Reporter, entriesFor, threadKey } from './calendar.service';
import { reportingReference } from './reference';
import * as repo from './repo';
import { cadenceLookup } from './service';

/**
 * 进展总览: every city indicator with its latest approved value, the expected value on its path,
 * its status by the one rule, and the forecast for the target year; and who is late with reports.
 */
export async function computeOverview(ctx: Ctx, planCode: string, year: number) {
  const { tree } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  if (year < tree.periodStart || year > tree.periodEnd) throw new AppError('validation', `${year} 年不在方案期内`, { field: 'query.year' });
  const rule = reportingReference().progressStatus;
  const approved = await repo.listReports(ctx.db, { all: true }, { status: 'approved', regionCode: tree.regionCode }, 100_000);
  const byIndicator = new Map<number, typeof approved>();
  for (const r of approved) {
    if (r.indicatorId === null) continue;
    const list = byIndicator.get(r.indicatorId);
    if (list) list.push(r);
    else byIndicator.set(r.indicatorId, [r]);
  }

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
  const filed = new Set((await repo.listFiledThreads(ctx.db, year)).map(threadKey));
  const departments = await orgRepo.listDepartments(ctx.db);
  const regions = (await orgRepo.listRegions(ctx.db)).filter((r) => r.kind !== 'city');
  const reporters: Array<{ who: Reporter; name: string; key: string }> = [
    ...departments.map((d) => ({ who: { kind: 'department', id: d.id } as Reporter, name: d.name, key: `department:${d.id}` })),
    ...regions.map((r) => ({ who: { kind: 'region', code: r.code } as Reporter, name: r.name, key: `region:${r.code}` })),
  ];
  const cadenceOf = await cadenceLookup(ctx.db);
  const periodCache = new Map<string, ReturnType<typeof periodsOf>>();
  const periodsMemo = (f: Frequency, dueDays: number) => {
    const k = `${f}:${dueDays}`;
    if (!periodCache.has(k)) periodCache.set(k, periodsOf(f, year, dueDays));
    return periodCache.get(k)!;
  };
  const { dueSoonDays } = reportingReference().reporting;
  const out = [];
  for (const r of reporters) {
    let overdue = 0;
    for (const e of entriesFor(tree, r.who)) {
      const c = cadenceOf(e.kind, e.itemId);
      for (const p of periodsMemo(c.frequency as Frequency, c.dueDays)) {
        const key = threadKey({ indicatorId: e.kind === 'indicator' ? e.itemId : null, taskId: e.kind === 'task' ? e.itemId : null, periodKey: p.key, regionCode: e.regionCode });
        if (dueState(p, today, filed.has(key), dueSoonDays) === 'overdue') overdue++;
      }
    }
    if (overdue > 0) out.push({ key: r.key, kind: r.who.kind, name: r.name, overdue });
  }
  return out.sort((a, b) => b.overdue - a.overdue);
}

type CachedOverview = { version: string; json: Buffer };
// The overview changes only when a report moves, a rule changes, the plan is reloaded or the day turns.
const overviewCaches = new WeakMap<Ctx['db'], Map<string, CachedOverview>>();

/** The overview as JSON bytes, recomputed only when its inputs moved. */
export async function getOverviewJson(ctx: Ctx, planCode: string, year: number, serialize: (o: Awaited<ReturnType<typeof computeOverview>>) => string): Promise<Buffer> {
  const { contentHash } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  const version = `${await repo.reportingVersion(ctx.db)}|${contentHash}|${beijingDate(ctx.now)}`;
  let cache = overviewCaches.get(ctx.db);
  if (!cache) overviewCaches.set(ctx.db, (cache = new Map()));
  const key = `${planCode}:${year}`;
  const hit = cache.get(key);
  if (hit?.version === version) return hit.json;
  const json = Buffer.from(serialize(await computeOverview(ctx, planCode, year)));
  cache.set(key, { version, json });
  return json;
}
