import type { MethodId, Pollutant } from '../../../../src/domain/reduction/model';
import type { MessageKey } from '../../../../src/i18n/index';

/**
 * How a method parameter (reduction.md §3, named as there) is entered: one number, one number per pollutant of the
 * project (concentrations, factors, efficiencies), a text, or a list of VINs.
 */
export type ParamKind = 'number' | 'pollutants' | 'text' | 'vins';
export type ParamSpec = {
  name: string;
  kind: ParamKind;
  label: MessageKey;
  /** The schema has no default for it: the form asks for it. */
  required: boolean;
  /** An efficiency, share or mass fraction: 0–1 (out-of-range values are still sent: the engine rejects them with C4). */
  fraction?: boolean;
};

const n = (name: string, label: MessageKey, required = true, fraction = false): ParamSpec => ({ name, kind: 'number', label, required, fraction });
const pp = (name: string, label: MessageKey, required = true, fraction = false): ParamSpec => ({ name, kind: 'pollutants', label, required, fraction });

/** The parameters of each method, in the order reduction.md §3 gives them. */
export const PARAM_SPECS: Record<MethodId, readonly ParamSpec[]> = {
  W1: [
    n('q_p_m3', 'reduction.param.q_p_m3'),
    pp('cin_p_mg_l', 'reduction.param.cin_p_mg_l'),
    pp('cout_p_mg_l', 'reduction.param.cout_p_mg_l'),
    n('q0_m3_d', 'reduction.param.q0_m3_d', false),
    pp('cin0_mg_l', 'reduction.param.cin0_mg_l', false),
    pp('cout0_mg_l', 'reduction.param.cout0_mg_l', false),
  ],
  G1: [n('a2020', 'reduction.param.a2020'), pp('e2020_t', 'reduction.param.e2020_t'), n('a_p', 'reduction.param.a_p'), pp('e_p_t', 'reduction.param.e_p_t')],
  A1: [
    n('v_p_nm3', 'reduction.param.v_p_nm3'),
    pp('c0_mg_nm3', 'reduction.param.c0_mg_nm3'),
    pp('c_p_mg_nm3', 'reduction.param.c_p_mg_nm3'),
    n('missing_hours_share', 'reduction.param.missing_hours_share', false, true),
  ],
  A2: [
    n('a_p', 'reduction.param.a2_a_p'),
    pp('g_kg_per_unit', 'reduction.param.g_kg_per_unit'),
    pp('eta0', 'reduction.param.eta0', true, true),
    pp('eta_p', 'reduction.param.eta_p', true, true),
    { name: 'factor_source', kind: 'text', label: 'reduction.param.factor_source', required: false },
  ],
  A3: [pp('e2020_t', 'reduction.param.a3_e2020_t'), pp('e_sub_p_t', 'reduction.param.e_sub_p_t', false)],
  A4: [
    n('n_vehicles', 'reduction.param.n_vehicles'),
    n('l_km_per_year', 'reduction.param.l_km_per_year'),
    pp('ef_old_g_km', 'reduction.param.ef_old_g_km'),
    pp('ef_rep_g_km', 'reduction.param.ef_rep_g_km'),
    { name: 'vins', kind: 'vins', label: 'reduction.param.vins', required: false },
  ],
  W4: [n('n_head', 'reduction.param.n_head'), pp('g_g_per_head_day', 'reduction.param.g_g_per_head_day'), pp('eta0', 'reduction.param.eta0', true, true), pp('eta_p', 'reduction.param.eta_p', true, true)],
  W5: [n('p_persons', 'reduction.param.p_persons'), pp('g_g_per_person_day', 'reduction.param.g_g_per_person_day'), pp('eta0', 'reduction.param.eta0', true, true), pp('eta_p', 'reduction.param.eta_p', true, true)],
  V1: [
    n('m0_t', 'reduction.param.m0_t'),
    n('w0', 'reduction.param.w0', true, true),
    n('capture0', 'reduction.param.capture0', true, true),
    n('removal0', 'reduction.param.removal0', true, true),
    n('p0', 'reduction.param.p0'),
    n('m_p_t', 'reduction.param.m_p_t'),
    n('w_p', 'reduction.param.w_p', true, true),
    n('capture_p', 'reduction.param.capture_p', true, true),
    n('removal_p', 'reduction.param.removal_p', true, true),
    n('p_p', 'reduction.param.p_p'),
  ],
  V2: [
    n('g_p_t', 'reduction.param.g_p_t'),
    n('capture0', 'reduction.param.capture0', true, true),
    n('removal0', 'reduction.param.removal0', true, true),
    n('capture_p', 'reduction.param.capture_p', true, true),
    n('removal_p', 'reduction.param.removal_p', true, true),
  ],
  NET: [{ name: 'receiving_plant', kind: 'text', label: 'reduction.param.receiving_plant', required: true }, n('km_built', 'reduction.param.km_built', false)],
};

/** What the form holds for the parameters: numbers, maps of numbers by pollutant, texts (VINs one per line). */
export type ParamValue = number | string | null | undefined | Partial<Record<string, number | null>>;
export type ParamValues = Record<string, ParamValue>;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The `params` of a project or dispatch body from the form: empty fields left out (the server's defaults apply, or
 * it names the missing field), per-pollutant maps only for the project's pollutants, VINs split by line or comma.
 */
export function toParams(method: MethodId, values: ParamValues | undefined, pollutants: readonly Pollutant[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of PARAM_SPECS[method]) {
    const v = values?.[spec.name];
    if (spec.kind === 'number') {
      if (isNum(v)) out[spec.name] = v;
    } else if (spec.kind === 'pollutants') {
      const map: Partial<Record<Pollutant, number>> = {};
      if (isRecord(v)) for (const p of pollutants) if (isNum(v[p])) map[p] = v[p];
      // A map with nothing in it for an optional field is the same as its default ({}).
      if (Object.keys(map).length > 0 || spec.required) out[spec.name] = map;
    } else if (spec.kind === 'text') {
      const s = typeof v === 'string' ? v.trim() : '';
      if (s) out[spec.name] = s;
    } else {
      const vins = typeof v === 'string' ? v.split(/[\s,，;；]+/).map((x) => x.trim()).filter(Boolean) : [];
      if (vins.length) out[spec.name] = vins;
    }
  }
  return out;
}

/**
 * The form's values from stored params (to edit a project, or to prefill a dispatch from it). A single efficiency
 * for all pollutants (allowed by §4) is spread over the project's pollutants; VINs one per line.
 */
export function paramValues(method: MethodId, params: Record<string, unknown> | null | undefined, pollutants: readonly Pollutant[]): ParamValues {
  const out: ParamValues = {};
  for (const spec of PARAM_SPECS[method]) {
    const v = params?.[spec.name];
    if (v === undefined || v === null) continue;
    if (spec.kind === 'pollutants' && isNum(v)) out[spec.name] = Object.fromEntries(pollutants.map((p) => [p, v]));
    else if (spec.kind === 'pollutants' && isRecord(v)) out[spec.name] = Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => isNum(e[1])));
    else if (spec.kind === 'vins' && Array.isArray(v)) out[spec.name] = v.filter((x) => typeof x === 'string').join('\n');
    else if (isNum(v) || typeof v === 'string') out[spec.name] = v;
  }
  return out;
}

/** Whether the required parameters are all there (the live preview waits until they are). */
export function hasRequiredParams(method: MethodId, params: Record<string, unknown>, pollutants: readonly Pollutant[]): boolean {
  return PARAM_SPECS[method].every((spec) => {
    if (!spec.required) return true;
    const v = params[spec.name];
    if (spec.kind === 'pollutants') return isRecord(v) && pollutants.every((p) => isNum(v[p]));
    if (spec.kind === 'number') return isNum(v);
    return typeof v === 'string' ? v.trim() !== '' : v !== undefined;
  });
}
