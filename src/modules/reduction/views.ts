import { type EvidenceKind, type MeasureType, type MethodId, type Pollutant, type ProjectResult, type ProjectStatus, type ReductionRules, compareWithMonitoring, missingEvidence } from '../../domain/reduction/index';
import type { Db } from '../../db/client';
import { stationMeansBeforeAfter } from '../monitoring/readings.service';
import type { DispatchRow, ProjectRow } from './repo';
import type { AccountingOut, DispatchOut, ProjectOut } from './schemas';

type PerPollutant = Partial<Record<Pollutant, number>>;
type DispatchStatus = DispatchOut['status'];

/** A project row as the API shows it, with the evidence kinds still missing for its method (reduction.md §4). */
export function projectOut(p: ProjectRow, evidenceKinds: readonly string[]): ProjectOut {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    regionCode: p.regionCode,
    measureType: p.measureType as MeasureType,
    method: p.method as MethodId,
    pollutants: p.pollutants as Pollutant[],
    enterpriseId: p.enterpriseId,
    facilityName: p.facilityName,
    uscc: p.uscc,
    outlet: p.outlet,
    longitude: p.longitude,
    latitude: p.latitude,
    address: p.address,
    stationMn: p.stationMn,
    params: p.params,
    baseline_t: p.baseline as PerPollutant,
    baselineSource: p.baselineSource,
    plannedStart: p.plannedStart,
    plannedCompletion: p.plannedCompletion,
    planned_t: p.planned as PerPollutant,
    note: p.note,
    registered: p.registeredAt !== null,
    status: p.status as ProjectOut['status'],
    verified_t: p.verified as PerPollutant,
    verifiedYear: p.verifiedYear,
    lastDispatchMonth: p.lastDispatchMonth,
    lastDispatchStatus: p.lastDispatchStatus as DispatchStatus | null,
    missingEvidence: missingEvidence(p.method as MethodId, evidenceKinds as EvidenceKind[]),
    updatedAt: p.updatedAt,
  };
}

/** The engine's result as stored (ids dropped: the dispatch says whose it is). */
export function accountingOut(r: ProjectResult): AccountingOut {
  return { year: r.year, method: r.method, countStart: r.countStart, countedDays: r.countedDays, f: r.f, rejection: r.rejection, pollutants: r.pollutants };
}

export function dispatchOut(d: DispatchRow, submittedByName: string): DispatchOut {
  const dates = d.dates;
  return {
    id: d.id,
    projectId: d.projectId,
    month: d.month,
    revision: d.revision,
    status: d.status as DispatchStatus,
    projectStatus: d.projectStatus as ProjectStatus,
    dates: { actualStart: dates.actualStart ?? null, completion: dates.completion ?? null, acceptance: dates.acceptance ?? null, eventDate: dates.eventDate ?? null, endDate: dates.endDate ?? null },
    progressNote: d.progressNote,
    progressPct: d.progressPct,
    params: d.params,
    claimed_t: d.claimed as PerPollutant,
    offsets: d.offsets as DispatchOut['offsets'],
    baselineExplanation: d.baselineExplanation,
    correctionReason: d.correctionReason,
    accounting: d.accounting as AccountingOut,
    submittedBy: d.submittedBy,
    submittedByName,
    submittedAt: d.submittedAt,
  };
}

/** The concentrations a method claims before and after, with their unit: W1 effluent (mg/L), A1 flue gas (mg/Nm³). */
function claimedConcentrations(method: string, params: Record<string, unknown>, pollutant: Pollutant) {
  const at = (k: string) => {
    const m = params[k];
    const v = m && typeof m === 'object' ? (m as Record<string, unknown>)[pollutant] : undefined;
    return typeof v === 'number' ? v : null;
  };
  if (method === 'W1') return { claimedBefore: at('cout0_mg_l'), claimedAfter: at('cout_p_mg_l'), unit: 'mg/L' };
  if (method === 'A1') return { claimedBefore: at('c0_mg_nm3'), claimedAfter: at('c_p_mg_nm3'), unit: 'mg/Nm³' };
  return { claimedBefore: null, claimedAfter: null, unit: '' };
}

/** The HJ 212 factor each pollutant is measured as (Appendix B: COD w01018, 氨氮 w21003, NOx a21002, VOCs as 非甲烷总烃 a24088). */
const MONITORED_FACTOR: Record<Pollutant, string> = { COD: 'w01018', 'NH3-N': 'w21003', NOx: 'a21002', VOCs: 'a24088' };

/**
 * Measured before/after means of a station (HJ 212, by MN) for the facility's pollutants, from its day (or hour)
 * data: 2020 against the project's completion year, or the earliest against the latest month with data. Null when
 * no station is registered under the MN.
 */
async function measuredMeans(db: Db, stationMn: string, pollutants: readonly Pollutant[], afterYear: number | null): Promise<Map<Pollutant, { before: number | null; after: number | null }> | null> {
  const means = await stationMeansBeforeAfter(db, stationMn, pollutants.map((p) => MONITORED_FACTOR[p]), afterYear);
  return means && new Map(pollutants.map((p) => [p, means.get(MONITORED_FACTOR[p])!]));
}

/** 在线监测比对 (reduction.md §5 cross-checks): claimed concentrations next to the station's measured ones. */
export async function monitoringCheck(db: Db, p: ProjectRow, params: Record<string, unknown>, rules: ReductionRules) {
  if (!p.stationMn) return null;
  const pollutants = p.pollutants as Pollutant[];
  const measured = await measuredMeans(db, p.stationMn, pollutants, p.plannedCompletion ? Number(p.plannedCompletion.slice(0, 4)) : null);
  const rows = pollutants.map((pollutant) => {
    const claimed = claimedConcentrations(p.method, params, pollutant);
    const m = measured?.get(pollutant);
    return { pollutant, claimedBefore: claimed.claimedBefore, claimedAfter: claimed.claimedAfter, measuredBefore: m?.before ?? null, measuredAfter: m?.after ?? null, unit: claimed.unit };
  });
  return { stationMn: p.stationMn, available: measured !== null, rows: compareWithMonitoring(rows, rules.monitoringTolerance) };
}
