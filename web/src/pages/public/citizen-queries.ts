import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ReportActionBody, ReportDetailOut, ReportListQuery, ReportRowOut } from '../../../../src/modules/public/citizen-reports.schemas';
import { api, type Wire, withQuery } from '../../api/client';

export type CitizenReportRow = Wire<ReportRowOut>;
export type CitizenReportDetail = Wire<ReportDetailOut>;
export type CitizenReportFilter = ReportListQuery;
export type CitizenReportAction = z.input<typeof ReportActionBody>;

const API = '/api/public/citizen-reports';

export const citizenReportKeys = {
  all: ['citizen-reports'] as const,
  list: (f: CitizenReportFilter) => [...citizenReportKeys.all, 'list', f] as const,
  one: (id: number) => [...citizenReportKeys.all, 'one', id] as const,
};

// Reports arrive from the public and move between handlers: ask again on mount.
const LIVE = { staleTime: 0 };

export const citizenReportsQuery = (f: CitizenReportFilter) =>
  queryOptions({ queryKey: citizenReportKeys.list(f), queryFn: () => api<CitizenReportRow[]>(withQuery(API, f)), ...LIVE });
export const citizenReportQuery = (id: number) => queryOptions({ queryKey: citizenReportKeys.one(id), queryFn: () => api<CitizenReportDetail>(`${API}/${id}`), ...LIVE });

/** The original photo (handlers only): a plain link, the session cookie goes along. */
export const citizenPhotoUrl = (id: number, photoId: number) => `${API}/${id}/photos/${photoId}`;

export function useCitizenReportAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CitizenReportAction) => api<CitizenReportDetail>(`${API}/${id}/actions`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: citizenReportKeys.all }),
  });
}
