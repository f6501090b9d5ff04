import { z } from 'zod';
import { ReportBody } from '../../../../src/modules/reporting/schemas';
import type { NewReport, Report } from './queries';
import type { ItemInfo } from './report-format';

/** The fill form: the route's own field rules (bounds, types); presence is checked per item kind by the form. */
export const ReportFormSchema = z.object({
  value: ReportBody.shape.value,
  taskStatus: ReportBody.shape.taskStatus,
  percentComplete: ReportBody.shape.percentComplete,
  narrative: ReportBody.shape.narrative,
  correctionReason: ReportBody.shape.correctionReason,
});

export const REPORT_FIELDS = ['value', 'taskStatus', 'percentComplete', 'narrative', 'correctionReason'] as const;

export type ReportFormValues = {
  value?: number | null;
  taskStatus?: Report['taskStatus'];
  percentComplete?: number | null;
  narrative?: string;
  correctionReason?: string;
};

/** Which period and region the form reports on. */
export type ReportTarget = { item: Pick<ItemInfo, 'kind' | 'id'>; periodKey: string; regionCode: string };

/** A period's report to open: what, when, where, its latest revision if any, and the names the caller already has. */
export type DrawerTarget = ReportTarget & { reportId: number | null; code?: string; name?: string; due?: string };

/** The drawer target of a listed report. */
export function targetOf(r: Report): DrawerTarget {
  const item = r.indicatorId !== null ? { kind: 'indicator' as const, id: r.indicatorId } : { kind: 'task' as const, id: r.taskId ?? 0 };
  return { item, periodKey: r.periodKey, regionCode: r.regionCode, reportId: r.id };
}

/** The values a revision leaves in the form (to fix a returned one or correct an approved one). */
export function formValuesOf(r: Report | null): ReportFormValues {
  if (!r) return {};
  return { value: r.value, taskStatus: r.taskStatus, percentComplete: r.percentComplete, narrative: r.narrative };
}

/** The request body: only the fields of the item's kind; a reason only when correcting an approved value. */
export function toReportBody(target: ReportTarget, v: ReportFormValues, isCorrection: boolean): NewReport {
  const common = { periodKey: target.periodKey, regionCode: target.regionCode, narrative: v.narrative?.trim() ?? '', correctionReason: isCorrection ? (v.correctionReason ?? '') : null };
  if (target.item.kind === 'indicator') return { ...common, indicatorId: target.item.id, value: v.value ?? null };
  return { ...common, taskId: target.item.id, taskStatus: v.taskStatus ?? null, percentComplete: v.percentComplete ?? null };
}
