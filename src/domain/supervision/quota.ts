import { QUOTA_KINDS, QUOTA_UNITS, type QuotaKind, type SupervisionRules } from './reference';

/**
 * 公共机构能耗定额 evaluation (plan 二（六）“推行能耗定额管理”). A quota (定额) is an annual value per person or per m²
 * (GB/T 31342-2014《公共机构能耗定额标准编制和应用导则》: 人均综合能耗、单位建筑面积能耗、人均用水量, per year).
 */

/**
 * Whether staying under or over a quota is good. Every 定额 today is an upper limit (lower use is better); an
 * indicator where higher is better (e.g. a renewable share) would be a `lower-limit` and is judged the other way.
 */
export type QuotaDirection = 'upper-limit' | 'lower-limit';
export const QUOTA_DIRECTION: Record<QuotaKind, QuotaDirection> = {
  'energy-per-capita': 'upper-limit',
  'energy-per-area': 'upper-limit',
  'water-per-capita': 'upper-limit',
};

export type QuotaLevel = 'ok' | 'warn' | 'over';
export type NotEvaluableReason = 'no-staff' | 'no-area' | 'no-water' | 'no-months';

/** A year's (or the first `months` months') use, with the denominators that apply. */
export type UseFigures = { months: number; energyKgce: number; waterM3: number | null; staff: number | null; floorAreaM2: number | null };

export type QuotaEvaluation =
  | {
      kind: QuotaKind;
      unit: string;
      direction: QuotaDirection;
      quota: number;
      /** The figure over the months filed, e.g. kgce per person for the first 6 months. */
      periodIndicator: number;
      /** The indicator over a whole year (periodIndicator × 12 / months), the figure compared with the annual quota. */
      annualIndicator: number;
      /** annualIndicator / quota */
      ratio: number;
      level: QuotaLevel;
      evaluable: true;
    }
  | { kind: QuotaKind; unit: string; direction: QuotaDirection; quota: number; evaluable: false; reason: NotEvaluableReason };

const positive = (x: number | null): x is number => x !== null && Number.isFinite(x) && x > 0;

/** The numerator and denominator of an indicator, or why there is none. */
function indicatorOf(kind: QuotaKind, use: UseFigures): number | NotEvaluableReason {
  if (kind === 'energy-per-area') return positive(use.floorAreaM2) ? use.energyKgce / use.floorAreaM2 : 'no-area';
  if (!positive(use.staff)) return 'no-staff';
  if (kind === 'water-per-capita') return use.waterM3 === null ? 'no-water' : use.waterM3 / use.staff;
  return use.energyKgce / use.staff;
}

/**
 * The level of a ratio (indicator / quota) in the quota's direction: an upper limit is over above 1 and warns from
 * `warnRatio` (e.g. 0.9); a lower limit is over below 1 and warns below 1 / warnRatio (the mirror image).
 */
export function quotaLevel(ratio: number, direction: QuotaDirection, warnRatio: number): QuotaLevel {
  const pressure = direction === 'upper-limit' ? ratio : 1 / ratio;
  if (pressure > 1) return 'over';
  return pressure >= warnRatio ? 'warn' : 'ok';
}

/**
 * Evaluates use against one annual quota. A partial year (months < 12) is annualised linearly: the indicator × 12 /
 * months is compared with the annual quota, i.e. the year-to-date figure with the quota × months / 12. Linear
 * proration is the platform's rule [E]: the standard sets only annual quotas, and seasonal use (summer cooling)
 * makes a partial-year ratio indicative.
 */
export function evaluateQuota(kind: QuotaKind, quota: number, use: UseFigures, warnRatio: number, direction: QuotaDirection = QUOTA_DIRECTION[kind]): QuotaEvaluation {
  const base = { kind, unit: QUOTA_UNITS[kind], direction, quota };
  if (!(Number.isInteger(use.months) && use.months >= 1 && use.months <= 12)) return { ...base, evaluable: false, reason: 'no-months' };
  const periodIndicator = indicatorOf(kind, use);
  if (typeof periodIndicator === 'string') return { ...base, evaluable: false, reason: periodIndicator };
  const annualIndicator = (periodIndicator * 12) / use.months;
  const ratio = annualIndicator / quota;
  return { ...base, periodIndicator, annualIndicator, ratio, level: quotaLevel(ratio, direction, warnRatio), evaluable: true };
}

export type InstitutionClass = { kind: SupervisionRules['quotaDefaults'][number]['institutionKind']; level: NonNullable<SupervisionRules['quotaDefaults'][number]['level']> };
export type OwnQuota = { kind: QuotaKind; value: number; source: string };
export type ResolvedQuota = { kind: QuotaKind; value: number; source: string; isDefault: boolean };

/**
 * The quotas that apply to an institution in a year: its own where set, else the reference default for its kind
 * and level (a level-specific default before one for every level); a kind with neither is not evaluated.
 */
export function resolveQuotas(own: readonly OwnQuota[], defaults: SupervisionRules['quotaDefaults'], inst: InstitutionClass, defaultSource: string): ResolvedQuota[] {
  const out: ResolvedQuota[] = [];
  for (const kind of QUOTA_KINDS) {
    const mine = own.find((q) => q.kind === kind);
    if (mine) {
      out.push({ kind, value: mine.value, source: mine.source, isDefault: false });
      continue;
    }
    const candidates = defaults.filter((d) => d.kind === kind && d.institutionKind === inst.kind);
    const d = candidates.find((c) => c.level === inst.level) ?? candidates.find((c) => c.level === undefined);
    if (d) out.push({ kind, value: d.value, source: defaultSource, isDefault: true });
  }
  return out;
}

const RANK: Record<QuotaLevel, number> = { ok: 0, warn: 1, over: 2 };

/** The worst level among evaluations (null when none is evaluable), for sorting warnings first. */
export function worstLevel(evaluations: readonly QuotaEvaluation[]): QuotaLevel | null {
  let worst: QuotaLevel | null = null;
  for (const e of evaluations) if (e.evaluable && (worst === null || RANK[e.level] > RANK[worst])) worst = e.level;
  return worst;
}
