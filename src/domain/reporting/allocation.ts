import type { Comparison } from '../plan/plan-file';
import type { IndicatorTerms } from '../progress/trajectory';

/** 目标分解: whether the counties' shares of a city target add up to it, and by how much they miss. */
export type AllocationCheck =
  | { additive: true; sum: number; cityTarget: number; gap: number; isCovered: boolean }
  /** Rates and intensities do not add up across counties (they are weighted by GDP or energy). */
  | { additive: false; reason: 'rate' | 'no-target' };

export function checkAllocation(
  city: { target: number | null; stretch: number | null; unit: string | null; comparison: Comparison },
  shares: ReadonlyArray<{ target: number }>,
): AllocationCheck {
  const cityTarget = city.target ?? city.stretch;
  if (cityTarget === null) return { additive: false, reason: 'no-target' };
  if (city.unit === '%' || city.comparison === 'reduce_by_pct' || city.comparison === 'qualitative') return { additive: false, reason: 'rate' };
  // Sum in integer millionths so 916.65 = 500.4 + 416.25 holds exactly (numeric(20,6) in the database).
  const micro = shares.reduce((s, x) => s + Math.round(x.target * 1e6), 0);
  const sum = micro / 1e6;
  const gap = (Math.round(cityTarget * 1e6) - micro) / 1e6;
  const isCovered = city.comparison === 'lte' ? gap >= 0 : gap <= 0;
  return { additive: true, sum, cityTarget, gap, isCovered };
}

/**
 * A county's or zone's own terms for a city indicator it was allocated: the city's method, comparison and
 * years, with the allocated target as its goal (the city's 力争 value does not carry over) and the
 * county's own baseline value where one was given.
 */
export function regionalTerms(city: IndicatorTerms, share: { target: number; baselineValue: number | null }): IndicatorTerms {
  return { ...city, target: share.target, stretch: null, baselineValue: share.baselineValue };
}

/**
 * An indicator is reported city-wide, and by a county or zone only once the city allocated it a share
 * (目标分解): without a share there is nothing to judge the county's figure against. Returns why not, or null.
 */
export function indicatorRegionProblem(code: string, regionCode: string, cityCode: string, allocatedTo: ReadonlySet<string>): string | null {
  return regionCode === cityCode || allocatedTo.has(regionCode) ? null : `指标 ${code} 未分解到地区 ${regionCode}，只能报送全市数值`;
}
