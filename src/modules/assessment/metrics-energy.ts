import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { energyAccount, energyAccountEvent } from '../../db/schema/index';
import { type RegionInput, targetsOf } from '../../domain/energy/accounts-file';
import { type YearEvaluation, evaluateRegion, overallLevel } from '../../domain/energy/evaluate';
import { evaluationRulesFrom } from '../../domain/energy/rules';
import { AppError } from '../../domain/errors';
import { noData, num, pct, r6 } from '../../domain/assessment/metrics';
import type { MetricKey, MetricValue } from '../../domain/assessment/model';
import * as dcRepo from '../dualcontrol/repo';
import { regionInputOf } from '../dualcontrol/evaluation.service';
import { referenceVersions } from '../reference/service';
import { energyTargetsAsOf } from './targets-as-of';

type Metrics = Partial<Record<MetricKey, MetricValue>>;

/** Each region's annual accounts as approved by `end`: per year, the latest revision with an approval before it. */
async function approvedAsOf(db: Db, end: Date) {
  const rows = await db
    .select({ a: energyAccount })
    .from(energyAccount)
    .innerJoin(energyAccountEvent, eq(energyAccountEvent.accountId, energyAccount.id))
    .where(and(eq(energyAccountEvent.action, 'approve'), lt(energyAccountEvent.at, end), sql`length(${energyAccount.periodKey}) = 4`));
  const latest = new Map<string, dcRepo.AccountRow>();
  for (const { a } of rows) {
    const k = `${a.regionCode}|${a.periodKey}`;
    const cur = latest.get(k);
    if (!cur || cur.revision < a.revision) latest.set(k, a);
  }
  return [...latest.values()];
}

/**
 * 强度完成率, 总量 and 晴雨表 per region for the period's last year with data, from the dual-control targets and the
 * accounts approved by the cut-off (energy.md §2, §7). A single year uses its annual target where one is set, else
 * the cumulative reduction against the progress target P_t; the plan period compares R_t with the five-year target.
 */
export async function energyMetrics(db: Db, regionCodes: string[], years: number[], end: Date): Promise<Map<string, Metrics>> {
  const [accounts, { targets, annual }, versions] = await Promise.all([approvedAsOf(db, end), energyTargetsAsOf(db, end), referenceVersions(db)]);
  const rules = evaluationRulesFrom(versions);
  const out = new Map<string, Metrics>();
  const whole = years.length > 1;
  const lastYear = years.at(-1)!;
  for (const code of regionCodes) {
    const t = targets.find((x) => x.regionCode === code);
    if (!t) {
      const why = noData('未设定能耗强度目标');
      out.set(code, { 'intensity-completion': why, 'total-consumption': why, 'barometer-level': why });
      continue;
    }
    const input = regionInputOf(t, annual, accounts);
    let evals: YearEvaluation[];
    try {
      evals = evaluateRegion(input.accounts, targetsOf(input), rules);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const why = noData(`双控测算未能进行：${err.detail}`);
      out.set(code, { 'intensity-completion': why, 'total-consumption': why, 'barometer-level': why });
      continue;
    }
    // The period's last year with approved figures: the year itself, or for the plan period the latest year in it.
    const e = evals.filter((x) => (whole ? years.includes(x.year) : x.year === lastYear)).at(-1) ?? null;
    if (!e) {
      const why = noData(`截止日前无 ${whole ? `${years[0]}–${lastYear}` : lastYear} 年已审核的能源账户`);
      out.set(code, { 'intensity-completion': why, 'total-consumption': why, 'barometer-level': why });
      continue;
    }
    out.set(code, { 'intensity-completion': intensityOf(e, input, whole, t.basic), 'total-consumption': totalOf(e), 'barometer-level': barometerOf(e) });
  }
  return out;
}

function intensityOf(e: YearEvaluation, input: RegionInput, whole: boolean, basic: number): MetricValue {
  const year = { label: '数据年份', value: String(e.year) };
  if (whole) {
    return {
      value: r6(e.cumulativeReduction / basic),
      figures: [year, { label: '计算口径', value: '累计降低率 ÷ 五年目标' }, { label: '累计降低率', value: pct(e.cumulativeReduction) }, { label: '五年目标降低率', value: pct(basic) }],
    };
  }
  const annualTarget = input.annual[String(e.year)];
  if (annualTarget !== undefined && annualTarget > 0 && e.annualReduction !== null) {
    return {
      value: r6(e.annualReduction / annualTarget),
      figures: [year, { label: '计算口径', value: '年度降低率 ÷ 年度目标' }, { label: '年度降低率', value: pct(e.annualReduction) }, { label: '年度目标降低率', value: pct(annualTarget) }],
    };
  }
  return {
    value: r6(e.cumulativeReduction / e.progressTarget),
    figures: [year, { label: '计算口径', value: '未设年度目标：累计降低率 ÷ 进度目标' }, { label: '累计降低率', value: pct(e.cumulativeReduction) }, { label: '进度目标', value: pct(e.progressTarget) }],
  };
}

function totalOf(e: YearEvaluation): MetricValue {
  const year = { label: '数据年份', value: String(e.year) };
  if (e.exemptFromTotal) return { value: 1, figures: [year, { label: '说明', value: '达到激励目标，免予总量考核' }] };
  if (!e.totalTarget) return noData('无能源消费总量目标', [year]);
  const target = e.totalTarget.adjusted;
  const figures = [year, { label: '能源消费总量（万tce）', value: num(e.assessedTotal) }, { label: '总量目标（万tce）', value: num(target) }];
  if (e.totalTarget.isAdjusted) figures.push({ label: '说明', value: '总量目标已按实际增速调整' });
  return { value: e.assessedTotal <= target ? 1 : r6(target / e.assessedTotal), figures };
}

function barometerOf(e: YearEvaluation): MetricValue {
  const level = overallLevel(e);
  const name = (l: number | null) => (l === 1 ? '红灯' : l === 2 ? '黄灯' : l === 3 ? '绿灯' : '未评');
  const figures = [
    { label: '数据年份', value: String(e.year) },
    { label: '强度', value: name(e.barometer.intensity.level) },
    { label: '总量', value: e.barometer.total.exempt ? '免予考核' : name(e.barometer.total.level) },
  ];
  return level === null ? noData('晴雨表未评级', figures) : { value: level, figures };
}
