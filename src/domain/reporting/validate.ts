import type { Comparison } from '../plan/plan-file';
import { periodFromKey } from './calendar';

/** What is known of the item a report is about. */
export type ItemFacts = {
  kind: 'indicator' | 'task';
  code: string;
  comparison: Comparison | null;
  periodStart: number;
  periodEnd: number;
  cadence: { frequency: string; dueDays: number };
};

export type ReportInput = {
  periodKey: string;
  value: number | null;
  taskStatus: string | null;
  percentComplete: number | null;
  narrative: string;
};

export type ReportField = 'periodKey' | 'value' | 'taskStatus' | 'percentComplete' | 'narrative';
export type FieldError = { field: ReportField; message: string };

const TASK_STATUSES = ['not-started', 'on-track', 'delayed', 'completed'];

/**
 * Checks one report before it is stored: its period fits the item's cadence, the plan's years and
 * today; it carries a value (indicator) or a status and % complete (task). The first error, or null.
 */
export function validateReport(item: ItemFacts, input: ReportInput, today: string): FieldError | null {
  const p = periodFromKey(input.periodKey, item.cadence.dueDays);
  if (!p) return { field: 'periodKey', message: `期间 ${input.periodKey} 不存在` };
  if (p.frequency !== item.cadence.frequency) return { field: 'periodKey', message: `该项按 ${item.cadence.frequency} 报送，期间 ${input.periodKey} 不符` };
  if (p.year < item.periodStart || p.year > item.periodEnd) return { field: 'periodKey', message: `期间 ${input.periodKey} 不在方案期 ${item.periodStart}–${item.periodEnd} 内` };
  if (p.start > today) return { field: 'periodKey', message: `期间 ${input.periodKey} 尚未开始，不能报送` };
  if (item.kind === 'indicator') {
    if (item.comparison === 'qualitative') return input.narrative ? null : { field: 'narrative', message: '定性指标须填写进展说明' };
    if (input.value === null || !Number.isFinite(input.value)) return { field: 'value', message: `指标 ${item.code} 须填写数值` };
    return null;
  }
  if (input.taskStatus === null || !TASK_STATUSES.includes(input.taskStatus)) return { field: 'taskStatus', message: '须选择任务状态' };
  if (input.percentComplete === null || !Number.isInteger(input.percentComplete) || input.percentComplete < 0 || input.percentComplete > 100) {
    return { field: 'percentComplete', message: '完成百分比须为 0–100 的整数' };
  }
  if (input.taskStatus === 'completed' && input.percentComplete !== 100) return { field: 'percentComplete', message: '状态为已完成时完成百分比应为 100' };
  return null;
}
