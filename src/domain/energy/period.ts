import { type BarometerRules, type Rating, rateIntensity, rateTotal } from './barometer';
import { type DeductionFigures, type DeductionRegime, assessedEnergy } from './deductions';

/** A year-to-date figure: the cumulative months of a year, with its real GDP growth over the same months last year. */
export type YtdFigures = DeductionFigures & { gdpGrowth: number | null };

/**
 * 季度晴雨表 (energy.md §3.2): year-to-date figures against the same period last year, as the NDRC barometers
 * rate them ("上半年能耗强度不降反升"), with the year's annual requirement. Deductions compare the two periods
 * under this year's regime; the renewable increment is the rise over the same period last year [E].
 * `allowedTotalGrowth` is the growth the year's total target allows over last year (Ē_t / E_{t−1} − 1),
 * or null when the region is exempt from the total or has no total target.
 */
export function ratePeriod(
  current: YtdFigures | null,
  samePeriodLastYear: DeductionFigures | null,
  requiredReduction: number,
  allowedTotalGrowth: number | null,
  regime: DeductionRegime,
  rules: BarometerRules,
): { intensity: Rating; total: Rating } {
  if (!current || !samePeriodLastYear || current.gdpGrowth === null) {
    return { intensity: rateIntensity(null, null, requiredReduction, rules.intensity), total: rateTotal(null, rules.total) };
  }
  const now = assessedEnergy(current, samePeriodLastYear, [samePeriodLastYear, current], regime);
  const before = assessedEnergy(samePeriodLastYear, samePeriodLastYear, [samePeriodLastYear], regime);
  return {
    intensity: rateIntensity(now.forIntensity / before.forIntensity - 1, current.gdpGrowth, requiredReduction, rules.intensity),
    total: allowedTotalGrowth === null ? rateTotal(null, rules.total) : rateTotal({ energy: now.total, target: before.total * (1 + allowedTotalGrowth), base: before.total }, rules.total),
  };
}
