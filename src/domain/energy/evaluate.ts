import { AppError } from '../errors';
import { type BarometerRules, type Level, type Rating, rateIntensity, rateTotal } from './barometer';
import { type DeductionFigures, type DeductionRegime, type Deductions, assessedEnergy, nonFossilShare } from './deductions';
import { averageAnnualRate, completionProgress, intensity, progressTarget, reduction, round6, totalConsumptionTargets } from './intensity';

/** One region-year of an energy account (annual, or year to date). Energy in 万tce, GDP in 亿元, electricity in 亿kWh. */
export type AccountYear = DeductionFigures & {
  /** GDP at current prices; the base year's starts the comparable-price chain. */
  gdpCurrent: number | null;
  /** Real GDP growth over the previous year, a fraction (the published index / 100 − 1). */
  gdpGrowth: number | null;
};

/** A region's targets: basic and incentive five-year reductions, optional annual targets and the GDP growth plan. */
export type RegionTargets = {
  baseYear: number;
  years: number;
  basic: number;
  incentive: number | null;
  /** 年度目标: the year's required intensity reduction, where one is set (else the average annual rate applies). */
  annual: Readonly<Record<number, number>>;
  /** 地区生产总值增速目标 by year, for the total-consumption target. */
  plannedGrowth: Readonly<Record<number, number>>;
};

/** The rules in force for a data year: its deduction regime and its barometer rule set. */
export type EvaluationRules = { regimeFor: (year: number) => DeductionRegime; barometerFor: (year: number) => BarometerRules };

export type YearEvaluation = {
  year: number;
  /** t: years since the base year. */
  t: number;
  gdpComparable: number;
  energy: number;
  deductions: Deductions;
  assessedTotal: number;
  assessedForIntensity: number;
  intensity: number;
  /** a_t, against the previous year under this year's rules; null for the first year without a previous one. */
  annualReduction: number | null;
  /** R_t vs the base year. */
  cumulativeReduction: number;
  progressTarget: number;
  completion: number;
  timeProgress: number;
  onTrack: boolean;
  /** Ē_t from the growth plan, adjusted upward when actual growth ran ahead. */
  totalTarget: { planned: number; adjusted: number; isAdjusted: boolean } | null;
  /** 达到激励目标 → 免予能耗总量考核 (1310号) [V]; judged on the incentive path P_t(incentive) [E]. */
  exemptFromTotal: boolean;
  nonFossilShare: number | null;
  barometer: { intensity: Rating; total: Rating & { exempt: boolean } };
};

/**
 * Evaluates a region's years against its targets (energy.md §2–§3): comparable GDP, intensity, annual and
 * cumulative reductions, progress and completion, the total target, deductions, and the annual barometer.
 */
export function evaluateRegion(accounts: readonly AccountYear[], targets: RegionTargets, rules: EvaluationRules): YearEvaluation[] {
  const byYear = new Map(accounts.map((a) => [a.year, a]));
  const base = byYear.get(targets.baseYear);
  if (!base) throw new AppError('validation', `缺少基期 ${targets.baseYear} 年数据`, { field: 'year' });
  if (base.gdpCurrent === null || !(base.gdpCurrent > 0)) throw new AppError('validation', `基期 ${targets.baseYear} 年须有现价地区生产总值`, { field: `${targets.baseYear}.gdpCurrent` });
  const history: AccountYear[] = [base];
  const gdp = new Map([[base.year, base.gdpCurrent]]);
  const plannedGrowth = Array.from({ length: targets.years }, (_, i) => targets.plannedGrowth[targets.baseYear + 1 + i] ?? 0);
  const actualGrowth: number[] = [];
  const out: YearEvaluation[] = [];
  for (let year = targets.baseYear + 1; year <= targets.baseYear + targets.years; year++) {
    const acc = byYear.get(year);
    if (!acc) break; // the chain stops at the first missing year
    if (acc.gdpGrowth === null) throw new AppError('validation', `${year} 年缺少地区生产总值实际增速`, { field: `${year}.gdpGrowth` });
    gdp.set(year, gdp.get(year - 1)! * (1 + acc.gdpGrowth));
    actualGrowth.push(acc.gdpGrowth);
    history.push(acc);
    const t = year - targets.baseYear;
    const regime = rules.regimeFor(year);
    // Every comparison uses this year's regime on both sides, so a rule change never shows as progress.
    const now = assessedEnergy(acc, base, history, regime);
    const baseNow = assessedEnergy(base, base, [base], regime);
    const prev = history.at(-2)!;
    const prevNow = assessedEnergy(prev, base, history.slice(0, -1), regime);
    const I = intensity(now.forIntensity, gdp.get(year)!);
    const I0 = intensity(baseNow.forIntensity, gdp.get(targets.baseYear)!);
    const Iprev = intensity(prevNow.forIntensity, gdp.get(year - 1)!);
    const R = reduction(I0, I);
    const P = progressTarget(targets.basic, t, targets.years);
    const totals = totalConsumptionTargets(baseNow.total, targets.basic, targets.years, plannedGrowth, actualGrowth)[t - 1]!;
    const exempt = targets.incentive !== null && round6(R) >= round6(progressTarget(targets.incentive, t, targets.years));
    const required = targets.annual[year] ?? averageAnnualRate(targets.basic, targets.years);
    const totalRating = exempt
      ? { level: null, actual: null, required: null, gap: null }
      : rateTotal({ energy: now.total, target: totals.adjusted, base: prevNow.total }, rules.barometerFor(year).total);
    // The allowed growth is Ē_t over last year's total (rule set A compares growth over the same period of the base year).
    out.push({
      year,
      t,
      gdpComparable: gdp.get(year)!,
      energy: acc.energy,
      deductions: now.deductions,
      assessedTotal: now.total,
      assessedForIntensity: now.forIntensity,
      intensity: I,
      annualReduction: reduction(Iprev, I),
      cumulativeReduction: R,
      progressTarget: P,
      completion: completionProgress(R, targets.basic),
      timeProgress: t / targets.years,
      onTrack: round6(R) >= round6(P),
      totalTarget: totals,
      exemptFromTotal: exempt,
      nonFossilShare: nonFossilShare(acc.nonFossil, acc.energy),
      barometer: {
        intensity: rateIntensity(now.forIntensity / prevNow.forIntensity - 1, acc.gdpGrowth, required, rules.barometerFor(year).intensity),
        total: { ...totalRating, exempt },
      },
    });
  }
  return out;
}

/** The worse of the two dimensions' levels, for a one-colour map (null when neither is rated). */
export function overallLevel(e: Pick<YearEvaluation, 'barometer'>): Level | null {
  const levels = [e.barometer.intensity.level, e.barometer.total.level].filter((l): l is Level => l !== null);
  return levels.length ? (Math.min(...levels) as Level) : null;
}
