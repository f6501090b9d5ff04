import type { Level } from './levels';
import type { BarometerRegion, QuarterRegion } from './queries';

/** 晴雨表的评价期间: the year (annual accounts) or the year to date at the end of quarter 1, 2 or 3. */
export type Period = 'year' | 'q1' | 'q2' | 'q3';
export const PERIODS: readonly Period[] = ['year', 'q1', 'q2', 'q3'];

/** The period a URL names; anything else is the year. */
export const periodOf = (asked: string | null): Period => PERIODS.find((p) => p === asked) ?? 'year';

/** The quarter the quarterly API and the bulletin take: q1–q3 as 1–3, the year as 4 (year to date at 12 months). */
export const quarterOf = (p: Period): 1 | 2 | 3 | 4 => (p === 'q1' ? 1 : p === 'q2' ? 2 : p === 'q3' ? 3 : 4);

/**
 * The figures behind one dimension's level, as fractions: 强度 the reduction achieved against the one required;
 * 总量 the growth against the growth the target allows; `gap` how far short, relative to the requirement (rule set
 * A only; null under rule set B, which compares signs).
 */
export type DimensionRating = { level: Level | null; actual: number | null; required: number | null; gap: number | null };

/** One region on the map and in the table, whichever period it is rated for. */
export type RatedRegion = {
  regionCode: string;
  name: string;
  overall: Level | null;
  /** Null when the region is not rated at all (then `notRated` says why). */
  intensity: DimensionRating | null;
  total: DimensionRating | null;
  /** 达到激励目标，免于总量考核 (annual only: the quarterly rating has no such figure). */
  exemptFromTotal: boolean;
  notRated: 'no-target' | 'no-data' | null;
  problem: string | null;
};

/** An annual barometer row as the map and the explanations read it: the levels with the server's figures behind them. */
export function ratedFromYear(r: BarometerRegion): RatedRegion {
  const e = r.evaluation;
  const base = { regionCode: r.regionCode, name: r.name, notRated: r.notRated, problem: r.problem };
  if (!e) return { ...base, overall: null, intensity: null, total: null, exemptFromTotal: false };
  return {
    ...base,
    overall: e.level.overall,
    intensity: { level: e.level.intensity, ...e.rating.intensity },
    total: { level: e.level.total, ...e.rating.total },
    exemptFromTotal: e.exemptFromTotal,
  };
}

/** A quarterly (year-to-date) row: the same shape, never exempt (the bulletin says 免于考核或无目标 for a missing allowance). */
export function ratedFromQuarter(r: QuarterRegion): RatedRegion {
  const base = { regionCode: r.regionCode, name: r.name, notRated: r.notRated, problem: null, exemptFromTotal: false };
  if (!r.rating) return { ...base, overall: null, intensity: null, total: null };
  return { ...base, overall: r.rating.overall, intensity: r.rating.intensity, total: r.rating.total };
}
