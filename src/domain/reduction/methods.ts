import { Dec } from './decimal';

/**
 * The formulas of reduction.md §3, one function per formula ID, on one pollutant, in exact decimals. Inputs
 * are already range-checked (C4, checks.ts). Unit identities per §2 and the permit specifications [S11][S12]:
 * m³ × mg/L = g (× 10⁻⁶ t); Nm³ × mg/Nm³ = mg (× 10⁻⁹ t); t × kg/t = kg (× 10⁻³ t); g/(head·d) × head × d = g.
 *
 * Each returns `r` (R, t), `baseline` (the pre-project emission of the same period that C3 caps R and the
 * claim with, t) and `e2020` (the method's own 2020 annual emission, t, which C3 compares with the facility's
 * reported 2020 figure; null when the method has none).
 */
export type MethodFigure = { r: Dec; baseline: Dec; e2020: Dec | null };

const G = Dec.pow10(-6); // g → t
const MG = Dec.pow10(-9); // mg → t
const KG = Dec.pow10(-3); // kg → t
const ONE = Dec.ONE;

/** Share of the year counted (T1): counted_days / days_in_year, exact. */
export const yearShare = (countedDays: number, daysInYear: number): Dec => Dec.ratio(countedDays, daysInYear);

/**
 * W1 sewage plant (reduction.md §3 W1): R = [q_p_m3 × (cin_p − cout_p) − q0_m3_d × counted_days × (cin0 − cout0)] × 10⁻⁶ t,
 * volumes in m³ (q0 in m³/d), concentrations in mg/L. Baseline (C3): the load received, q_p × cin_p × 10⁻⁶ t.
 * e2020: the 2020 effluent load q0 × 366 d × cout0 × 10⁻⁶ t (2020 is a leap year) [E].
 */
export function w1SewagePlant(x: { q_p_m3: Dec; cin_p_mg_l: Dec; cout_p_mg_l: Dec; q0_m3_d: Dec; cin0_mg_l: Dec; cout0_mg_l: Dec }, countedDays: number): MethodFigure {
  const now = x.q_p_m3.times(x.cin_p_mg_l.minus(x.cout_p_mg_l));
  const before = x.q0_m3_d.times(countedDays).times(x.cin0_mg_l.minus(x.cout0_mg_l));
  return { r: now.minus(before).times(G), baseline: x.q_p_m3.times(x.cin_p_mg_l).times(G), e2020: x.q0_m3_d.times(366).times(x.cout0_mg_l).times(G) };
}

/**
 * G1 intensity before/after (§3 G1): R = a_p × (e2020_t / a2020) − e_p_t, t; activity a in any one unit (t of
 * product, raw material or fuel), both years alike. Baseline (C3): a_p × e2020_t / a2020. e2020: e2020_t.
 */
export function g1Intensity(x: { a2020: Dec; a_p: Dec; e2020_t: Dec; e_p_t: Dec }): MethodFigure {
  const baseline = x.a_p.times(x.e2020_t).div(x.a2020);
  return { r: baseline.minus(x.e_p_t), baseline, e2020: x.e2020_t };
}

/**
 * A1 flue gas with CEMS (§3 A1): R = v_p_nm3 × (c0_mg_nm3 − c_p_mg_nm3) × 10⁻⁹ t; dry standard Nm³, measured
 * (实测, not 折算) flow-weighted mg/Nm³, NOx as NO2 [S11 附录E]. Baseline (C3): v_p × c0 × 10⁻⁹.
 */
export function a1FlueGasCems(x: { v_p_nm3: Dec; c0_mg_nm3: Dec; c_p_mg_nm3: Dec }): MethodFigure {
  return { r: x.v_p_nm3.times(x.c0_mg_nm3.minus(x.c_p_mg_nm3)).times(MG), baseline: x.v_p_nm3.times(x.c0_mg_nm3).times(MG), e2020: null };
}

/**
 * A2 factor method (§3 A2): R = a_p × g_kg_per_unit × (eta_p − eta0) × 10⁻³ t; a_p in t (or 10⁴ m³ gas), g in
 * kg per that unit (产污系数), eta removal shares. Baseline (C3): a_p × g × (1 − eta0) × 10⁻³, the emission at the old efficiency.
 */
export function a2Factor(x: { a_p: Dec; g_kg_per_unit: Dec; eta0: Dec; eta_p: Dec }): MethodFigure {
  const generated = x.a_p.times(x.g_kg_per_unit).times(KG);
  return { r: generated.times(x.eta_p.minus(x.eta0)), baseline: generated.times(ONE.minus(x.eta0)), e2020: null };
}

/**
 * A3 elimination or closure (§3 A3): R = e2020_t × f − e_sub_p_t, t; f = counted_days / days_in_year (T1).
 * Baseline (C3): e2020_t × f. e2020: e2020_t.
 */
export function a3Closure(x: { e2020_t: Dec; e_sub_p_t: Dec }, f: Dec): MethodFigure {
  const baseline = x.e2020_t.times(f);
  return { r: baseline.minus(x.e_sub_p_t), baseline, e2020: x.e2020_t };
}

/**
 * A4 old vehicles (§3 A4, after the road-vehicle inventory guide [S14]): R = n_vehicles × l_km_per_year ×
 * (ef_old_g_km − ef_rep_g_km) × 10⁻⁶ × f, t. Baseline (C3): the old fleet's emission n × l × ef_old × 10⁻⁶ × f.
 */
export function a4Vehicles(x: { n_vehicles: Dec; l_km_per_year: Dec; ef_old_g_km: Dec; ef_rep_g_km: Dec }, f: Dec): MethodFigure {
  const km = x.n_vehicles.times(x.l_km_per_year).times(G).times(f);
  return { r: km.times(x.ef_old_g_km.minus(x.ef_rep_g_km)), baseline: km.times(x.ef_old_g_km), e2020: null };
}

/**
 * W4 livestock farm (§3 W4): R = n_head × g_g_per_head_day × counted_days × (eta_p − eta0) × 10⁻⁶ t; n in pig
 * equivalents (猪当量). Baseline (C3): the generation n × g × counted_days × 10⁻⁶.
 */
export function w4Livestock(x: { n_head: Dec; g_g_per_head_day: Dec; eta0: Dec; eta_p: Dec }, countedDays: number): MethodFigure {
  const generated = x.n_head.times(x.g_g_per_head_day).times(countedDays).times(G);
  return { r: generated.times(x.eta_p.minus(x.eta0)), baseline: generated, e2020: null };
}

/**
 * W5 rural domestic sewage without a flow meter (§3 W5): R = p_persons × g_g_per_person_day × counted_days ×
 * (eta_p − eta0) × 10⁻⁶ t. Baseline (C3): the generation p × g × counted_days × 10⁻⁶ (as W4).
 */
export function w5RuralSewage(x: { p_persons: Dec; g_g_per_person_day: Dec; eta0: Dec; eta_p: Dec }, countedDays: number): MethodFigure {
  const generated = x.p_persons.times(x.g_g_per_person_day).times(countedDays).times(G);
  return { r: generated.times(x.eta_p.minus(x.eta0)), baseline: generated, e2020: null };
}

/**
 * V1 VOCs source substitution (§3 V1): E = m_t × w × (1 − capture × removal) for 2020 (0) and the period (p);
 * R = p_p × E0 / p0 − E_p, t, the baseline scaled by production (never by material). Baseline (C3): the 2020
 * generation at today's production, p_p × m0 × w0 / p0 (§5 "generation for V1"). e2020: E0.
 */
export function v1Substitution(x: { m0_t: Dec; w0: Dec; capture0: Dec; removal0: Dec; p0: Dec; m_p_t: Dec; w_p: Dec; capture_p: Dec; removal_p: Dec; p_p: Dec }): MethodFigure {
  const e0 = x.m0_t.times(x.w0).times(ONE.minus(x.capture0.times(x.removal0)));
  const ep = x.m_p_t.times(x.w_p).times(ONE.minus(x.capture_p.times(x.removal_p)));
  const scale = x.p_p.div(x.p0);
  return { r: scale.times(e0).minus(ep), baseline: scale.times(x.m0_t).times(x.w0), e2020: e0 };
}

/**
 * V2 VOCs end-of-pipe upgrade (§3 V2): R = g_p_t × (capture_p × removal_p − capture0 × removal0), t; g the VOCs
 * generated in the period. Baseline (C3): the generation g_p_t.
 */
export function v2EndOfPipe(x: { g_p_t: Dec; capture0: Dec; removal0: Dec; capture_p: Dec; removal_p: Dec }): MethodFigure {
  const k0 = x.capture0.times(x.removal0);
  const kp = x.capture_p.times(x.removal_p);
  return { r: x.g_p_t.times(kp.minus(k0)), baseline: x.g_p_t, e2020: null };
}
