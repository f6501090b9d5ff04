import { fractionToPercent, percentToFraction } from './levels';
import { BASE_YEAR } from './period';
import type { NewTarget, Target } from './queries';

/** The target form: rates in %, named as the API names them (so its field errors land on them). */
export type TargetFormValues = {
  basic?: number | null;
  incentive?: number | null;
  source?: string;
  annual: Array<{ year: number; intensityReduction?: number | null; plannedGdpGrowth?: number | null }>;
};

export const TARGET_FIELDS = ['basic', 'incentive', 'source', 'annual'] as const;
const YEARS = 5;

/** The form for a region, prefilled from its target where set; one row per year of the plan either way. */
export function targetFormValues(target: Target | undefined): TargetFormValues {
  const baseYear = target?.baseYear ?? BASE_YEAR;
  const years = target?.years ?? YEARS;
  return {
    basic: fractionToPercent(target?.basic),
    incentive: fractionToPercent(target?.incentive),
    source: target?.source ?? '',
    annual: Array.from({ length: years }, (_, i) => {
      const year = baseYear + 1 + i;
      const a = target?.annual.find((x) => x.year === year);
      return { year, intensityReduction: fractionToPercent(a?.intensityReduction), plannedGdpGrowth: fractionToPercent(a?.plannedGdpGrowth) };
    }),
  };
}

/** The API body: % → fractions; a year with neither figure is left out. */
export function toTargetBody(v: TargetFormValues, target: Target | undefined): NewTarget {
  return {
    baseYear: target?.baseYear ?? BASE_YEAR,
    years: target?.years ?? YEARS,
    basic: percentToFraction(v.basic) as number,
    incentive: percentToFraction(v.incentive),
    source: v.source?.trim() ?? '',
    annual: v.annual
      .map((a) => ({ year: a.year, intensityReduction: percentToFraction(a.intensityReduction), plannedGdpGrowth: percentToFraction(a.plannedGdpGrowth) }))
      .filter((a) => a.intensityReduction !== null || a.plannedGdpGrowth !== null),
  };
}
