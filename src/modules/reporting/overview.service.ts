import { AppError } from '../../domain/errors';
import type { IndicatorNode, PlanTree } from '../../domain/plan/model';
import { regionalTerms } from '../../domain/reporting/allocation';
import { assessProgress } from '../../domain/progress/status';
import { type IndicatorTerms, expectedValue, forecastAtTarget } from '../../domain/progress/trajectory';
import { beijingDate, dueState, elapsedYears, type Frequency, periodFromKey, periodsOf } from '../../domain/reporting/calendar';
import type { Ctx } from '../../server/context';
import * as orgRepo from '../org/repo';
import { getPlanTree } from '../plan/service';
import { referenceFingerprint } from '../reference/service';
import { type Allocated, type Reporter, entriesFor, threadKey } from './calendar.service';
import { reportingReference } from './reference';
import * as repo from './repo';
import { cadenceLookup } from './service';

/** Whose progress a dashboard shows: the whole city, one department's items, or one county's or zone's share. */
export type Focus = { kind: 'city' } | { kind: 'department'; id: number } | { kind: 'region'; code: string };

type Approved = Awaited<ReturnType<typeof repo.listReports>>[number];

/**
 * What a dashboard of a year is computed from, read once: the approved reports of the one region it shows
 * (the city's for the city and department views), or every region's indicator reports for the map.
 */
async function loadInputs(ctx: Ctx, planCode: string, year: number, focus: Focus | 'map') {
  const { tree } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  if (year < tree.periodStart || year > tree.periodEnd) throw new AppError('validation', `${year} 年不在方案期内`, { field: 'query.year' });
  const today = beijingDate(ctx.now);
  const reference = await reportingReference(ctx.db, today);
  const filter: repo.ReportFilter = focus === 'map' ? { indicatorsOnly: true } : { regionCode: focus.kind === 'region' ? focus.code : tree.regionCode };
  const approved = await repo.listReports(ctx.db, { all: true }, { ...filter, status: 'approved' }, 1_000_000);
  const byThread = new Map<string, Approved[]>(); // indicator or task × region → its approved reports
  for (const r of approved) {
    const k = `${r.indicatorId ?? ''}|${r.taskId ?? ''}|${r.regionCode}`;
    const list = byThread.get(k);
    if (list) list.push(r);
    else byThread.set(k, [r]);
  }
  const allocations = await repo.listAllocations(ctx.db, {});
  const regions = (await orgRepo.listRegions(ctx.db)).filter((r) => r.kind !== 'city');
  const late = await lateReporters(ctx, tree, year, allocations, regions, reference.reporting.dueSoonDays);
  return { tree, year, today, rule: reference.progressStatus, byThread, allocations, regions, late };
}
type Inputs = Awaited<ReturnType<typeof loadInputs>>;

function indicatorRow(inputs: Inputs, x: IndicatorNode, terms: IndicatorTerms, regionCode: string) {
  const baseline = x.baselineYear ?? inputs.tree.baselineYear;
  const points = (inputs.byThread.get(`${x.id}||${regionCode}`) ?? [])
    .map((r) => ({ r, p: periodFromKey(r.periodKey, 0) }))
    .filter((e) => e.p !== null && e.p.year <= inputs.year && e.r.value !== null)
    .map(({ r, p }) => ({ periodKey: r.periodKey, t: elapsedYears(p!, baseline), value: r.value! }))
    .sort((a, b) => a.t - b.t);
  const latest = points.at(-1) ?? null;
  const t = latest?.t ?? inputs.year - baseline;
  return {
    id: x.id,
    code: x.code,
    name: x.name,
    unit: x.unit,
    comparison: x.comparison,
    target: terms.target,
    stretch: terms.stretch,
    latest,
    expected: expectedValue(terms, t),
    forecast: forecastAtTarget(terms, points),
    points,
    ...assessProgress(terms, t, latest?.value ?? null, inputs.rule),
  };
}

function indicatorsOf(inputs: Inputs, focus: Focus) {
  const all = inputs.tree.chapters.flatMap((c) => c.sections.flatMap((s) => s.indicators));
  if (focus.kind === 'region') {
    return inputs.allocations
      .filter((a) => a.regionCode === focus.code)
      .flatMap((a) => {
        const x = all.find((i) => i.id === a.indicatorId);
        return x ? [indicatorRow(inputs, x, regionalTerms(x, a), focus.code)] : [];
      });
  }
  const own = focus.kind === 'city' ? all : all.filter((x) => x.departments.some((d) => d.id === focus.id));
  return own.map((x) => indicatorRow(inputs, x, x, inputs.tree.regionCode));
}

/** The tasks the focus answers for, each with its latest approved progress up to the year. */
function tasksOf(inputs: Inputs, focus: Focus) {
  const who: Reporter = focus.kind === 'region' ? { kind: 'region', code: focus.code } : focus.kind === 'department' ? { kind: 'department', id: focus.id } : { kind: 'city' };
  return entriesFor(inputs.tree, who, [])
    .filter((e) => e.kind === 'task')
    .map((e) => {
      const latest = (inputs.byThread.get(`|${e.itemId}|${e.regionCode}`) ?? [])
        .filter((r) => (periodFromKey(r.periodKey, 0)?.year ?? Infinity) <= inputs.year)
        .sort((a, b) => a.periodKey.localeCompare(b.periodKey) || a.revision - b.revision)
        .at(-1);
      return {
        id: e.itemId,
        code: e.code,
        text: e.name,
        regionCode: e.regionCode,
        latest: latest ? { periodKey: latest.periodKey, taskStatus: latest.taskStatus as never, percentComplete: latest.percentComplete, narrative: latest.narrative } : null,
      };
    });
}

const focusKey = (f: Focus) => (f.kind === 'city' ? 'city' : f.kind === 'department' ? `department:${f.id}` : `region:${f.code}`);

function overviewOf(inputs: Inputs, focus: Focus) {
  const key = focusKey(focus);
  return {
    year: inputs.year,
    today: inputs.today,
    statusRule: inputs.rule,
    indicators: indicatorsOf(inputs, focus),
    tasks: tasksOf(inputs, focus),
    // The city sees everyone who is late; a department or county its own line.
    lateReporters: focus.kind === 'city' ? inputs.late : inputs.late.filter((l) => l.key === key),
  };
}

/** 进展总览: indicators with their latest approved value, expected value, status and forecast; tasks; who is late. */
export async function computeOverview(ctx: Ctx, planCode: string, year: number, focus: Focus = { kind: 'city' }) {
  return overviewOf(await loadInputs(ctx, planCode, year, focus), focus);
}

/** 县区进展地图: for each county and zone, how many of its allocated indicators are achieved or on track. */
export async function computeRegionMap(ctx: Ctx, planCode: string, year: number) {
  const inputs = await loadInputs(ctx, planCode, year, 'map');
  const overdue = new Map(inputs.late.map((l) => [l.key, l.overdue]));
  return {
    year,
    regions: inputs.regions.map((r) => {
      const rows = indicatorsOf(inputs, { kind: 'region', code: r.code });
      const assessed = rows.filter((x) => x.status !== 'unknown').length;
      const onTrack = rows.filter((x) => x.status === 'achieved' || x.status === 'on-track').length;
      return { regionCode: r.code, name: r.name, kind: r.kind, indicators: rows.length, assessed, onTrack, share: assessed > 0 ? onTrack / assessed : null, overdue: overdue.get(`region:${r.code}`) ?? 0 };
    }),
  };
}

/** Departments, counties and zones with overdue reports in the year, most overdue first. */
async function lateReporters(ctx: Ctx, tree: PlanTree, year: number, allocations: Allocated, regions: Array<{ code: string; name: string }>, dueSoonDays: number) {
  const today = beijingDate(ctx.now);
  const filed = new Set((await repo.listFiledThreads(ctx.db, year)).map(threadKey));
  const departments = await orgRepo.listDepartments(ctx.db);
  const reporters: Array<{ who: Reporter; name: string; key: string }> = [
    ...departments.map((d) => ({ who: { kind: 'department', id: d.id } as Reporter, name: d.name, key: `department:${d.id}` })),
    ...regions.map((r) => ({ who: { kind: 'region', code: r.code } as Reporter, name: r.name, key: `region:${r.code}` })),
  ];
  const cadenceOf = await cadenceLookup(ctx.db, today);
  const periodCache = new Map<string, ReturnType<typeof periodsOf>>();
  const periodsMemo = (f: Frequency, dueDays: number) => {
    const k = `${f}:${dueDays}`;
    if (!periodCache.has(k)) periodCache.set(k, periodsOf(f, year, dueDays));
    return periodCache.get(k)!;
  };
  const out = [];
  for (const r of reporters) {
    let overdue = 0;
    for (const e of entriesFor(tree, r.who, allocations)) {
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

type CachedJson = { version: string; json: Buffer };
// Dashboards change only when a report moves, a rule, share or reference value changes, the plan is reloaded or the day turns.
const caches = new WeakMap<Ctx['db'], Map<string, CachedJson>>();

/** A dashboard as JSON bytes, recomputed only when its inputs moved. */
export async function cachedDashboardJson(ctx: Ctx, planCode: string, key: string, compute: () => Promise<unknown>, serialize: (o: never) => string): Promise<Buffer> {
  const { contentHash } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  const version = `${await repo.reportingVersion(ctx.db)}|${await referenceFingerprint(ctx.db)}|${contentHash}|${beijingDate(ctx.now)}`;
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new Map()));
  const hit = cache.get(`${planCode}:${key}`);
  if (hit?.version === version) return hit.json;
  const json = Buffer.from(serialize((await compute()) as never));
  cache.set(`${planCode}:${key}`, { version, json });
  return json;
}

/** Who may see which dashboard: the city-wide roles any; a department its own and the counties'; a county its own. */
export function checkFocus(ctx: Ctx, focus: Focus): void {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  if (a.role === 'admin' || a.role === 'steering') return;
  if (a.role === 'department' && (focus.kind !== 'department' || focus.id === a.departmentId)) return;
  if (a.role === 'county' && focus.kind === 'region' && focus.code === a.regionCode) return;
  throw new AppError('forbidden', '无权查看该进展总览');
}

export { focusKey };
