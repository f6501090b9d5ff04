import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EvidenceKind, Pollutant } from '../../../../src/domain/reduction/model';
import type {
  AccountingOut,
  AllocationBody,
  AllocationsOut,
  AwaitingDispatchesOut,
  DispatchBody,
  DispatchOut,
  DispatchTableOut,
  EvidenceOut,
  ProgressOut,
  ProjectBody,
  ProjectDetailOut,
  ProjectOut,
  ProjectQuery,
} from '../../../../src/modules/reduction/schemas';
import { api, upload, type Wire, withQuery } from '../../api/client';

export type Project = Wire<ProjectOut>;
export type NewProject = z.input<typeof ProjectBody>;
export type ProjectDetail = Wire<z.infer<typeof ProjectDetailOut>>;
export type Dispatch = Wire<DispatchOut>;
export type NewDispatch = z.input<typeof DispatchBody>;
export type Accounting = Wire<AccountingOut>;
export type DispatchTable = Wire<z.infer<typeof DispatchTableOut>>;
export type DispatchRow = DispatchTable['rows'][number];
export type Evidence = Wire<z.infer<typeof EvidenceOut>>;
export type Allocations = Wire<z.infer<typeof AllocationsOut>>;
export type PollutantAllocation = Allocations['pollutants'][number];
export type Progress = Wire<z.infer<typeof ProgressOut>>;
export type ProjectFilter = z.input<typeof ProjectQuery>;
export type Shares = z.input<typeof AllocationBody>['shares'];
/** 待核查: a submitted dispatch with the project it belongs to. */
export type AwaitingDispatch = Wire<z.infer<typeof AwaitingDispatchesOut>>[number];

const API = '/api/reduction';

export const reductionKeys = {
  all: ['reduction'] as const,
  projects: (f: ProjectFilter) => [...reductionKeys.all, 'projects', f] as const,
  project: (id: number) => [...reductionKeys.all, 'project', id] as const,
  dispatch: (month: string, regionCode: string | undefined) => [...reductionKeys.all, 'dispatch', month, regionCode ?? ''] as const,
  awaiting: () => [...reductionKeys.all, 'awaiting'] as const,
  allocations: () => [...reductionKeys.all, 'allocations'] as const,
  progress: (year: number) => [...reductionKeys.all, 'progress', year] as const,
  preview: (body: unknown) => [...reductionKeys.all, 'preview', body] as const,
};

// Projects move between the counties and the bureau: ask again on mount.
const LIVE = { staleTime: 0 };

export const projectsQuery = (f: ProjectFilter) =>
  queryOptions({ queryKey: reductionKeys.projects(f), queryFn: () => api<Project[]>(withQuery(`${API}/projects`, f)), ...LIVE, placeholderData: keepPreviousData });

export const projectQuery = (id: number) => queryOptions({ queryKey: reductionKeys.project(id), queryFn: () => api<ProjectDetail>(`${API}/projects/${id}`), ...LIVE });

export const dispatchTableQuery = (month: string, regionCode?: string) =>
  queryOptions({ queryKey: reductionKeys.dispatch(month, regionCode), queryFn: () => api<DispatchTable>(withQuery(`${API}/dispatch`, { month, regionCode })), ...LIVE });

export const awaitingQuery = () => queryOptions({ queryKey: reductionKeys.awaiting(), queryFn: () => api<AwaitingDispatch[]>(`${API}/dispatches/awaiting`), ...LIVE });

export const allocationsQuery = () => queryOptions({ queryKey: reductionKeys.allocations(), queryFn: () => api<Allocations>(`${API}/allocations`), ...LIVE });

export const progressQuery = (year: number) => queryOptions({ queryKey: reductionKeys.progress(year), queryFn: () => api<Progress>(withQuery(`${API}/progress`, { year })), ...LIVE });

/** The engine's figure for a project and a dispatch as typed (POST /preview: nothing saved). A bad field is an answer to show, not an error to retry. */
export const previewQuery = (body: { project: NewProject; dispatch: NewDispatch } | null) =>
  queryOptions({
    queryKey: reductionKeys.preview(body),
    queryFn: () => api<Accounting>(`${API}/preview`, { method: 'POST', body }),
    enabled: body !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });

/** Where the month's 调度表 and 月度通报 download from (plain links: the session cookie goes along). */
export const dispatchXlsxUrl = (month: string, regionCode?: string) => withQuery(`${API}/dispatch.xlsx`, { month, regionCode });
export const bulletinPdfUrl = (month: string) => withQuery(`${API}/bulletin.pdf`, { month });
export const evidenceUrl = (projectId: number, sha256: string) => `${API}/projects/${projectId}/evidence/${sha256}`;

/** Every write here can move lists, the dispatch table and the progress: refresh the whole module. */
function useReductionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: reductionKeys.all }) });
}

export const useSaveProject = () =>
  useReductionMutation(({ id, body }: { id: number | null; body: NewProject }) =>
    id === null ? api<Project>(`${API}/projects`, { method: 'POST', body }) : api<Project>(`${API}/projects/${id}`, { method: 'PUT', body }),
  );

export const useRegisterProject = () => useReductionMutation((id: number) => api<Project>(`${API}/projects/${id}/register`, { method: 'POST' }));

export const useSubmitDispatch = () =>
  useReductionMutation(({ projectId, body }: { projectId: number; body: NewDispatch }) => api<Dispatch>(`${API}/projects/${projectId}/dispatches`, { method: 'POST', body }));

export const useReviewDispatch = () =>
  useReductionMutation(({ id, action, comment }: { id: number; action: 'approve' | 'return'; comment: string | null }) =>
    api<Dispatch>(`${API}/dispatches/${id}/review`, { method: 'POST', body: { action, comment } }),
  );

export const useSetAllocation = () =>
  useReductionMutation(({ pollutant, shares }: { pollutant: Pollutant; shares: Shares }) =>
    api<Allocations>(`${API}/allocations/${encodeURIComponent(pollutant)}`, { method: 'PUT', body: { shares } }),
  );

/** Uploads one evidence file of a kind (raw bytes, as every upload of the app; the server recognises the type by content). */
export const useUploadEvidence = (projectId: number) =>
  useReductionMutation(({ kind, file }: { kind: EvidenceKind; file: File }) => upload<Evidence>(withQuery(`${API}/projects/${projectId}/evidence`, { kind, fileName: file.name }), file));
