import type { z } from 'zod';
import { ClaimLedger, figureRejection, periodRejection, pollutantInputs, reject, scalarInputs, statusRejection } from './checks';
import { Dec, tonnes } from './decimal';
import { missingEvidence } from './evidence';
import { type MethodFigure, a1FlueGasCems, a2Factor, a3Closure, a4Vehicles, g1Intensity, v1Substitution, v2EndOfPipe, w1SewagePlant, w4Livestock, w5RuralSewage, yearShare } from './methods';
import { MEASURE_TYPES, type MeasureType, MethodParams, type MethodId, type Pollutant, type PollutantResult, type ProjectInput, type ProjectResult, type ReductionRules, type Rejection } from './model';
import { countedPeriod, countedRange } from './period';

/** Claims already accepted elsewhere (e.g. other verified projects in the database), for the cross-project checks C1/C2. */
export type PriorClaims = {
  facilities: Array<{ uscc: string; outlet: string; pollutant: Pollutant; measureType: MeasureType; regionCode: string; projectId: string }>;
  vins: Array<{ vin: string; projectId: string }>;
};

type Method = Exclude<MethodId, 'NET'>;
type Period = ReturnType<typeof countedPeriod>;
type V = Record<string, Dec>;

/** R, its C3 baseline and the 2020 figure of one pollutant, by formula ID (reduction.md §3). */
function figureOf(method: Method, v: V, p: Period): MethodFigure {
  const f = yearShare(p.countedDays, p.daysInYear);
  switch (method) {
    case 'W1': return w1SewagePlant(v as Parameters<typeof w1SewagePlant>[0], p.countedDays);
    case 'G1': return g1Intensity(v as Parameters<typeof g1Intensity>[0]);
    case 'A1': return a1FlueGasCems(v as Parameters<typeof a1FlueGasCems>[0]);
    case 'A2': return a2Factor(v as Parameters<typeof a2Factor>[0]);
    case 'A3': return a3Closure(v as Parameters<typeof a3Closure>[0], f);
    case 'A4': return a4Vehicles(v as Parameters<typeof a4Vehicles>[0], f);
    case 'W4': return w4Livestock(v as Parameters<typeof w4Livestock>[0], p.countedDays);
    case 'W5': return w5RuralSewage(v as Parameters<typeof w5RuralSewage>[0], p.countedDays);
    case 'V1': return v1Substitution(v as Parameters<typeof v1Substitution>[0]);
    case 'V2': return v2EndOfPipe(v as Parameters<typeof v2EndOfPipe>[0]);
  }
}

/** The input field C3's BASELINE_MISMATCH points at: the method's own 2020 figure. */
function e2020Field(method: Method, pollutant: Pollutant): string | null {
  if (method === 'G1' || method === 'A3') return `params.e2020_t.${pollutant}`;
  if (method === 'V1') return 'params.m0_t';
  if (method === 'W1') return `params.cout0_mg_l.${pollutant}`;
  return null;
}

/** A schema issue of the method's params as C4's rejection, naming the field (`params.<name>[.<pollutant>]`). */
function paramsRejection(id: string, error: z.ZodError): Rejection {
  const issue = error.issues[0]!;
  let path = issue.path.map(String);
  // An efficiency is a number or a map: report the branch that got further (the map's missing key).
  if (issue.code === 'invalid_union') {
    const deeper = issue.errors.flat().find((i) => i.path.length > 0);
    if (deeper) path = [...path, ...deeper.path.map(String)];
  }
  if (issue.code === 'unrecognized_keys') path = [...path, String(issue.keys[0])];
  const field = ['params', ...path].join('.');
  const what = issue.code === 'unrecognized_keys' ? '不是可申报的污染物' : issue.code === 'invalid_type' && issue.input === undefined ? '缺失' : '不是有效数值';
  return reject('PARAMETER_OUT_OF_RANGE', `项目 ${id} 的参数 ${field} ${what}`, field);
}

type Detail = {
  result: ProjectResult;
  /** Exact R and baseline of the pollutants that stand, for the cross-project checks. */
  exact: Map<Pollutant, { r: Dec; baseline: Dec | null }>;
  vins: string[];
};

const pollutantResult = (pollutant: Pollutant, offset: number, fig: { r: Dec; baseline: Dec | null } | null, rejection: Rejection | null): PollutantResult => ({
  pollutant,
  reduction_t: fig ? tonnes(fig.r) : 0,
  offset_t: tonnes(Dec.of(offset)),
  countable_t: fig && !rejection ? tonnes(fig.r.minus(offset)) : 0,
  baseline_t: fig?.baseline ? tonnes(fig.baseline) : null,
  flags: fig?.r.isNegative() ? ['REVIEW_NEGATIVE'] : [],
  rejection,
});

function accountDetail(input: ProjectInput, rules: ReductionRules): Detail {
  const method = MEASURE_TYPES[input.measureType].method;
  const applicable: readonly Pollutant[] = MEASURE_TYPES[input.measureType].pollutants;
  const period = countedPeriod(input.eventDate, input.endDate, input.year);
  const pollutants = [...new Set(input.pollutants)];
  const offsetOf = (pl: Pollutant) => input.offsets[pl]?.t ?? 0;
  const exact = new Map<Pollutant, { r: Dec; baseline: Dec | null }>();
  const base = { id: input.id, year: input.year, method, countStart: period.countStart, countedDays: period.countedDays, f: period.f };
  const notApplicable = (pl: Pollutant): Rejection => reject('POLLUTANT_NOT_APPLICABLE', `项目 ${input.id} 的工程类型 ${input.measureType} 不核算 ${pl}（可核算：${applicable.join('、')}）`, 'pollutants');
  const whole = (rejection: Rejection): Detail => ({
    result: { ...base, rejection, pollutants: pollutants.map((pl) => pollutantResult(pl, offsetOf(pl), null, applicable.includes(pl) ? rejection : notApplicable(pl))) },
    exact,
    vins: [],
  });

  // C2: a pipe network has no tonnage of its own; its receiving plant's W1 counts it (§3 W1).
  if (method === 'NET') {
    const claimed = Object.entries(input.claimed_t).filter(([, t]) => t !== undefined && t !== 0);
    if (claimed.length) {
      const [pl, t] = claimed[0]!;
      const plant = typeof input.params.receiving_plant === 'string' ? input.params.receiving_plant : '（未填）';
      return whole(reject('NETWORK_COUNTED_SEPARATELY', `项目 ${input.id} 为管网工程，填报 ${claimed.map(([k, v]) => `${k} ${v} t`).join('、')}；管网的削减量已在接纳污水处理厂 ${plant} 的 W1 中计算，不得另计`, `claimed_t.${pl}`));
    }
    const parsed = MethodParams.NET.safeParse(input.params);
    if (!parsed.success) return whole(paramsRejection(input.id, parsed.error));
    return { result: { ...base, rejection: null, pollutants: pollutants.map((pl) => pollutantResult(pl, offsetOf(pl), { r: Dec.ZERO, baseline: null }, applicable.includes(pl) ? null : notApplicable(pl))) }, exact, vins: [] };
  }

  // C5: status, then dates (T1), then evidence; C7: an offset cited without its tonnage is returned.
  const early =
    statusRejection(input.id, input.status, input.endDate) ??
    periodRejection(input.id, { eventDate: input.eventDate, endDate: input.endDate, year: input.year, countStart: period.countStart, countedDays: period.countedDays });
  if (early) return whole(early);
  if (input.evidence) {
    const lacking = missingEvidence(method, input.evidence);
    if (lacking.length) return whole(reject('MISSING_EVIDENCE', `项目 ${input.id} 缺少佐证材料：${lacking.join('、')}`, 'evidence'));
  }
  if (input.offsetCitedWithoutTonnage) return whole(reject('OFFSET_MISSING', `项目 ${input.id} 已被新建项目审批文件列为总量替代来源，但未填替代量 offsets，须补正后再核算`, 'offsets'));

  // C4: the params as the method names them (§3), then their physical ranges.
  const parsed = MethodParams[method].safeParse(input.params);
  if (!parsed.success) return whole(paramsRejection(input.id, parsed.error));
  const params = parsed.data as Record<string, unknown>;
  const scalars = scalarInputs(input.id, method, params, rules);
  if ('rejection' in scalars) return whole(scalars.rejection);
  const vins = method === 'A4' ? (params.vins as string[]) : [];
  const seen = new Set<string>();
  for (const [k, vin] of vins.entries()) {
    if (seen.has(vin)) return whole(reject('DUPLICATE_VEHICLE', `项目 ${input.id} 的车辆 VIN ${vin} 在本项目中重复出现`, `params.vins[${k}]`));
    seen.add(vin);
  }

  const results = pollutants.map((pl): PollutantResult => {
    if (!applicable.includes(pl)) return pollutantResult(pl, offsetOf(pl), null, notApplicable(pl));
    const v = pollutantInputs(input.id, method, params, pl, scalars.values);
    if ('rejection' in v) return pollutantResult(pl, offsetOf(pl), null, v.rejection);
    const fig = figureOf(method, v.values, period);
    // C3 (baseline, cap) goes before C6 (claim).
    let rejection = figureRejection(input.id, pl, fig, { claimed: input.claimed_t[pl], reported: input.reported_e2020_t[pl], baselineExplanation: input.baselineExplanation, e2020Field: e2020Field(method, pl) }, rules);
    // C7: the offset is deducted, and cannot exceed R.
    const offset = offsetOf(pl);
    if (!rejection && offset > 0 && fig.r.lt(offset)) {
      rejection = reject('PARAMETER_OUT_OF_RANGE', `项目 ${input.id} ${pl} 的总量替代量 offsets.${pl}.t = ${offset} t 大于其削减量 ${fig.r.toFixed(3)} t`, `offsets.${pl}.t`);
    }
    if (!rejection) exact.set(pl, { r: fig.r, baseline: fig.baseline });
    return pollutantResult(pl, offset, fig, rejection);
  });
  return { result: { ...base, rejection: null, pollutants: results }, exact, vins };
}

/**
 * One project for one year (reduction.md §3), with the per-project checks (C3–C7, and C2 for a pipe network):
 * R per pollutant in t (rounded half-up to 0.001 once), the offset deducted, a rejection with its reason.
 */
export function accountProject(input: ProjectInput, rules: ReductionRules): ProjectResult {
  return accountDetail(input, rules).result;
}

/**
 * Many projects: each accounted alone, then the cross-project checks C1/C2 (same facility and measure, same
 * VIN, one facility in two regions, two measures on one stream) in input order, against `prior` claims too.
 * The first accepted claim stands; tonnes as accountProject. `rules` may depend on the project (its year's
 * version) so that projects of several years are checked against each other in one pass.
 */
export function accountProjects(inputs: ProjectInput[], rules: ReductionRules | ((input: ProjectInput) => ReductionRules), prior?: PriorClaims): ProjectResult[] {
  const ledger = new ClaimLedger(prior);
  const rulesOf = typeof rules === 'function' ? rules : () => rules;
  return inputs.map((input) => {
    const d = accountDetail(input, rulesOf(input));
    const r = d.result;
    if (r.rejection) return r;
    const whole = ledger.crossRegion(input.id, input.uscc, input.regionCode) ?? ledger.duplicateVehicle(input.id, d.vins);
    if (whole) return { ...r, rejection: whole, pollutants: r.pollutants.map((pl) => ({ ...pl, countable_t: 0, rejection: pl.rejection ?? whole })) };
    const range = countedRange(input.eventDate, input.endDate, input.year);
    const pollutants = r.pollutants.map((pl) => {
      const fig = d.exact.get(pl.pollutant);
      if (!fig || pl.rejection) return pl;
      const claim = { uscc: input.uscc, outlet: input.outlet, pollutant: pl.pollutant, measureType: input.measureType, year: input.year, range };
      const rejection = ledger.duplicateFacility(input.id, claim) ?? (fig.baseline ? ledger.sharedStream(input.id, { ...claim, r: fig.r, baseline: fig.baseline }) : null);
      if (rejection) return { ...pl, countable_t: 0, rejection };
      ledger.acceptPollutant(input.id, { ...claim, r: fig.r, baseline: fig.baseline });
      return pl;
    });
    // Only a project with a claim that stands owns its facility and VINs.
    if (pollutants.some((pl) => !pl.rejection && d.exact.has(pl.pollutant))) ledger.acceptProject(input.id, input.uscc, input.regionCode, d.vins);
    return { ...r, pollutants };
  });
}
