import type { ReductionRules } from './model';
import { Dec } from './decimal';

/** Completion (reduction.md §6) = cumulative verified R_Y / allocation, as a share; null without a positive allocation. */
export function completionOf(verified: number, allocation: number | null): number | null {
  if (allocation === null || !(allocation > 0)) return null;
  return Dec.of(verified).div(Dec.of(allocation)).toNumber();
}

/**
 * ECER's progress colour (reduction.md §6 [E], not the energy barometer): green when completion ≥ expected,
 * yellow when yellowFrom × expected ≤ completion < expected, red below; boundaries belong to the better
 * level and are compared in decimal (0.8 × 0.2 is 0.16 here, not 0.16000000000000003). 'none' without a completion.
 */
export function progressLevel(completion: number | null, expected: number, rules: ReductionRules): 'green' | 'yellow' | 'red' | 'none' {
  if (completion === null || !Number.isFinite(completion)) return 'none';
  const c = Dec.of(completion);
  const e = Dec.of(expected);
  if (c.gte(e)) return 'green';
  if (c.gte(e.times(Dec.of(rules.yellowFrom)))) return 'yellow';
  return 'red';
}
