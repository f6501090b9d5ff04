/**
 * 能效标杆水平和基准水平 (发改产业〔2021〕1609号, 〔2023〕723号; energy.md §5): unit-product energy use,
 * lower is better. A unit at or below 标杆 is at benchmark level; above 基准 it must be retrofitted or exit.
 */
export type EfficiencyClass = 'benchmark' | 'between' | 'below-baseline';

export function classify(value: number, levels: { benchmark: number; baseline: number }): EfficiencyClass {
  return value <= levels.benchmark ? 'benchmark' : value <= levels.baseline ? 'between' : 'below-baseline';
}

/**
 * Share of capacity at benchmark level, Σ capacity(at benchmark) / Σ capacity, and whether it passes the goal.
 * The plan says "超过30%": the test is share > goal, not ≥ (energy.md intro) [V].
 */
export function shareAtBenchmark(units: ReadonlyArray<{ capacity: number; class: EfficiencyClass }>, goal: number): { share: number | null; meetsGoal: boolean } {
  const total = units.reduce((s, u) => s + u.capacity, 0);
  if (total <= 0) return { share: null, meetsGoal: false };
  const share = units.filter((u) => u.class === 'benchmark').reduce((s, u) => s + u.capacity, 0) / total;
  return { share, meetsGoal: Math.round(share * 1e6) > Math.round(goal * 1e6) };
}
