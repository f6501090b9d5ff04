import { AppError } from '../errors';
import { assessedEnergy } from './deductions';
import { type AccountYear, type EvaluationRules, type RegionTargets, type YearEvaluation, evaluateRegion } from './evaluate';
import { averageAnnualRate, progressTarget } from './intensity';

/** The year being planned: a GDP growth assumption, and the year's deduction figures (last year's when not given). */
export type Assumption = { year: number; gdpGrowth: number } & Partial<Pick<AccountYear, 'feedstock' | 'listedProjects' | 'nonFossil' | 'renewableElectricity'>>;

function plannedYear(accounts: readonly AccountYear[], a: Assumption, energy: number): AccountYear {
  const prev = accounts.find((x) => x.year === a.year - 1);
  if (!prev) throw new AppError('validation', `测算 ${a.year} 年须先有 ${a.year - 1} 年的能源数据`, { field: 'year' });
  return {
    year: a.year,
    energy,
    gdpCurrent: null,
    gdpGrowth: a.gdpGrowth,
    feedstock: a.feedstock ?? prev.feedstock,
    listedProjects: a.listedProjects ?? prev.listedProjects,
    nonFossil: a.nonFossil ?? prev.nonFossil,
    renewableElectricity: a.renewableElectricity ?? prev.renewableElectricity,
  };
}

/** Reverse what-if: which levels a planned consumption (e.g. today's estimate + a new project's tce) lands in. */
export function evaluatePlan(accounts: readonly AccountYear[], targets: RegionTargets, rules: EvaluationRules, a: Assumption, energy: number): YearEvaluation {
  const history = accounts.filter((x) => x.year < a.year);
  const result = evaluateRegion([...history, plannedYear(accounts, a, energy)], targets, rules).find((e) => e.year === a.year);
  if (!result) throw new AppError('validation', `${a.year} 年之前的年份数据不全，无法测算`, { field: 'year' });
  return result;
}

/**
 * 最大可用能量: the most energy (万tce, gross) the region may use in the year and stay green on both
 * dimensions: intensity needs F_t ≤ F_{t−1}(1 + g)(1 − r̂); the total needs T_t ≤ Ē_t, unless the year's
 * reduction reaches the incentive path, which exempts it from the total (1310号).
 */
export function maxEnergyToStayGreen(accounts: readonly AccountYear[], targets: RegionTargets, rules: EvaluationRules, a: Assumption) {
  // Evaluate once at last year's energy to get the chain (GDP*, the previous year under this year's regime).
  const prevAcc = accounts.find((x) => x.year === a.year - 1);
  const probe = evaluatePlan(accounts, targets, rules, a, prevAcc?.energy ?? 0);
  const regime = rules.regimeFor(a.year);
  const base = accounts.find((x) => x.year === targets.baseYear)!;
  const history = accounts.filter((x) => x.year < a.year);
  const prev = assessedEnergy(prevAcc!, base, history, regime);
  const year = plannedYear(accounts, a, 0);
  const atZero = assessedEnergy(year, base, [...history, year], regime); // deductions do not depend on the energy used
  const offsetIntensity = -atZero.forIntensity; // gross = F_t + offset
  const offsetTotal = -atZero.total;
  const required = targets.annual[a.year] ?? averageAnnualRate(targets.basic, targets.years);
  const intensityBound = prev.forIntensity * (1 + a.gdpGrowth) * (1 - required) + offsetIntensity;
  const totalTarget = probe.totalTarget!.adjusted;
  const totalBound = totalTarget + offsetTotal;
  // At the incentive path: F_t / GDP*_t = I_0 (1 − P_inc).
  const baseAssessed = assessedEnergy(base, base, [base], regime).forIntensity;
  const incentiveBound =
    targets.incentive === null ? null : (baseAssessed / base.gdpCurrent!) * (1 - progressTarget(targets.incentive, probe.t, targets.years)) * probe.gdpComparable + offsetIntensity;
  const totalOrExempt = incentiveBound === null ? totalBound : Math.max(totalBound, incentiveBound);
  const maxEnergy = Math.min(intensityBound, totalOrExempt);
  return {
    year: a.year,
    maxEnergy,
    binding: intensityBound <= totalOrExempt ? ('intensity' as const) : ('total' as const),
    intensityBound,
    totalBound,
    incentiveBound,
    totalTarget,
    requiredReduction: required,
  };
}
