import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AllocationOut, CalendarOut, ReportBody, ReportOut, ReportStatus, ReportThreadOut } from '../../../../src/modules/reporting/schemas';
import { ApiError, api, upload, type Wire, withQuery } from '../../api/client';
import { type ImportResult } from './excel-import';

export type Calendar = z.infer<typeof CalendarOut>;
export type CalendarEntry = Calendar['entries'][number];
export type CalendarPeriod = CalendarEntry['periods'][number];
export type Report = Wire<z.infer<typeof ReportOut>>;
export type ReportThread = Wire<z.infer<typeof ReportThreadOut>>;
export type HistoryEvent = ReportThread['history'][number];
export type NewReport = z.input<typeof ReportBody>;
export type ReportFilters = { status?: z.infer<typeof ReportStatus>; regionCode?: string; periodKey?: string; limit?: number };

export const reportingKeys = {
  all: ['reporting'] as const,
  calendar: (plan: string, year: number) => [...reportingKeys.all, 'calendar', plan, year] as const,
  reports: (filters: ReportFilters) => [...reportingKeys.all, 'reports', filters] as const,
  thread: (id: number) => [...reportingKeys.all, 'thread', id] as const,
  attachments: (id: number) => [...reportingKeys.all, 'attachments', id] as const,
  allocations: (indicatorId: number) => [...reportingKeys.all, 'allocations', indicatorId] as const,
};

// Reports move between people (submit → review → resubmit): always ask the server again on mount.
const LIVE = { staleTime: 0 };

export const calendarQuery = (plan: string, year: number) =>
  queryOptions({ queryKey: reportingKeys.calendar(plan, year), queryFn: () => api<Calendar>(withQuery('/api/reporting/calendar', { plan, year })), ...LIVE });

export const reportsQuery = (filters: ReportFilters) =>
  queryOptions({ queryKey: reportingKeys.reports(filters), queryFn: () => api<Report[]>(withQuery('/api/reporting/reports', filters)), ...LIVE });

export const threadQuery = (id: number) =>
  queryOptions({ queryKey: reportingKeys.thread(id), queryFn: () => api<ReportThread>(`/api/reporting/reports/${id}`), ...LIVE });

/** Submits, resubmits or corrects a report; the calendar, lists and threads all change. */
export function useSubmitReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewReport) => api<Report>('/api/reporting/reports', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportingKeys.all }),
    onError: (e) => {
      // A conflict means someone changed the period meanwhile: refresh the lists behind the open form (its thread stays, beside the error).
      if (e instanceof ApiError && e.status === 409) {
        void qc.invalidateQueries({ queryKey: [...reportingKeys.all, 'calendar'] });
        void qc.invalidateQueries({ queryKey: [...reportingKeys.all, 'reports'] });
      }
    },
  });
}

export type Review = { id: number; action: 'approve' | 'return'; comment: string | null };

/** Approves or returns a submitted report. */
export function useReviewReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, comment }: Review) => api<Report>(`/api/reporting/reports/${id}/${action}`, { method: 'POST', body: { comment } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportingKeys.all }),
  });
}

/** An evidence file attached to a report revision. */
export type Attachment = { reportId: number; sha256: string; fileName: string; mediaType: string; size: number };

export const attachmentsQuery = (reportId: number) =>
  queryOptions({
    queryKey: reportingKeys.attachments(reportId),
    queryFn: () => api<Attachment[]>(`/api/reporting/reports/${reportId}/attachments`),
    ...LIVE,
  });

/** Where an attachment downloads from (a plain link: the session cookie goes along). */
export const attachmentUrl = (a: Pick<Attachment, 'reportId' | 'sha256'>) => `/api/reporting/reports/${a.reportId}/attachments/${a.sha256}`;

/** Attaches an evidence file to a report awaiting review; its list changes. */
export function useAttachEvidence(reportId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => upload<Attachment>(withQuery(`/api/reporting/reports/${reportId}/attachments`, { fileName: file.name }), file),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportingKeys.attachments(reportId) }),
  });
}

export type Allocation = Wire<z.infer<typeof AllocationOut>>;
export type AllocationCheck = NonNullable<Allocation['check']>;

export const allocationQuery = (indicatorId: number) =>
  queryOptions({
    queryKey: reportingKeys.allocations(indicatorId),
    queryFn: () => api<Allocation>(`/api/reporting/allocations/${indicatorId}`),
    ...LIVE,
  });

/** Sets all shares of one indicator; the answer (with its check) replaces the cached one. */
export function useSetAllocations(indicatorId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (shares: Array<{ regionCode: string; target: number }>) =>
      api<Allocation>(`/api/reporting/allocations/${indicatorId}`, { method: 'PUT', body: { shares } }),
    onSuccess: (a) => qc.setQueryData(reportingKeys.allocations(indicatorId), a),
  });
}

/** Imports a workbook of reports; the calendar and the report lists change. */
export function useImportWorkbook(plan: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    // Sent as octet-stream like any upload: the server reads the content, not the declared type.
    mutationFn: (file: Blob) => upload<ImportResult>(withQuery('/api/reporting/import', { plan: plan ?? '' }), file),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [...reportingKeys.all, 'calendar'] });
      void qc.invalidateQueries({ queryKey: [...reportingKeys.all, 'reports'] });
    },
  });
}
