import type { Locale } from '../../../../src/i18n/index';

const TONNES: Partial<Record<Locale, Intl.NumberFormat>> = {};

/** Tonnes as the UI shows them: 2 decimals (reduction.md §2), grouped; empty is a dash. */
export function formatTonnes(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  TONNES[locale] ??= new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // -0.001 would read as "-0.00".
  return TONNES[locale].format(Math.abs(v) < 0.005 ? 0 : v);
}

/** A share (0.87) as a percentage with 2 decimals (87.00%); empty is a dash. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(2)}%`;
}

/** A share as the Progress bar's percent: 0–100, one decimal (the bar's aria-valuenow). */
export function progressPercent(verified: number, target: number): number {
  if (!(target > 0)) return 0;
  return Math.min(100, Math.max(0, Math.round((verified / target) * 1000) / 10));
}

/** Tonnes rounded to 2 decimals as a number, for charts and exported cells. */
export const round2 = (v: number) => Math.round(v * 100) / 100;

/** 14th FYP accounting years (reduction.md §1: 2025 vs 2020). */
export const YEARS = [2025, 2024, 2023, 2022, 2021] as const;

/** The year asked for when it is one of the plan's, else this year, kept within the plan. */
export function clampYear(asked: number, today: Date): number {
  if ((YEARS as readonly number[]).includes(asked)) return asked;
  return Math.min(YEARS[0], Math.max(YEARS[4], today.getFullYear()));
}

const MONTH = /^20\d\d-(0[1-9]|1[0-2])$/;

/** The month a page dispatches: the one asked for, else last month (a month is reported in the next, reduction.md §6). */
export function monthOf(asked: string | null, today: Date): string {
  if (asked && MONTH.test(asked)) return asked;
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** 2025-10 → 2025 年 10 月 (zh-CN) or 2025-10 (en). */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-');
  return locale === 'en' ? month : `${y} 年 ${Number(m)} 月`;
}
