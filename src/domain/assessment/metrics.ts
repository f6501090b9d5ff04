import type { MetricValue } from './model';

/** Pure helpers of computeMetrics: the period's years, the cut-off instant, figures and formatting. */

/** '2023' → [2023]; '2021-2025' → [2021 … 2025]. */
export function periodYears(period: string): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(period);
  if (!m) throw new Error(`期间格式应为 2023 或 2021-2025：${period}`);
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (to < from) throw new Error(`期间结束年早于开始年：${period}`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const DAY_MS = 86_400_000;

/** The first instant after the cut-off day (Beijing time): data timestamped before it counts. */
export const cutoffEnd = (cutoff: string): Date => new Date(Date.parse(`${cutoff}T00:00:00+08:00`) + DAY_MS);

export const pct = (x: number | null, dp = 2): string => (x === null || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(dp)}%`);
export const num = (x: number | null, dp = 4): string => (x === null || !Number.isFinite(x) ? '—' : String(Number(x.toFixed(dp))));
export const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A metric without data: null with the reason. */
export const noData = (why: string, figures: MetricValue['figures'] = []): MetricValue => ({ value: null, figures: [...figures, { label: '说明', value: why.slice(0, 100) }] });

/** Share of `hit` in `of`, null when nothing to count. */
export const share = (hit: number, of: number): number | null => (of > 0 ? r6(hit / of) : null);
