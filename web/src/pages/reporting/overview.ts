import type { z } from 'zod';
import type { OverviewOut } from '../../../../src/modules/reporting/schemas';
import type { Wire } from '../../api/client';

export type Overview = Wire<z.infer<typeof OverviewOut>>;
export type OverviewIndicator = Overview['indicators'][number];
export type ProgressStatus = OverviewIndicator['status'];
export type LateReporter = Overview['lateReporters'][number];

export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['achieved', 'on-track', 'at-risk', 'off-track', 'unknown'];

const COLORS: Record<ProgressStatus, string> = { achieved: 'green', 'on-track': 'blue', 'at-risk': 'orange', 'off-track': 'red', unknown: 'default' };

/** The AntD tag colour of a progress status. */
export function progressColor(status: ProgressStatus): string {
  return COLORS[status];
}

/** How many indicators have each status, every status listed (0 included). */
export function statusCounts(indicators: readonly Pick<OverviewIndicator, 'status'>[]): Record<ProgressStatus, number> {
  const counts: Record<ProgressStatus, number> = { achieved: 0, 'on-track': 0, 'at-risk': 0, 'off-track': 0, unknown: 0 };
  for (const i of indicators) counts[i.status]++;
  return counts;
}

/** Most overdue first, then by name (Chinese collation). */
export function sortLateReporters(list: readonly LateReporter[]): LateReporter[] {
  return [...list].sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh-CN'));
}

/** A share 0..1 as a whole percentage (e.g. 0.456 → "46%"); a dash when unknown. */
export function formatPercent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)}%`;
}
