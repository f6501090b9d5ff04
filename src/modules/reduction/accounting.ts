import { z } from 'zod';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { type EvidenceKind, MEASURE_TYPES, type MeasureType, type MethodId, MethodParams, type Pollutant, type PriorClaims, type ProjectInput, type ProjectResult, type ProjectStatus, type ReductionRules, accountProjects } from '../../domain/reduction/index';
import * as repo from './repo';
import type { DispatchBody, ProjectBody } from './schemas';

const zhCN = z.locales.zhCN().localeError;

/** The method's parameters checked against reduction.md §3's names; a bad one is a 400 naming it under `pointerBase`. */
export function parseParams(method: MethodId, params: Record<string, unknown>, pointerBase: string): Record<string, unknown> {
  const r = MethodParams[method].safeParse(params, { error: zhCN });
  if (r.success) return r.data as Record<string, unknown>;
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String);
  const field = [pointerBase, ...path].join('.');
  throw new AppError('validation', `${method} 参数 ${path.join('.') || '(全部)'}：${issue.message}`, { pointer: `#/${[pointerBase, ...path].join('/')}`, field });
}

/** Pollutants the project type may claim (reduction.md §3, MEASURE_TYPES); another one is a 400 at its index. */
export function checkPollutants(measureType: MeasureType, pollutants: readonly Pollutant[], pointerBase = 'pollutants') {
  const allowed: readonly Pollutant[] = MEASURE_TYPES[measureType].pollutants;
  const seen = new Set<Pollutant>();
  pollutants.forEach((p, i) => {
    const where = { pointer: `#/${pointerBase.replace(/\./g, '/')}/${i}`, field: `${pointerBase}.${i}` };
    if (!allowed.includes(p)) throw new AppError('validation', `该工程类型只核算 ${allowed.join('、')}，不含 ${p}`, where);
    if (seen.has(p)) throw new AppError('validation', `污染物 ${p} 重复`, where);
    seen.add(p);
  });
}

type ProjectFacts = Pick<ProjectBody, 'measureType' | 'regionCode' | 'uscc' | 'outlet' | 'pollutants' | 'baseline_t'>;
type DispatchFacts = Pick<DispatchBody, 'month' | 'status' | 'dates' | 'claimed_t' | 'offsets' | 'baselineExplanation'> & { params: Record<string, unknown> };

/** The engine's input for a project's month: its year, the month's status, dates and year-to-date parameters. */
export function projectInput(id: string, p: ProjectFacts, d: DispatchFacts, evidence: readonly string[] | undefined): ProjectInput {
  return {
    id,
    year: Number(d.month.slice(0, 4)),
    measureType: p.measureType,
    regionCode: p.regionCode,
    uscc: p.uscc,
    outlet: p.outlet,
    pollutants: p.pollutants,
    status: d.status as ProjectStatus,
    eventDate: d.dates.eventDate,
    endDate: d.dates.endDate,
    params: d.params,
    offsets: d.offsets,
    offsetCitedWithoutTonnage: false,
    claimed_t: d.claimed_t,
    reported_e2020_t: p.baseline_t,
    baselineExplanation: d.baselineExplanation,
    evidence: evidence as EvidenceKind[] | undefined,
  };
}

/** Claims other projects already have accepted in the ledger: their facility keys for the year, and VINs of any year. */
export async function priorClaims(db: Db, year: number, projectId: number): Promise<PriorClaims> {
  const [facilities, vins] = await Promise.all([repo.priorFacilityClaims(db, year, projectId), repo.priorVins(db, projectId)]);
  return {
    facilities: facilities.map((f) => ({ ...f, pollutant: f.pollutant as Pollutant, measureType: f.measureType as MeasureType })),
    vins,
  };
}

/** Accounts one project's month against what is already accepted elsewhere (C1/C2 across counties). */
export async function accountAgainstLedger(db: Db, projectId: number, input: ProjectInput, rules: ReductionRules): Promise<ProjectResult> {
  const prior = await priorClaims(db, input.year, projectId);
  return accountProjects([input], rules, prior)[0]!;
}
