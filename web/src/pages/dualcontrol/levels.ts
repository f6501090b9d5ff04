import type { MessageKey } from '../../../../src/i18n/index';

/** 晴雨表 level: 1 一级预警 (red), 2 二级预警 (yellow), 3 三级预警 (green); null = not rated (grey, never green). */
export type Level = 1 | 2 | 3;
export type LevelColours = { level1: string; level2: string; level3: string; unrated: string };

/** Used only when the server has no rule set in force for the year (it then says so). */
export const FALLBACK_COLOURS: LevelColours = { level1: '#cf1322', level2: '#fadb14', level3: '#389e0d', unrated: '#bfbfbf' };

/** The rule set's colours as the API gives them (a record of strings), each missing one from the fallback. */
export function levelColours(colours: Readonly<Record<string, string>> | null | undefined): LevelColours {
  const c = colours ?? {};
  return { level1: c.level1 ?? FALLBACK_COLOURS.level1, level2: c.level2 ?? FALLBACK_COLOURS.level2, level3: c.level3 ?? FALLBACK_COLOURS.level3, unrated: c.unrated ?? FALLBACK_COLOURS.unrated };
}

/** A level's colour; anything not rated is grey. */
export function levelColour(level: Level | null | undefined, colours: LevelColours): string {
  if (level === 1) return colours.level1;
  if (level === 2) return colours.level2;
  if (level === 3) return colours.level3;
  return colours.unrated;
}

/** The catalog key naming a level: 一级预警 / 二级预警 / 三级预警 / 未评价. */
export function levelLabelKey(level: Level | null | undefined): MessageKey {
  if (level === 1) return 'energy.level.1';
  if (level === 2) return 'energy.level.2';
  if (level === 3) return 'energy.level.3';
  return 'energy.level.unrated';
}

export const isWarning = (level: Level | null | undefined): level is 1 | 2 => level === 1 || level === 2;

/** 8 (%) → 0.08, exactly as typed (no 0.08000000000000002); empty stays empty. */
export function percentToFraction(percent: number | null | undefined): number | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  return Number((percent / 100).toPrecision(12));
}

/** 0.08 → 8 (%), for a form; empty stays empty. */
export function fractionToPercent(fraction: number | null | undefined): number | null {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return null;
  return Number((fraction * 100).toPrecision(12));
}

/** A fraction as a percentage for reading: 0.037037 → "3.70%"; null → "—". */
export function formatRate(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** An amount in the plan's unit (万tce, 亿元), at most `digits` decimals: 420.615582 → "420.62". */
export function formatAmount(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * Since when a region has been warned: the first year of the run of level 1 or 2 (overall) that ends at `year`;
 * null when the year itself is not a warning. A year missing from the series breaks the run.
 */
export function warningSince(rows: ReadonlyArray<{ year: number; level: { overall: Level | null } }>, year: number): number | null {
  const byYear = new Map(rows.map((r) => [r.year, r.level.overall]));
  if (!isWarning(byYear.get(year))) return null;
  let since = year;
  while (isWarning(byYear.get(since - 1))) since -= 1;
  return since;
}
