import type { Comparison } from '../plan/plan-file';

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
