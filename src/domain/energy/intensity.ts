/**
 * 能耗强度 arithmetic (energy.md §2). Energy in 万tce, GDP in 亿元, so intensity is tce/万元.
 * Rates are fractions (0.125 for 12.5 %); compare them after rounding to 6 dp (energy.md §8).
 */

/** Rounds to 6 decimal places, so 0.1 computed as 0.10000000000000009 compares equal to 0.1 (energy.md §3.2). */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * GDP at constant base-year prices, chained by the published real growth rates:
 * GDP*_base = GDP_base (current prices); GDP*_t = GDP*_{t−1} × (1 + g_t) (energy.md §2) [V].
 * `growth[i]` is the real growth of year base+1+i. Never divide by later years' current-price GDP.
 */
export function chainComparableGdp(baseGdp: number, growth: readonly number[]): number[] {
  const out = [baseGdp];
  for (const g of growth) out.push(out.at(-1)! * (1 + g));
  return out;
}

/** I_t = E_t / GDP*_t, in tce/万元 when E is in 万tce and GDP* in 亿元. */
export function intensity(energy: number, comparableGdp: number): number {
  if (!(comparableGdp > 0)) throw new RangeError(`comparable GDP must be positive, got ${comparableGdp}`);
  return energy / comparableGdp;
}

/** Reduction of intensity from `before` to `after`: 1 − I_after / I_before (annual a_t, or cumulative R_t vs 2020). */
export function reduction(before: number, after: number): number {
  return 1 - after / before;
}

/** The same annual reduction from growth rates: a_t = 1 − (1 + e_t)/(1 + g_t) (energy.md §2) [V]. */
export function reductionFromGrowth(energyGrowth: number, gdpGrowth: number): number {
  return 1 - (1 + energyGrowth) / (1 + gdpGrowth);
}

/** Average annual rate that compounds to R over n years: 1 − (1 − R)^(1/n) (12.5 % over 5 → 2.6353 %). */
export function averageAnnualRate(target: number, years: number): number {
  return 1 - (1 - target) ** (1 / years);
}

/** 进度目标 for year t of n: P_t = 1 − (1 − R)^(t/n) (energy.md §2) [V]. */
export function progressTarget(target: number, t: number, years: number): number {
  return 1 - (1 - target) ** (t / years);
}

/**
 * 完成五年目标进度: C_t = ln(1 − R_t) / ln(1 − R), logarithmic, never R_t / R (energy.md §2) [V],
 * to be set beside the time progress t/n. C_t ≥ t/n exactly when R_t ≥ P_t.
 */
export function completionProgress(cumulative: number, target: number): number {
  return Math.log(1 - cumulative) / Math.log(1 - target);
}

/**
 * 年度能源消费总量目标 from the GDP growth target and the basic intensity target (energy.md §2):
 * Ē_t = E_base × Π(1 + ĝ_k) × (1 − P_t). "经济增速超过预期目标的地区可相应调整": when the cumulative
 * actual growth index exceeds the planned one, the actual index is used (upward only) [U: our reading].
 * `plannedGrowth[i]` and `actualGrowth[i]` are for year base+1+i; actual may be shorter (years not yet known).
 */
export function totalConsumptionTargets(
  baseEnergy: number,
  basicTarget: number,
  years: number,
  plannedGrowth: readonly number[],
  actualGrowth: readonly number[] = [],
): Array<{ t: number; planned: number; adjusted: number; isAdjusted: boolean }> {
  const out = [];
  let plannedIndex = 1;
  let actualIndex = 1;
  for (let t = 1; t <= years; t++) {
    plannedIndex *= 1 + (plannedGrowth[t - 1] ?? 0);
    const known = t <= actualGrowth.length;
    if (known) actualIndex *= 1 + actualGrowth[t - 1]!;
    const keep = 1 - progressTarget(basicTarget, t, years);
    const planned = baseEnergy * plannedIndex * keep;
    const isAdjusted = known && round6(actualIndex) > round6(plannedIndex);
    out.push({ t, planned, adjusted: isAdjusted ? baseEnergy * actualIndex * keep : planned, isAdjusted });
  }
  return out;
}
