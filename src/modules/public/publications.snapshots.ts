import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import {
  type AssessmentSnapshot,
  type BarometerSnapshot,
  type Dataset,
  type PeriodKey,
  type ReductionSnapshot,
  type Snapshot,
  type TargetsSnapshot,
  PERIOD_KEY_HINT,
  parsePeriodKey,
} from '../../domain/public/publication';
import type { Ctx } from '../../server/context';
import { rankSubjects, loadAssessment } from '../assessment/assessments.service';
import { evaluateQuarter, evaluateYear } from '../dualcontrol/evaluation.service';
import * as orgRepo from '../org/repo';
import { getPlanTree, listPlanCodes } from '../plan/service';
import { getProgress } from '../reduction/progress.service';
import { computeOverview } from '../reporting/overview.service';

/**
 * Snapshot builders: each reads the owning module's own service, as the city (a system actor) sees it, and keeps
 * only what the public may read. The result is frozen into `publication` when the steering office publishes.
 */
export type Built = { title: string; snapshot: Snapshot };

const UNRATED = { level1: '#cf1322', level2: '#fadb14', level3: '#389e0d', unrated: '#bfbfbf' };

/** The builders run as the system on the city's behalf, whoever asked (the caller's role was checked at the route). */
const asCity = (ctx: Ctx): Ctx => ({ ...ctx, actor: { kind: 'system', name: 'publication' } });

function periodOf(dataset: Dataset, periodKey: string): PeriodKey {
  const p = parsePeriodKey(dataset, periodKey);
  if (!p) throw new AppError('validation', `发布期间“${periodKey}”不符合要求：应为${PERIOD_KEY_HINT[dataset]}`, { pointer: '#/periodKey', field: 'periodKey' });
  return p;
}

const yearOf = (p: PeriodKey) => ('year' in p ? p.year : 0);

/** Builds what a dataset would publish for a period; refuses a period that has nothing publishable. */
export async function buildSnapshot(ctx: Ctx, dataset: Dataset, periodKey: string): Promise<Built> {
  const p = periodOf(dataset, periodKey);
  const c = asCity(ctx);
  switch (dataset) {
    case 'targets':
      return buildTargets(c, yearOf(p));
    case 'barometer':
      return buildBarometer(c, yearOf(p), 'quarter' in p ? p.quarter : null);
    case 'reduction':
      return buildReduction(c, yearOf(p));
    case 'assessment':
      return buildAssessment(c, 'assessmentId' in p ? p.assessmentId : 0);
  }
}

async function cityPlan(db: Db) {
  const [code] = await listPlanCodes(db);
  if (!code) throw new AppError('conflict', '尚未加载规划，无法发布目标进展');
  return code;
}

async function buildTargets(ctx: Ctx, year: number): Promise<Built> {
  const planCode = await cityPlan(ctx.db);
  const { tree } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  const [overview, barometer, reduction] = await Promise.all([computeOverview(ctx, planCode, year), evaluateYear(ctx, year), getProgress(ctx, year)]);
  const nodes = tree.chapters.flatMap((ch) => ch.sections.flatMap((s) => s.indicators));
  const intensityNode = nodes.find((x) => x.comparison === 'reduce_by_pct' && x.name.includes('能源消耗')) ?? null;
  const city = barometer.regions.find((r) => r.kind === 'city')?.evaluation ?? null;
  const latestTask = new Map(overview.tasks.map((t) => [t.id, t.latest]));
  const snapshot: TargetsSnapshot = {
    dataset: 'targets',
    year,
    energyIntensity: {
      // The plan writes the target in percent (12.5 %); the evaluation works in fractions.
      target: intensityNode?.target == null ? null : intensityNode.target / 100,
      stretch: intensityNode?.stretch == null ? null : intensityNode.stretch / 100,
      cumulativeReduction: city?.cumulativeReduction ?? null,
      progressTarget: city?.progressTarget ?? null,
      completion: city?.completion ?? null,
      onTrack: city ? city.onTrack : null,
    },
    pollutants: reduction.pollutants.map((x) => ({ pollutant: x.pollutant, target_t: x.target, verified_t: x.verified_t, completion: x.completion, level: x.level })),
    indicators: overview.indicators.map((x) => ({
      code: x.code,
      name: x.name,
      unit: x.unit,
      target: x.target,
      targetText: nodes.find((n) => n.id === x.id)?.targetText ?? null,
      latest: x.latest?.value ?? null,
      latestPeriod: x.latest?.periodKey ?? null,
      status: x.status,
      completion: x.completion,
    })),
    keyProjects: tree.chapters
      .flatMap((ch) => ch.sections)
      .filter((s) => s.isKeyProject)
      .map((s, i) => {
        const latest = s.tasks.map((t) => latestTask.get(t.id) ?? null);
        const count = (status: string) => latest.filter((l) => l?.taskStatus === status).length;
        const percents = latest.map((l) => l?.percentComplete).filter((n): n is number => typeof n === 'number');
        return {
          no: i + 1,
          title: s.title,
          tasks: s.tasks.length,
          completed: count('completed'),
          onTrack: count('on-track'),
          behind: count('delayed'),
          notReported: latest.filter((l) => !l?.taskStatus).length,
          percent: percents.length ? Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 10) / 10 : null,
        };
      }),
  };
  return { title: `${year} 年节能减排目标进展`, snapshot };
}

async function buildBarometer(ctx: Ctx, year: number, quarter: number | null): Promise<Built> {
  const regions: BarometerSnapshot['regions'] = [];
  let rules: { name: string; colours: Record<string, string> } | null;
  if (quarter === null) {
    const y = await evaluateYear(ctx, year);
    rules = y.rules;
    for (const r of y.regions) regions.push({ regionCode: r.regionCode, name: r.name, kind: r.kind, intensity: r.evaluation?.level.intensity ?? null, total: r.evaluation?.level.total ?? null, overall: r.evaluation?.level.overall ?? null });
  } else {
    const q = await evaluateQuarter(ctx, year, quarter as 1 | 2 | 3 | 4);
    rules = q.rules;
    for (const r of q.regions) regions.push({ regionCode: r.regionCode, name: r.name, kind: r.kind, intensity: r.rating?.intensity.level ?? null, total: r.rating?.total.level ?? null, overall: r.rating?.overall ?? null });
  }
  if (!regions.some((r) => r.overall !== null)) throw new AppError('conflict', `${year} 年${quarter ? `第 ${quarter} 季度` : ''}尚无已审核的能耗数据，晴雨表没有可发布的等级`);
  const c = rules?.colours ?? {};
  const colours = { level1: c.level1 ?? UNRATED.level1, level2: c.level2 ?? UNRATED.level2, level3: c.level3 ?? UNRATED.level3, unrated: c.unrated ?? UNRATED.unrated };
  const snapshot: BarometerSnapshot = { dataset: 'barometer', year, quarter, rulesName: rules?.name ?? null, colours, regions };
  return { title: `${year} 年${quarter ? `第 ${quarter} 季度` : '度'}能耗双控晴雨表`, snapshot };
}

async function buildReduction(ctx: Ctx, year: number): Promise<Built> {
  const progress = await getProgress(ctx, year);
  const names = new Map((await orgRepo.listRegions(ctx.db)).map((r) => [r.code, r.name]));
  const snapshot: ReductionSnapshot = {
    dataset: 'reduction',
    year,
    expected: progress.expected,
    pollutants: progress.pollutants.map((x) => ({ pollutant: x.pollutant, target_t: x.target, verified_t: x.verified_t, completion: x.completion, level: x.level })),
    regions: progress.regions.map((r) => ({
      regionCode: r.regionCode,
      name: names.get(r.regionCode) ?? r.regionCode,
      projects: r.projects,
      pollutants: r.pollutants.map((x) => ({ pollutant: x.pollutant, allocation_t: x.allocation, verified_t: x.verified_t, completion: x.completion, level: x.level })),
    })),
  };
  return { title: `${year} 年主要污染物重点工程减排量进展`, snapshot };
}

async function buildAssessment(ctx: Ctx, id: number): Promise<Built> {
  const l = await loadAssessment(ctx.db, id);
  // Only results the assessment process itself has published may go public.
  if (l.a.status !== 'published') throw new AppError('conflict', `考核“${l.a.title}”尚未公布结果（当前状态 ${l.a.status}），不能对外发布`, { pointer: '#/periodKey', field: 'periodKey' });
  const results = rankSubjects(l)
    .sort((x, y) => x.rank - y.rank || x.subject.subjectKey.localeCompare(y.subject.subjectKey))
    .map((r) => ({
      rank: r.rank,
      key: r.subject.subjectKey,
      name: r.subject.name,
      targetPoints: r.result.targetPoints,
      measurePoints: r.result.measurePoints,
      deductions: r.result.deductions,
      total: r.result.total,
      grade: r.result.grade,
      gradeLabel: r.result.gradeLabel,
      vetoed: r.isVetoed,
    }));
  const snapshot: AssessmentSnapshot = { dataset: 'assessment', assessmentId: id, title: l.a.title, period: l.a.period, schemeName: l.scheme.name, subjectKind: l.scheme.subject as 'region' | 'department', results };
  return { title: `${l.a.title}结果`, snapshot };
}
