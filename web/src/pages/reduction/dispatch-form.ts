import type { Dayjs } from 'dayjs';
import type { MethodId, Pollutant, ProjectStatus } from '../../../../src/domain/reduction/model';
import { type ParamValues, paramValues, toParams } from './params';
import { isoDate, pickerDate, type Tonnes, tonnesOf } from './project-form';
import type { Dispatch, NewDispatch, Project } from './queries';

export type OffsetValues = Partial<Record<Pollutant, { t?: number | null; approvalNo?: string }>>;

export type DispatchFormValues = Partial<{
  status: ProjectStatus;
  actualStart: Dayjs | null;
  completion: Dayjs | null;
  acceptance: Dayjs | null;
  eventDate: Dayjs | null;
  endDate: Dayjs | null;
  progressNote: string;
  progressPct: number | null;
  params: ParamValues;
  claimed_t: Tonnes;
  offsets: OffsetValues;
  baselineExplanation: string;
  correctionReason: string;
}>;

const text = (s: string | null | undefined) => s?.trim() ?? '';

/**
 * The month's dispatch body from the form. An offset is sent once either its tonnes or its approval number is
 * filled, so the server names the other one when it is missing (C7).
 */
export function toDispatchBody(month: string, method: MethodId, pollutants: readonly Pollutant[], v: DispatchFormValues): NewDispatch {
  const offsets: NonNullable<NewDispatch['offsets']> = {};
  for (const p of pollutants) {
    const o = v.offsets?.[p];
    const t = typeof o?.t === 'number' && Number.isFinite(o.t) ? o.t : null;
    const approvalNo = text(o?.approvalNo);
    if (t !== null || approvalNo) offsets[p] = { t: t ?? 0, approvalNo };
  }
  return {
    month,
    status: v.status as ProjectStatus, // required by the form; the server names it if missing
    dates: { actualStart: isoDate(v.actualStart), completion: isoDate(v.completion), acceptance: isoDate(v.acceptance), eventDate: isoDate(v.eventDate), endDate: isoDate(v.endDate) },
    progressNote: text(v.progressNote),
    progressPct: typeof v.progressPct === 'number' ? v.progressPct : null,
    params: toParams(method, v.params, pollutants),
    claimed_t: tonnesOf(v.claimed_t, pollutants),
    offsets,
    baselineExplanation: text(v.baselineExplanation),
    correctionReason: text(v.correctionReason) || null,
  };
}

/**
 * The form to start from: the month's last filing when there is one (a returned dispatch is fixed, not retyped),
 * else the project's registered status and parameters.
 */
export function dispatchFormValues(project: Project, last: Dispatch | null): DispatchFormValues {
  if (last) {
    return {
      status: last.projectStatus,
      actualStart: pickerDate(last.dates.actualStart),
      completion: pickerDate(last.dates.completion),
      acceptance: pickerDate(last.dates.acceptance),
      eventDate: pickerDate(last.dates.eventDate),
      endDate: pickerDate(last.dates.endDate),
      progressNote: last.progressNote,
      progressPct: last.progressPct,
      params: paramValues(project.method, last.params, project.pollutants),
      claimed_t: last.claimed_t,
      offsets: last.offsets,
      baselineExplanation: last.baselineExplanation,
    };
  }
  return {
    status: project.status === 'verified' ? 'operating' : project.status,
    params: paramValues(project.method, project.params, project.pollutants),
  };
}

/** A verified month filed again is a correction: the server asks for its reason. */
export const needsCorrectionReason = (last: Dispatch | null) => last?.status === 'approved';
