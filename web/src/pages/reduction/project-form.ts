import dayjs, { type Dayjs } from 'dayjs';
import { MEASURE_TYPES, type MeasureType, POLLUTANTS, type Pollutant } from '../../../../src/domain/reduction/model';
import { ProjectBody } from '../../../../src/modules/reduction/schemas';
import type { ApiError } from '../../api/client';
import { pointerToPath } from '../../components/form-errors';
import { type ParamValues, paramValues, toParams } from './params';
import type { NewProject, Project } from './queries';

export type Tonnes = Partial<Record<Pollutant, number | null>>;

export type ProjectFormValues = Partial<{
  name: string;
  regionCode: string;
  measureType: MeasureType;
  pollutants: Pollutant[];
  enterpriseId: number | null;
  facilityName: string;
  uscc: string;
  outlet: string;
  address: string;
  longitude: number | null;
  latitude: number | null;
  stationMn: string;
  params: ParamValues;
  baseline_t: Tonnes;
  baselineSource: string;
  plannedStart: Dayjs | null;
  plannedCompletion: Dayjs | null;
  planned_t: Tonnes;
  note: string;
}>;

const text = (s: string | null | undefined) => s?.trim() ?? '';
const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A date picker's value as the API's YYYY-MM-DD. */
export const isoDate = (d: Dayjs | null | undefined): string | null => (d && d.isValid() ? d.format('YYYY-MM-DD') : null);
/** The API's YYYY-MM-DD as a date picker's value. */
export const pickerDate = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s, 'YYYY-MM-DD') : null);

/** The pollutants a type may claim, in the catalog's order (reduction.md §3). */
export const pollutantsOf = (type: MeasureType | undefined): Pollutant[] => (type ? [...MEASURE_TYPES[type].pollutants] : [...POLLUTANTS]);

/** A per-pollutant map of tonnes, keeping only the project's pollutants with a number. */
export function tonnesOf(values: Tonnes | undefined, pollutants: readonly Pollutant[]): Partial<Record<Pollutant, number>> {
  const out: Partial<Record<Pollutant, number>> = {};
  for (const p of pollutants) {
    const v = num(values?.[p]);
    if (v !== null) out[p] = v;
  }
  return out;
}

/** The body of a project from the form: texts trimmed, empty numbers null, maps only for its pollutants. */
export function toProjectBody(v: ProjectFormValues): NewProject {
  const type = v.measureType;
  const allowed = pollutantsOf(type);
  const pollutants = (v.pollutants ?? []).filter((p) => allowed.includes(p));
  return {
    name: text(v.name),
    regionCode: v.regionCode ?? '',
    // The server names a missing type; an empty string would fail the same way.
    measureType: type as MeasureType,
    pollutants,
    enterpriseId: v.enterpriseId ?? null,
    facilityName: text(v.facilityName),
    uscc: text(v.uscc).toUpperCase(),
    outlet: text(v.outlet),
    longitude: num(v.longitude),
    latitude: num(v.latitude),
    address: text(v.address),
    stationMn: text(v.stationMn),
    params: type ? toParams(MEASURE_TYPES[type].method, v.params, pollutants) : {},
    baseline_t: tonnesOf(v.baseline_t, pollutants),
    baselineSource: text(v.baselineSource),
    plannedStart: isoDate(v.plannedStart),
    plannedCompletion: isoDate(v.plannedCompletion),
    planned_t: tonnesOf(v.planned_t, pollutants),
    note: text(v.note),
  };
}

/** A stored project as the form's values (to edit it). */
export function projectFormValues(p: Project): ProjectFormValues {
  return {
    name: p.name,
    regionCode: p.regionCode,
    measureType: p.measureType,
    pollutants: p.pollutants,
    enterpriseId: p.enterpriseId,
    facilityName: p.facilityName,
    uscc: p.uscc,
    outlet: p.outlet,
    address: p.address,
    longitude: p.longitude,
    latitude: p.latitude,
    stationMn: p.stationMn,
    params: paramValues(p.method, p.params, p.pollutants),
    baseline_t: p.baseline_t,
    baselineSource: p.baselineSource,
    plannedStart: pickerDate(p.plannedStart),
    plannedCompletion: pickerDate(p.plannedCompletion),
    planned_t: p.planned_t,
    note: p.note,
  };
}

const BODY_KEYS = Object.keys(ProjectBody.shape) as Array<keyof NewProject>;

/** A stored project as the body it was saved from (the preview accounts a project body with a dispatch). */
export function projectBodyOf(p: Project): NewProject {
  return Object.fromEntries(BODY_KEYS.map((k) => [k, p[k]])) as NewProject; // the same keys, ProjectOut extends ProjectBody
}

/** A problem's field errors as AntD name paths (`#/params/cin_p_mg_l/COD` → params.cin_p_mg_l.COD), dropping a leading segment (the preview's `dispatch`). */
export function problemNamePaths(error: ApiError, drop?: string): Array<{ name: string[]; errors: string[] }> {
  return error.errors.flatMap((e) => {
    const path = e.pointer ? pointerToPath(e.pointer) : e.field ? e.field.split('.') : [];
    const name = drop !== undefined && path[0] === drop ? path.slice(1) : path;
    return name.length ? [{ name, errors: [e.detail || error.title] }] : [];
  });
}
