import { Dec } from './decimal';
import type { MeasureType, MethodId, Pollutant, ProjectStatus, ReductionRules, Rejection, RejectionCode } from './model';

/**
 * The checks of reduction.md §5 that reject a claim, each with a Chinese reason naming the project, the field
 * and the figures compared. account.ts runs them in the order §5 implies (C5, C4, C3 before C6, then C1/C2).
 */

export const reject = (code: RejectionCode, reason: string, field: string | null): Rejection => ({ code, reason, field });

/** Tonnes in a reason: three decimals, as published. */
export const t3 = (x: Dec): string => x.toFixed(3);

// ---------------------------------------------------------------- C5 NOT_COUNTABLE

const STATUS_ZH: Record<ProjectStatus, string> = {
  planned: '计划',
  'under-construction': '在建',
  completed: '已完工',
  trial: '试运行',
  operating: '稳定运行',
  stopped: '已停运',
};

/**
 * C5 by status (§2 T1, §5): only stable operation counts, and a stopped project up to its end date; trial
 * operation, a project without acceptance or one not yet built never counts.
 */
export function statusRejection(id: string, status: ProjectStatus, endDate: string | null): Rejection | null {
  if (status === 'operating') return null;
  if (status === 'stopped') return endDate ? null : reject('NOT_COUNTABLE', `项目 ${id} 状态为"已停运"但未填停运日期 endDate，无法确定计入期`, 'endDate');
  return reject('NOT_COUNTABLE', `项目 ${id} 状态为"${STATUS_ZH[status]}"（${status}），未达到稳定运行，不计减排量`, 'status');
}

/** C5 by dates (T1): no event date, an event before 2021 (already in the 2020 baseline, §3), or nothing counted in year Y. */
export function periodRejection(id: string, p: { eventDate: string | null; endDate: string | null; year: number; countStart: string | null; countedDays: number }): Rejection | null {
  if (!p.eventDate) return reject('NOT_COUNTABLE', `项目 ${id} 缺少计入起始的事件日期 eventDate（稳定运行、关停或注销日期）`, 'eventDate');
  if (p.eventDate < '2021-01-01') return reject('NOT_COUNTABLE', `项目 ${id} 的事件日期 ${p.eventDate} 早于 2021 年，已含在 2020 年基数中，不是"十四五"重点工程减排量`, 'eventDate');
  if (p.countedDays > 0) return null;
  if (p.countStart && p.countStart > `${p.year}-12-31`) return reject('NOT_COUNTABLE', `项目 ${id} 自 ${p.countStart} 起计（事件日期 ${p.eventDate} 的次月首日），晚于 ${p.year}-12-31，${p.year} 年不计`, 'eventDate');
  return reject('NOT_COUNTABLE', `项目 ${id} 的停运日期 endDate ${p.endDate} 早于计入起始日 ${p.countStart}，${p.year} 年无计入天数`, 'endDate');
}

// ---------------------------------------------------------------- C4 PARAMETER_OUT_OF_RANGE

type Range = 'nonneg' | 'share' | 'positive';
/** scalar: one number; map: per pollutant; eff: one number for all pollutants or a map (§4). */
type Kind = 'scalar' | 'map' | 'eff';
type ParamSpec = { name: string; kind: Kind; range: Range; label: string; /** missing allowed (then 0) when this holds */ optional?: (s: Record<string, Dec>) => boolean };

const p = (name: string, kind: Kind, range: Range, label: string, optional?: ParamSpec['optional']): ParamSpec => ({ name, kind, range, label, ...(optional ? { optional } : {}) });
const always = () => true;
const newPlant = (s: Record<string, Dec>) => s.q0_m3_d!.isZero();

/** Each method's inputs (reduction.md §3) with their physical range (§5 C4). */
export const PARAM_SPECS: Record<Exclude<MethodId, 'NET'>, readonly ParamSpec[]> = {
  W1: [p('q_p_m3', 'scalar', 'nonneg', '计入期处理水量'), p('q0_m3_d', 'scalar', 'nonneg', '2020 年日均处理水量'), p('cin_p_mg_l', 'map', 'nonneg', '计入期进水浓度'), p('cout_p_mg_l', 'map', 'nonneg', '计入期出水浓度'), p('cin0_mg_l', 'map', 'nonneg', '2020 年进水浓度', newPlant), p('cout0_mg_l', 'map', 'nonneg', '2020 年出水浓度', newPlant)],
  G1: [p('a2020', 'scalar', 'positive', '2020 年活动水平'), p('a_p', 'scalar', 'nonneg', '计入期活动水平'), p('e2020_t', 'map', 'nonneg', '2020 年排放量'), p('e_p_t', 'map', 'nonneg', '计入期排放量')],
  A1: [p('v_p_nm3', 'scalar', 'nonneg', '计入期标干烟气量'), p('missing_hours_share', 'scalar', 'share', '缺测小时占比'), p('c0_mg_nm3', 'map', 'nonneg', '2020 年实测浓度'), p('c_p_mg_nm3', 'map', 'nonneg', '计入期实测浓度')],
  A2: [p('a_p', 'scalar', 'nonneg', '计入期燃料或产品量'), p('g_kg_per_unit', 'map', 'nonneg', '产污系数'), p('eta0', 'eff', 'share', '改造前去除效率'), p('eta_p', 'eff', 'share', '改造后去除效率')],
  A3: [p('e2020_t', 'map', 'nonneg', '2020 年排放量'), p('e_sub_p_t', 'map', 'nonneg', '替代设施计入期排放量', always)],
  A4: [p('n_vehicles', 'scalar', 'nonneg', '淘汰车辆数'), p('l_km_per_year', 'scalar', 'nonneg', '年均行驶里程'), p('ef_old_g_km', 'map', 'nonneg', '淘汰车排放因子'), p('ef_rep_g_km', 'map', 'nonneg', '替代标准排放因子')],
  W4: [p('n_head', 'scalar', 'nonneg', '存栏猪当量'), p('g_g_per_head_day', 'map', 'nonneg', '产污系数'), p('eta0', 'eff', 'share', '治理前去除率'), p('eta_p', 'eff', 'share', '治理后去除率')],
  W5: [p('p_persons', 'scalar', 'nonneg', '受益人口'), p('g_g_per_person_day', 'map', 'nonneg', '人均产污系数'), p('eta0', 'eff', 'share', '治理前去除率'), p('eta_p', 'eff', 'share', '治理后去除率')],
  V1: [
    p('m0_t', 'scalar', 'nonneg', '2020 年产品用量'), p('w0', 'scalar', 'share', '2020 年 VOCs 含量'), p('capture0', 'scalar', 'share', '2020 年收集率'), p('removal0', 'scalar', 'share', '2020 年去除率'), p('p0', 'scalar', 'positive', '2020 年产量'),
    p('m_p_t', 'scalar', 'nonneg', '计入期产品用量'), p('w_p', 'scalar', 'share', '计入期 VOCs 含量'), p('capture_p', 'scalar', 'share', '计入期收集率'), p('removal_p', 'scalar', 'share', '计入期去除率'), p('p_p', 'scalar', 'nonneg', '计入期产量'),
  ],
  V2: [p('g_p_t', 'scalar', 'nonneg', '计入期 VOCs 产生量'), p('capture0', 'scalar', 'share', '改造前收集率'), p('removal0', 'scalar', 'share', '改造前去除率'), p('capture_p', 'scalar', 'share', '改造后收集率'), p('removal_p', 'scalar', 'share', '改造后去除率')],
};

function rangeRejection(id: string, field: string, label: string, x: number, range: Range): Rejection | null {
  if (range === 'share' && !(x >= 0 && x <= 1)) return reject('PARAMETER_OUT_OF_RANGE', `项目 ${id} 的${label} ${field} = ${x} 超出 [0, 1]（效率、收集率、去除率、含量须在 0 与 1 之间，不作截断）`, field);
  if (range === 'positive' && !(x > 0)) return reject('PARAMETER_OUT_OF_RANGE', `项目 ${id} 的${label} ${field} = ${x} 须大于 0（作除数）`, field);
  if (range === 'nonneg' && !(x >= 0)) return reject('PARAMETER_OUT_OF_RANGE', `项目 ${id} 的${label} ${field} = ${x} 为负数`, field);
  return null;
}

const missing = (id: string, field: string, label: string): Rejection => reject('PARAMETER_OUT_OF_RANGE', `项目 ${id} 缺少参数 ${field}（${label}）`, field);

/** The method's one-number inputs, range-checked (C4); a failure rejects the whole project. */
export function scalarInputs(id: string, method: Exclude<MethodId, 'NET'>, params: Record<string, unknown>, rules: ReductionRules): { values: Record<string, Dec> } | { rejection: Rejection } {
  const values: Record<string, Dec> = {};
  for (const s of PARAM_SPECS[method]) {
    if (s.kind !== 'scalar') continue;
    const field = `params.${s.name}`;
    const x = params[s.name];
    if (typeof x !== 'number') return { rejection: missing(id, field, s.label) };
    const bad = rangeRejection(id, field, s.label, x, s.range);
    if (bad) return { rejection: bad };
    values[s.name] = Dec.of(x);
  }
  // A1: over 25 % of hours missing, the CEMS data cannot be used (permit spec. annex E [S11]).
  if (method === 'A1' && values.missing_hours_share!.gt(rules.cemsMaxMissingShare)) {
    return { rejection: reject('PARAMETER_OUT_OF_RANGE', `项目 ${id} 的 CEMS 缺测小时占比 params.missing_hours_share = ${params.missing_hours_share} 超过 ${rules.cemsMaxMissingShare}，数据不可用（排污许可技术规范附录E）`, 'params.missing_hours_share') };
  }
  return { values };
}

/** One pollutant's inputs (maps keyed by pollutant, or one efficiency for all), range-checked (C4), with W1's cout ≤ cin. */
export function pollutantInputs(id: string, method: Exclude<MethodId, 'NET'>, params: Record<string, unknown>, pollutant: Pollutant, scalars: Record<string, Dec>): { values: Record<string, Dec> } | { rejection: Rejection } {
  const values: Record<string, Dec> = { ...scalars };
  for (const s of PARAM_SPECS[method]) {
    if (s.kind === 'scalar') continue;
    const raw = params[s.name];
    const one = s.kind === 'eff' && typeof raw === 'number';
    const x = one ? raw : (raw as Partial<Record<Pollutant, number>> | undefined)?.[pollutant];
    const field = one ? `params.${s.name}` : `params.${s.name}.${pollutant}`;
    if (typeof x !== 'number') {
      if (s.optional?.(scalars)) {
        values[s.name] = Dec.ZERO;
        continue;
      }
      return { rejection: missing(id, field, `${pollutant} 的${s.label}`) };
    }
    const bad = rangeRejection(id, field, `${pollutant} ${s.label}`, x, s.range);
    if (bad) return { rejection: bad };
    values[s.name] = Dec.of(x);
  }
  if (method === 'W1') {
    for (const [out, inn, label] of [['cout_p_mg_l', 'cin_p_mg_l', '计入期'], ['cout0_mg_l', 'cin0_mg_l', '2020 年']] as const) {
      if (values[out]!.gt(values[inn]!)) {
        return { rejection: reject('PARAMETER_OUT_OF_RANGE', `项目 ${id} ${label} ${pollutant} 出水浓度 params.${out}.${pollutant} = ${values[out]!.toFixed(3)} mg/L 大于进水浓度 params.${inn}.${pollutant} = ${values[inn]!.toFixed(3)} mg/L`, `params.${out}.${pollutant}`) };
      }
    }
  }
  return { values };
}

// ---------------------------------------------------------------- C3 EXCEEDS_BASELINE / BASELINE_MISMATCH, C6 CLAIM_MISMATCH

/** C3: the method's 2020 figure differs from the facility's reported one by more than tolerance × reported (5 % [E]). */
export function baselineMismatch(e2020: Dec, reported: number, tolerance: number): boolean {
  const rep = Dec.of(reported);
  return e2020.minus(rep).abs().gt(rep.abs().times(tolerance));
}

/** C6: the claim may differ from the recomputed R by max(claimAbsTolerance t, claimRelTolerance × |R|) (§5: max(0.001 t, 0.5 %) [E]). */
export function claimTolerance(r: Dec, rules: ReductionRules): Dec {
  return Dec.max(Dec.of(rules.claimAbsTolerance), r.abs().times(rules.claimRelTolerance));
}

/** C3 then C6 for one pollutant; null when the figure stands. R, baseline and claim in tonnes. */
export function figureRejection(
  id: string,
  pollutant: Pollutant,
  fig: { r: Dec; baseline: Dec; e2020: Dec | null },
  input: { claimed: number | undefined; reported: number | undefined; baselineExplanation: string; e2020Field: string | null },
  rules: ReductionRules,
): Rejection | null {
  if (fig.e2020 && input.e2020Field && input.reported !== undefined && !input.baselineExplanation.trim() && baselineMismatch(fig.e2020, input.reported, rules.baselineTolerance)) {
    return reject(
      'BASELINE_MISMATCH',
      `项目 ${id} ${pollutant} 的 2020 年基数 ${t3(fig.e2020)} t 与企业执行报告/统计的 ${input.reported} t 相差超过 ${rules.baselineTolerance * 100}%，且未在 baselineExplanation 说明原因`,
      input.e2020Field,
    );
  }
  if (fig.r.gt(fig.baseline)) {
    return reject('EXCEEDS_BASELINE', `项目 ${id} ${pollutant} 核算削减量 ${t3(fig.r)} t 超过同期项目前排放量 ${t3(fig.baseline)} t`, `params`);
  }
  if (input.claimed === undefined) return null;
  const claimed = Dec.of(input.claimed);
  if (claimed.gt(fig.baseline)) {
    return reject('EXCEEDS_BASELINE', `项目 ${id} ${pollutant} 填报削减量 claimed_t.${pollutant} = ${input.claimed} t 超过同期项目前排放量 ${t3(fig.baseline)} t`, `claimed_t.${pollutant}`);
  }
  const tol = claimTolerance(fig.r, rules);
  if (claimed.minus(fig.r).abs().gt(tol)) {
    return reject('CLAIM_MISMATCH', `项目 ${id} ${pollutant} 填报削减量 claimed_t.${pollutant} = ${input.claimed} t 与核算结果 ${t3(fig.r)} t 相差超过允许的 ${tol.toFixed(4).replace(/0+$/, '').replace(/\.$/, '')} t`, `claimed_t.${pollutant}`);
  }
  return null;
}

// ---------------------------------------------------------------- C1 / C2 across projects

type Range2 = { from: string; to: string } | null;
const overlaps = (a: Range2, b: Range2): boolean => !!a && !!b && a.from <= b.to && b.from <= a.to;

type FacilityClaim = { projectId: string; year: number | null; range: Range2 };
type StreamClaim = { projectId: string; measureType: MeasureType; year: number; range: Range2; r: Dec; baseline: Dec };

/**
 * The claims accepted so far, in order: the prior ones (e.g. verified projects in the database) and each
 * accepted input. The first accepted claim stands (§5 C1); a prior claim has no period and so overlaps any.
 */
export class ClaimLedger {
  private readonly regionOf = new Map<string, { regionCode: string; projectId: string }>();
  private readonly facilities = new Map<string, FacilityClaim[]>();
  private readonly streams = new Map<string, StreamClaim[]>();
  private readonly vins = new Map<string, string>();

  constructor(prior?: { facilities: Array<{ uscc: string; outlet: string; pollutant: Pollutant; measureType: MeasureType; regionCode: string; projectId: string }>; vins: Array<{ vin: string; projectId: string }> }) {
    for (const f of prior?.facilities ?? []) {
      if (!f.uscc) continue;
      if (f.regionCode && !this.regionOf.has(f.uscc)) this.regionOf.set(f.uscc, { regionCode: f.regionCode, projectId: f.projectId });
      this.push(this.facilities, `${f.uscc}|${f.outlet}|${f.pollutant}|${f.measureType}`, { projectId: f.projectId, year: null, range: null });
    }
    for (const v of prior?.vins ?? []) if (!this.vins.has(v.vin)) this.vins.set(v.vin, v.projectId);
  }

  private push<T>(m: Map<string, T[]>, k: string, v: T): void {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  }

  /** C1 CROSS_REGION: a facility belongs to one region, the one of its first accepted claim. */
  crossRegion(id: string, uscc: string, regionCode: string): Rejection | null {
    if (!uscc || !regionCode) return null;
    const first = this.regionOf.get(uscc);
    if (!first || first.projectId === id || first.regionCode === regionCode) return null;
    return reject('CROSS_REGION', `项目 ${id} 的企业 ${uscc} 已由 ${first.regionCode} 的项目 ${first.projectId} 申报，一个设施只属于一个地区（本项目 regionCode = ${regionCode}）`, 'regionCode');
  }

  /** C1 DUPLICATE_VEHICLE: a VIN counted by another project, anywhere in 2021–2025. */
  duplicateVehicle(id: string, vins: readonly string[]): Rejection | null {
    for (const [k, vin] of vins.entries()) {
      const owner = this.vins.get(vin);
      if (owner !== undefined && owner !== id) return reject('DUPLICATE_VEHICLE', `项目 ${id} 的车辆 VIN ${vin} 已由项目 ${owner} 计入`, `params.vins[${k}]`);
    }
    return null;
  }

  /** C1 DUPLICATE_FACILITY_MEASURE: the same (USCC, outlet, pollutant, measure) already claimed for an overlapping period. */
  duplicateFacility(id: string, c: { uscc: string; outlet: string; pollutant: Pollutant; measureType: MeasureType; year: number; range: Range2 }): Rejection | null {
    if (!c.uscc) return null;
    const hit = (this.facilities.get(`${c.uscc}|${c.outlet}|${c.pollutant}|${c.measureType}`) ?? []).find((f) => f.projectId !== id && (f.year === null || (f.year === c.year && overlaps(f.range, c.range))));
    if (!hit) return null;
    return reject('DUPLICATE_FACILITY_MEASURE', `项目 ${id} 与项目 ${hit.projectId} 对同一设施（${c.uscc} 排放口 ${c.outlet || '—'}）的 ${c.pollutant} 以同一措施 ${c.measureType} 重复申报，计入期重叠`, 'outlet');
  }

  /**
   * C2 SHARED_STREAM_OVERLAP: measures of different types on one stream (USCC, outlet, pollutant) in overlapping
   * periods whose reductions together exceed the stream's pre-project emission (the largest baseline among them:
   * only a clear double count is rejected). The later one is rejected.
   */
  sharedStream(id: string, c: { uscc: string; outlet: string; pollutant: Pollutant; measureType: MeasureType; year: number; range: Range2; r: Dec; baseline: Dec }): Rejection | null {
    if (!c.uscc) return null;
    const others = (this.streams.get(`${c.uscc}|${c.outlet}|${c.pollutant}`) ?? []).filter((s) => s.projectId !== id && s.measureType !== c.measureType && s.year === c.year && overlaps(s.range, c.range));
    if (!others.length) return null;
    const sum = Dec.sum([c.r, ...others.map((o) => o.r)]);
    const cap = others.reduce((m, o) => Dec.max(m, o.baseline), c.baseline);
    if (sum.lte(cap)) return null;
    return reject(
      'SHARED_STREAM_OVERLAP',
      `项目 ${id} 与项目 ${others.map((o) => o.projectId).join('、')} 在同一排放口（${c.uscc} ${c.outlet || '—'}）的 ${c.pollutant} 削减量合计 ${t3(sum)} t，超过该排放口项目前排放量 ${t3(cap)} t；同一排放口的多项措施须合并核算`,
      'measureType',
    );
  }

  /** Records an accepted pollutant claim. */
  acceptPollutant(id: string, c: { uscc: string; outlet: string; pollutant: Pollutant; measureType: MeasureType; year: number; range: Range2; r: Dec; baseline: Dec | null }): void {
    if (!c.uscc) return;
    this.push(this.facilities, `${c.uscc}|${c.outlet}|${c.pollutant}|${c.measureType}`, { projectId: id, year: c.year, range: c.range });
    if (c.baseline) this.push(this.streams, `${c.uscc}|${c.outlet}|${c.pollutant}`, { projectId: id, measureType: c.measureType, year: c.year, range: c.range, r: c.r, baseline: c.baseline });
  }

  /** Records an accepted project's region and VINs. */
  acceptProject(id: string, uscc: string, regionCode: string, vins: readonly string[]): void {
    if (uscc && regionCode && !this.regionOf.has(uscc)) this.regionOf.set(uscc, { regionCode, projectId: id });
    for (const v of vins) if (!this.vins.has(v)) this.vins.set(v, id);
  }
}
