import type { Db } from '../../db/client';
import { POLLUTANTS, type Pollutant, type ReductionRules } from '../../domain/reduction/index';
import { referenceAt } from '../reference/service';
import * as repo from './repo';

/** The reduction rules (reference key `reduction-rules`) in force on a day, YYYY-MM-DD. */
export async function reductionRules(db: Db, date: string): Promise<ReductionRules> {
  return (await referenceAt(db, 'reduction-rules', date)).value;
}

export type PollutantTarget = { pollutant: Pollutant; indicatorId: number; code: string; name: string; target: number; targetYear: number; departmentIds: number[]; unit: string | null; comparison: string; stretch: number | null };

/**
 * The four city targets: the plan indicators the rules name (Ganzhou: I03–I06, in 吨), with the departments the
 * plan lists on them (the bureau that verifies dispatches). A pollutant whose indicator is missing is left out.
 */
export async function pollutantTargets(db: Db, rules: ReductionRules): Promise<PollutantTarget[]> {
  const codes = POLLUTANTS.map((p) => rules.targetIndicators[p]).filter((c): c is string => !!c);
  const found = new Map((await repo.findTargetIndicators(db, codes)).map((i) => [i.code, i]));
  return POLLUTANTS.flatMap((pollutant) => {
    const x = found.get(rules.targetIndicators[pollutant] ?? '');
    return x ? [{ pollutant, indicatorId: x.id, code: x.code, name: x.name, target: x.target ?? x.stretch ?? 0, targetYear: x.targetYear, departmentIds: x.departmentIds, unit: x.unit, comparison: x.comparison, stretch: x.stretch }] : [];
  });
}

/** The departments that verify reduction dispatches: those the plan lists on any pollutant target. */
export async function bureauDepartmentIds(db: Db, rules: ReductionRules): Promise<number[]> {
  return [...new Set((await pollutantTargets(db, rules)).flatMap((t) => t.departmentIds))];
}
