import type { Comparison } from '../plan/plan-file';

/**
 * Indicator trajectories 指标进度: where an indicator should stand at a time between its baseline
 * and its target year, how far along it is, and where its trend leads.
 * Time `t` is in years after the end of the baseline year (2021 annual → 1, 2022 H1 → 1.5).
 */
export type TrajectoryKind =
  /** 比基年下降 x%: the reduction compounds evenly, P_t = 1 − (1 − R)^(t/n) (energy.md §2) [V]. */
  | 'compound-reduction'
  /** A level with a known baseline value, moving evenly to the target [E]. */
  | 'linear'
  /** A quantity counted from zero since the baseline (十四五 累计 减排量, 新增管网), evenly by year [E]. */
  | 'cumulative'
  /** No number to travel towards (qualitative, or no baseline value yet). */
  | 'none';

export type IndicatorTerms = {
  comparison: Comparison;
  baselineYear: number | null;
  baselineValue: number | null;
  target: number | null;
  stretch: number | null;
  targetYear: number;
};

/** The goal a status is judged against: the target, or the stretch value where the plan sets only 力争. */
export function goalOf(x: IndicatorTerms): number | null {
  return x.target ?? x.stretch;
}

export function trajectoryKind(x: IndicatorTerms): TrajectoryKind {
  if (x.comparison === 'qualitative' || goalOf(x) === null || x.baselineYear === null) return 'none';
  if (x.comparison === 'reduce_by_pct') return 'compound-reduction';
  if (x.baselineValue !== null) return 'linear';
  return x.comparison === 'gte' || x.comparison === 'gt' ? 'cumulative' : 'none';
}

/** Whether higher values are better (a loss rate ≤ 9 % is better lower). */
export function isHigherBetter(c: Comparison): boolean {
  return c !== 'lte';
}

/** Years from the end of the baseline year to the end of the target year. */
export function spanYears(x: IndicatorTerms): number {
  return x.targetYear - (x.baselineYear ?? x.targetYear);
}

/** Time progress t/n, clamped to [0, 1]. */
export function timeProgress(x: IndicatorTerms, t: number): number {
  const n = spanYears(x);
  return n > 0 ? Math.min(1, Math.max(0, t / n)) : 1;
}

/** The value the indicator should have at time t on its path (in its own unit), or null. */
export function expectedValue(x: IndicatorTerms, t: number): number | null {
  const goal = goalOf(x);
  const kind = trajectoryKind(x);
  if (goal === null || kind === 'none') return null;
  const p = timeProgress(x, t);
  // 进度目标 P_t = 1 − (1 − R)^(t/n): 12.5 % over 5 years → 2.6353 %, 5.2011 %, … (energy.md §2).
  if (kind === 'compound-reduction') return 100 * (1 - (1 - goal / 100) ** p);
  const start = kind === 'linear' ? x.baselineValue! : 0;
  return start + (goal - start) * p;
}

/**
 * Completion of the goal (0 at baseline, 1 at the goal). For a reduction it is logarithmic,
 * C_t = ln(1 − R_t) / ln(1 − R), never R_t / R (energy.md §2, 完成五年目标进度) [V].
 */
export function completion(x: IndicatorTerms, value: number): number | null {
  const goal = goalOf(x);
  const kind = trajectoryKind(x);
  if (goal === null || kind === 'none') return null;
  if (kind === 'compound-reduction') {
    if (value >= 100) return null;
    return Math.log(1 - value / 100) / Math.log(1 - goal / 100);
  }
  const start = kind === 'linear' ? x.baselineValue! : 0;
  return goal === start ? null : (value - start) / (goal - start);
}

/** Whether a value meets a goal under the indicator's comparison. */
export function meets(comparison: Comparison, value: number, goal: number): boolean {
  switch (comparison) {
    case 'gte':
    case 'reduce_by_pct':
      return value >= goal;
    case 'gt':
      return value > goal;
    case 'lte':
      return value <= goal;
    case 'eq':
      return value === goal;
    case 'approx':
      return value >= goal; // "达 0.71 万吨/日左右": reaching the capacity counts
    case 'qualitative':
      return false;
  }
}

export type Point = { t: number; value: number };

/**
 * Forecast for the target year from the reported trend, or null with too few points.
 * Reductions are fitted on ln(1 − R) through the origin (they compound); other paths by least squares,
 * anchored at the baseline value when there is one.
 */
export function forecastAtTarget(x: IndicatorTerms, points: readonly Point[]): number | null {
  const kind = trajectoryKind(x);
  const n = spanYears(x);
  const pts = points.filter((p) => p.t > 0 && Number.isFinite(p.value));
  if (kind === 'none' || pts.length === 0) return null;
  if (kind === 'compound-reduction') {
    const ys = pts.filter((p) => p.value < 100).map((p) => ({ t: p.t, y: Math.log(1 - p.value / 100) }));
    if (ys.length === 0) return null; // a reduction of 100 % or more has no compound path
    const k = ys.reduce((s, p) => s + p.t * p.y, 0) / ys.reduce((s, p) => s + p.t * p.t, 0);
    return finiteOrNull(100 * (1 - Math.exp(k * n)));
  }
  const anchored = kind === 'linear' ? [{ t: 0, value: x.baselineValue! }, ...pts] : kind === 'cumulative' ? [{ t: 0, value: 0 }, ...pts] : pts;
  if (anchored.length < 2) return null;
  const mt = anchored.reduce((s, p) => s + p.t, 0) / anchored.length;
  const mv = anchored.reduce((s, p) => s + p.value, 0) / anchored.length;
  const sxx = anchored.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  const slope = anchored.reduce((s, p) => s + (p.t - mt) * (p.value - mv), 0) / sxx;
  return finiteOrNull(mv + slope * (n - mt));
}

// Degenerate fits (all points at one time, underflow) give no forecast rather than NaN or ∞.
const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);
