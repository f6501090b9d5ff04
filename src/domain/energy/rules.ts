import { AppError } from '../errors';
import { type Version, effectiveAt } from '../reference/versions';
import type { DeductionRegime } from './deductions';
import type { EvaluationRules } from './evaluate';
import type { BarometerRulesValue } from './reference';

/**
 * The evaluation rules from reference versions: each data year gets the versions in force at its end
 * (a regime that starts on 1 January 2024 governs the whole of 2024).
 */
export function evaluationRulesFrom(versions: ReadonlyArray<Version>): EvaluationRules {
  const at = <T>(key: string, year: number): T => {
    const v = effectiveAt(versions, key, `${year}-12-31`);
    if (!v) throw new AppError('validation', `参考数据 ${key} 在 ${year} 年没有生效的版本`, { field: key });
    return v.value as T;
  };
  return { regimeFor: (year) => at<DeductionRegime>('energy-deduction-regime', year), barometerFor: (year) => at<BarometerRulesValue>('energy-barometer-rules', year) };
}
