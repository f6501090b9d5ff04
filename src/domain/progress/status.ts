import { type IndicatorTerms, completion, goalOf, meets, timeProgress, trajectoryKind } from './trajectory';

/** 进展状态: the one rule that names how an indicator stands. */
export type ProgressStatus = 'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'unknown';

/**
 * The thresholds of the rule: reference data, not literals. ECER's own default [E], the same
 * colours reduction.md §6 proposes: at risk from 0.8 × the expected completion.
 */
export type StatusRule = { atRiskRatio: number };

export type ProgressAssessment = {
  status: ProgressStatus;
  /** Completion of the goal (0 at baseline, 1 at the goal), or null without a path. */
  completion: number | null;
  /** The completion the time elapsed asks for (t/n). */
  expectedCompletion: number;
  meetsTarget: boolean;
  /** Whether the 力争 value is reached as well (false when the plan sets none). */
  meetsStretch: boolean;
};

/**
 * How an indicator stands at time t with its latest value:
 * achieved when the value meets the goal (target, or the stretch value when only 力争 is set);
 * otherwise on track when completion ≥ expected, at risk when ≥ atRiskRatio × expected, else off track.
 */
export function assessProgress(x: IndicatorTerms, t: number, latest: number | null, rule: StatusRule): ProgressAssessment {
  const expectedCompletion = timeProgress(x, t);
  const goal = goalOf(x);
  if (latest === null || goal === null) {
    return { status: 'unknown', completion: null, expectedCompletion, meetsTarget: false, meetsStretch: false };
  }
  const meetsTarget = meets(x.comparison, latest, goal);
  const meetsStretch = x.stretch !== null && meets(x.comparison, latest, x.stretch);
  const c = completion(x, latest);
  if (meetsTarget) return { status: 'achieved', completion: c, expectedCompletion, meetsTarget, meetsStretch };
  if (c === null || trajectoryKind(x) === 'none') return { status: 'unknown', completion: c, expectedCompletion, meetsTarget, meetsStretch };
  const status: ProgressStatus = c >= expectedCompletion ? 'on-track' : c >= rule.atRiskRatio * expectedCompletion ? 'at-risk' : 'off-track';
  return { status, completion: c, expectedCompletion, meetsTarget, meetsStretch };
}
