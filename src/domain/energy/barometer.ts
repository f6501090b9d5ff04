import { round6 } from './intensity';

/**
 * 能耗双控晴雨表 (energy.md §3.2): every region rated on two dimensions separately, 强度 and 总量.
 * Level 1 一级预警 (red), 2 二级预警 (yellow), 3 三级预警 (green); null = not rated (no data), never green.
 */
export type Level = 1 | 2 | 3;

/**
 * The rule sets, reference data with a source and a validity period:
 * A "gap 10 %" (发改办环资〔2020〕901号) [V]: met → 3; gap ≤ threshold → 2 ("在10%以内" includes 10 %); else 1.
 * B "H1 2021" (发改办环资〔2021〕629号) [V], intensity only: rose → 1; fell less than required → 2; met → 3.
 */
export type BarometerRules = {
  intensity: { ruleSet: 'A' | 'B'; gapThreshold: number };
  /** Total: rule set A; compared on growth (901号 "能耗总量增长数据", ECER default [R]) or on levels. */
  total: { basis: 'growth' | 'level'; gapThreshold: number };
};

export type Rating = {
  level: Level | null;
  /** The figures that decide it, so a warning can say why. */
  actual: number | null;
  required: number | null;
  gap: number | null;
};

const byGap = (gap: number, threshold: number): Level => (round6(gap) <= 0 ? 3 : round6(gap) <= round6(threshold) ? 2 : 1);

/**
 * 强度: year-to-date intensity change year on year, (1 + e)/(1 + g) − 1, against the required reduction
 * (the year's annual target, else the average annual rate). Null inputs → not rated.
 */
export function rateIntensity(energyGrowth: number | null, gdpGrowth: number | null, requiredReduction: number, rules: BarometerRules['intensity']): Rating {
  if (energyGrowth === null || gdpGrowth === null) return { level: null, actual: null, required: requiredReduction, gap: null };
  const actual = 1 - (1 + energyGrowth) / (1 + gdpGrowth); // the reduction achieved; negative when intensity rose
  if (rules.ruleSet === 'B') {
    // 629号: 不降反升 → 1; a change of exactly 0 "did not rise" → 2 unless nothing was required.
    const level: Level = round6(actual) < 0 ? 1 : round6(actual) >= round6(requiredReduction) ? 3 : 2;
    return { level, actual, required: requiredReduction, gap: null };
  }
  if (round6(requiredReduction) <= 0) return { level: round6(actual) >= round6(requiredReduction) ? 3 : 1, actual, required: requiredReduction, gap: null };
  const gap = (requiredReduction - actual) / requiredReduction;
  return { level: byGap(gap, rules.gapThreshold), actual, required: requiredReduction, gap };
}

/**
 * 总量 (rule set A). On growth: gap = (g_E − ĝ_E)/ĝ_E, with ĝ_E the growth the target allows over the same
 * period of the base year; when no growth is allowed (ĝ_E ≤ 0) any growth above it is level 1 [E].
 * On levels: gap = (E − Ē)/Ē. Not `(E − Ē)/Ē` on the growth basis (energy.md §3.2: that would need ~13 % to turn red).
 */
export function rateTotal(
  figures: { energy: number; target: number; base: number } | null,
  rules: BarometerRules['total'],
): Rating {
  if (figures === null) return { level: null, actual: null, required: null, gap: null };
  const { energy, target, base } = figures;
  if (rules.basis === 'level') {
    const gap = (energy - target) / target;
    return { level: byGap(gap, rules.gapThreshold), actual: energy, required: target, gap };
  }
  const actual = energy / base - 1;
  const allowed = target / base - 1;
  if (round6(allowed) <= 0) return { level: round6(actual) <= round6(allowed) ? 3 : 1, actual, required: allowed, gap: null };
  const gap = (actual - allowed) / allowed;
  return { level: byGap(gap, rules.gapThreshold), actual, required: allowed, gap };
}
