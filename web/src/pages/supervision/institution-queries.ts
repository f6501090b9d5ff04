import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EconomySummaryOut, InstitutionBody, InstitutionDetailOut, InstitutionOut, InstitutionRowOut, QuotaBody, UseBody, UseOut } from '../../../../src/modules/supervision/institutions.schemas';
import { api, upload, type Wire, withQuery } from '../../api/client';

export type Institution = Wire<InstitutionOut>;
export type InstitutionRow = Wire<InstitutionRowOut>;
export type InstitutionDetail = Wire<z.infer<typeof InstitutionDetailOut>>;
export type InstitutionUse = Wire<UseOut>;
export type EconomySummary = Wire<z.infer<typeof EconomySummaryOut>>;
export type NewInstitution = z.input<typeof InstitutionBody>;
export type NewUse = z.input<typeof UseBody>;
export type NewQuota = z.input<typeof QuotaBody>;
export type InstitutionFilter = { year: number; regionCode?: string; kind?: string; level?: string };

const API = '/api/supervision/institutions';

export const institutionKeys = {
  all: ['supervision', 'institutions'] as const,
  list: (f: InstitutionFilter) => [...institutionKeys.all, 'list', f] as const,
  detail: (id: number) => [...institutionKeys.all, 'detail', id] as const,
  economy: (year: number) => [...institutionKeys.all, 'economy', year] as const,
};

export const institutionsQuery = (f: InstitutionFilter) => queryOptions({ queryKey: institutionKeys.list(f), queryFn: () => api<InstitutionRow[]>(withQuery(API, f)) });
export const institutionQuery = (id: number) => queryOptions({ queryKey: institutionKeys.detail(id), queryFn: () => api<InstitutionDetail>(`${API}/${id}`) });
export const economyQuery = (year: number) => queryOptions({ queryKey: institutionKeys.economy(year), queryFn: () => api<EconomySummary>(withQuery(`${API}/economy-organs`, { year })) });

/** Downloads are plain links: the session cookie goes along. */
export const quotaTableUrl = (f: InstitutionFilter) => withQuery(`${API}/quota-table.xlsx`, f);
export const registryTemplateUrl = `${API}/template.xlsx`;

/** Every write can move a row's level, the 80 % shares and the lists: refresh them all. */
function useInstitutionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: institutionKeys.all }) });
}

export const useSaveInstitution = () =>
  useInstitutionMutation(({ id, body }: { id: number | null; body: NewInstitution }) =>
    id === null ? api<Institution>(API, { method: 'POST', body }) : api<Institution>(`${API}/${id}`, { method: 'PUT', body }),
  );
export const useFileUse = (id: number) => useInstitutionMutation(({ year, body }: { year: number; body: NewUse }) => api<InstitutionUse>(`${API}/${id}/uses/${year}`, { method: 'PUT', body }));
export const useSetQuota = (id: number) => useInstitutionMutation((body: NewQuota) => api<unknown>(`${API}/${id}/quotas`, { method: 'PUT', body }));

/** The import answers how many were created and updated; the shared import buttons want `imported`. */
export const useImportInstitutions = () =>
  useInstitutionMutation(async (file: Blob) => {
    const r = await upload<{ created: number; updated: number }>(`${API}/import`, file);
    return { ...r, imported: r.created + r.updated };
  });
