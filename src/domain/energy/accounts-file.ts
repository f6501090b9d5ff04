import { z } from 'zod';
import { AppError } from '../errors';
import { type AccountYear, type EvaluationRules, type RegionTargets, type YearEvaluation, evaluateRegion, overallLevel } from './evaluate';
import { round6 } from './intensity';

const Rate = z.number().gt(-1).lt(1);
const Amount = z.number().finite().min(0);
const YearKey = z.string().regex(/^\d{4}$/, '键须为四位年份');

/** One region-year of an energy account as analysts and the API write it (units: 万tce, 亿元, 亿kWh; rates as fractions). */
export const AccountYearInput = z.object({
  year: z.number().int().min(2000).max(2100),
  energy: Amount,
  gdpCurrent: Amount.nullable().default(null),
  gdpGrowth: Rate.nullable().default(null),
  feedstock: Amount.default(0),
  listedProjects: Amount.default(0),
  nonFossil: Amount.default(0),
  renewableElectricity: Amount.default(0),
  coal: Amount.nullable().default(null),
}) satisfies z.ZodType<AccountYear & { coal: number | null }, unknown>;

/** A region's targets and accounts: the input of `ecer dualcontrol evaluate` (README, 双控测算). */
export const RegionInput = z.object({
  region: z.string().min(1).max(32),
  baseYear: z.number().int().default(2020),
  years: z.number().int().min(1).max(10).default(5),
  basic: Rate.positive(),
  incentive: Rate.positive().nullable().default(null),
  annual: z.record(YearKey, Rate).default({}),
  plannedGrowth: z.record(YearKey, Rate).default({}),
  accounts: z.array(AccountYearInput).min(1),
});
export type RegionInput = z.infer<typeof RegionInput>;

export const DualControlFile = z.object({ regions: z.array(RegionInput) });

export const targetsOf = (r: RegionInput): RegionTargets => ({
  baseYear: r.baseYear,
  years: r.years,
  basic: r.basic,
  incentive: r.incentive,
  annual: Object.fromEntries(Object.entries(r.annual).map(([y, v]) => [Number(y), v])),
  plannedGrowth: Object.fromEntries(Object.entries(r.plannedGrowth).map(([y, v]) => [Number(y), v])),
});

const r6 = (x: number | null) => (x === null ? null : round6(x));

/** One output row: the figures that decide a region-year, rates as fractions rounded to 6 dp (energy.md §8). */
export function evaluationRow(region: string, e: YearEvaluation) {
  return {
    region,
    year: e.year,
    gdpComparable: r6(e.gdpComparable),
    energy: r6(e.energy),
    deductions: { feedstock: r6(e.deductions.feedstock), listedProjects: r6(e.deductions.listedProjects), renewableIncrement: r6(e.deductions.renewableIncrement), nonFossil: r6(e.deductions.nonFossil) },
    assessedTotal: r6(e.assessedTotal),
    assessedForIntensity: r6(e.assessedForIntensity),
    intensity: r6(e.intensity),
    annualReduction: r6(e.annualReduction),
    cumulativeReduction: r6(e.cumulativeReduction),
    progressTarget: r6(e.progressTarget),
    completion: r6(e.completion),
    timeProgress: r6(e.timeProgress),
    onTrack: e.onTrack,
    totalTarget: e.totalTarget && { planned: r6(e.totalTarget.planned), adjusted: r6(e.totalTarget.adjusted), isAdjusted: e.totalTarget.isAdjusted },
    exemptFromTotal: e.exemptFromTotal,
    nonFossilShare: r6(e.nonFossilShare),
    level: { intensity: e.barometer.intensity.level, total: e.barometer.total.level, overall: overallLevel(e) },
    // The figures that decide each level: the achieved and required intensity reduction, the total's growth and what the target allows.
    rating: {
      intensity: { actual: r6(e.barometer.intensity.actual), required: r6(e.barometer.intensity.required), gap: r6(e.barometer.intensity.gap) },
      total: { actual: r6(e.barometer.total.actual), required: r6(e.barometer.total.required), gap: r6(e.barometer.total.gap) },
    },
  };
}
export type EvaluationRow = ReturnType<typeof evaluationRow>;

/** Evaluates every region; a region that cannot be evaluated gets an error naming where, the others still run. */
export function evaluateRegions(regions: readonly RegionInput[], rules: EvaluationRules): { rows: EvaluationRow[]; errors: Array<{ region: string; path: string; message: string }> } {
  const rows: EvaluationRow[] = [];
  const errors = [];
  for (const [i, r] of regions.entries()) {
    try {
      for (const e of evaluateRegion(r.accounts, targetsOf(r), rules)) rows.push(evaluationRow(r.region, e));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push({ region: r.region, path: `regions[${i}]${err.where?.field ? `.${err.where.field}` : ''}`, message: err.detail });
    }
  }
  return { rows, errors };
}

/** The base year of the 14th FYP accounts: its current-price GDP starts the comparable-price chain. */
export const ACCOUNT_BASE_YEAR = 2020;

/**
 * What a period's figures must carry and how they must hang together: the base year its current-price
 * GDP, a later period its real growth; the deductions and non-fossil energy within the total.
 */
export function accountProblem(a: { periodKey: string; gdpCurrent: number | null; gdpGrowth: number | null; energy: number; feedstock: number; listedProjects: number; nonFossil: number }): { field: string; message: string } | null {
  const year = Number(a.periodKey.slice(0, 4));
  if (year < ACCOUNT_BASE_YEAR) return { field: 'periodKey', message: `期间须在基期 ${ACCOUNT_BASE_YEAR} 年及以后` };
  if (year === ACCOUNT_BASE_YEAR && a.periodKey.length === 4 && a.gdpCurrent === null) return { field: 'gdpCurrent', message: `基期 ${ACCOUNT_BASE_YEAR} 年须填写现价地区生产总值（亿元）` };
  if (year > ACCOUNT_BASE_YEAR && a.gdpGrowth === null) return { field: 'gdpGrowth', message: `${a.periodKey} 须填写地区生产总值实际增速（按可比价，同比）` };
  const parts = a.feedstock + a.listedProjects;
  if (parts > a.energy) return { field: 'feedstock', message: `原料用能与单列项目能耗之和 ${parts} 超过能源消费总量 ${a.energy}` };
  if (a.nonFossil > a.energy) return { field: 'nonFossil', message: `非化石能源消费量 ${a.nonFossil} 超过能源消费总量 ${a.energy}` };
  return null;
}
