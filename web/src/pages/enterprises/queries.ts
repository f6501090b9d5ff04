import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BenchmarkShareOut, ProductEfficiencyOut, ProjectBody, ProjectOut, ReportOut, ReportThreadOut } from '../../../../src/modules/enterprises/schemas';
import type { EnterpriseBody, EnterpriseOut, EnterprisePatch } from '../../../../src/modules/org/schemas';
import { api, upload, type Wire, withQuery } from '../../api/client';
import type { ReportFormBody } from './report-form';

export type Enterprise = z.infer<typeof EnterpriseOut>;
export type NewEnterprise = z.input<typeof EnterpriseBody>;
export type EnterpriseChange = z.infer<typeof EnterprisePatch>;
export type EnergyReport = Wire<ReportOut>;
export type ReportThread = Wire<z.infer<typeof ReportThreadOut>>;
export type BenchmarkShare = Wire<z.infer<typeof BenchmarkShareOut>>;
export type ProductLine = Wire<z.infer<typeof ProductEfficiencyOut>>;
export type NewProductLine = { year: number; productCode: string; capacity: number; capacityUnit: string; unitConsumption: number };
export type Project = Wire<z.infer<typeof ProjectOut>>;
export type NewProject = z.input<typeof ProjectBody>;
/** What the import answers, as the shared import buttons expect it: the filed report and how many lines it holds. */
export type ReportImport = { imported: number; report: EnergyReport };

const API = '/api/enterprises';

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (f: { regionCode?: string; q?: string }) => [...enterpriseKeys.all, 'list', f] as const,
  reports: (id: number) => [...enterpriseKeys.all, 'reports', id] as const,
  thread: (id: number) => [...enterpriseKeys.all, 'thread', id] as const,
  benchmarks: (year: number) => [...enterpriseKeys.all, 'benchmarks', year] as const,
  projects: (warned: boolean) => [...enterpriseKeys.all, 'projects', warned] as const,
  awaiting: () => [...enterpriseKeys.all, 'awaiting'] as const,
};

// Reports move between the enterprise, the county and the city: ask again on mount.
const LIVE = { staleTime: 0 };

export const enterprisesQuery = (f: { regionCode?: string; q?: string }) =>
  queryOptions({ queryKey: enterpriseKeys.list(f), queryFn: () => api<Enterprise[]>(withQuery('/api/org/enterprises', f)), ...LIVE });

export const reportsQuery = (enterpriseId: number) =>
  queryOptions({ queryKey: enterpriseKeys.reports(enterpriseId), queryFn: () => api<EnergyReport[]>(`${API}/${enterpriseId}/reports`), ...LIVE });

/** 待我审核: reports awaiting the signed-in county's or the city's review, with their enterprise. */
export type AwaitingReport = EnergyReport & { enterpriseName: string; regionCode: string };
export const awaitingQuery = () => queryOptions({ queryKey: enterpriseKeys.awaiting(), queryFn: () => api<AwaitingReport[]>(`${API}/reports/awaiting`), ...LIVE });

export const reportThreadQuery = (id: number) => queryOptions({ queryKey: enterpriseKeys.thread(id), queryFn: () => api<ReportThread>(`${API}/reports/${id}`), ...LIVE });

export const benchmarksQuery = (year: number) =>
  queryOptions({ queryKey: enterpriseKeys.benchmarks(year), queryFn: () => api<BenchmarkShare>(withQuery(`${API}/benchmarks`, { year })), ...LIVE, retry: false });

export const projectsQuery = (warned: boolean) =>
  queryOptions({ queryKey: enterpriseKeys.projects(warned), queryFn: () => api<Project[]>(withQuery(`${API}/high-energy-projects`, { warned: warned ? 'true' : undefined })), ...LIVE });

/** Where an enterprise's report template for a year downloads from (a plain link: the session cookie goes along). */
export const reportTemplateUrl = (enterpriseId: number, year: number) => withQuery(`${API}/${enterpriseId}/reports/template.xlsx`, { year });
export const reportPdfUrl = (reportId: number) => `${API}/reports/${reportId}/report.pdf`;

/** Every write here can change lists, threads and shares: refresh the whole module. */
function useEnterpriseMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: enterpriseKeys.all }) });
}

export const useCreateEnterprise = () => useEnterpriseMutation((body: NewEnterprise) => api<Enterprise>('/api/org/enterprises', { method: 'POST', body }));
export const useUpdateEnterprise = () =>
  useEnterpriseMutation(({ id, patch }: { id: number; patch: EnterpriseChange }) => api<Enterprise>(`/api/org/enterprises/${id}`, { method: 'PATCH', body: patch }));

export const useSubmitReport = (enterpriseId: number) => useEnterpriseMutation((body: ReportFormBody) => api<EnergyReport>(`${API}/${enterpriseId}/reports`, { method: 'POST', body }));

export const useImportReport = (enterpriseId: number, year: number) =>
  useEnterpriseMutation(async (file: Blob): Promise<ReportImport> => {
    const report = await upload<EnergyReport>(withQuery(`${API}/${enterpriseId}/reports/import`, { year }), file);
    return { imported: report.lines.length, report };
  });

export const useReviewReport = () =>
  useEnterpriseMutation(({ id, action, comment }: { id: number; action: 'approve' | 'return'; comment: string | null }) =>
    api<EnergyReport>(`${API}/reports/${id}/${action}`, { method: 'POST', body: { comment } }),
  );

export const useSetProductLine = (enterpriseId: number) =>
  useEnterpriseMutation((body: NewProductLine) => api<ProductLine>(`${API}/${enterpriseId}/products`, { method: 'PUT', body }));

export const useSaveProject = () =>
  useEnterpriseMutation(({ id, body }: { id: number | null; body: NewProject }) =>
    id === null ? api<Project>(`${API}/high-energy-projects`, { method: 'POST', body }) : api<Project>(`${API}/high-energy-projects/${id}`, { method: 'PUT', body }),
  );
