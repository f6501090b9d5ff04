import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { PreviewOut, PublicationOut, PublishBody, WithdrawBody } from '../../../../src/modules/public/publications.schemas';
import { api, type Wire } from '../../api/client';

export type Publication = Wire<PublicationOut>;
export type Preview = Wire<PreviewOut>;

const API = '/api/public/publications';

export const publicationKeys = {
  all: ['publications'] as const,
  history: () => [...publicationKeys.all, 'history'] as const,
};

export const publicationHistoryQuery = () => queryOptions({ queryKey: publicationKeys.history(), queryFn: () => api<Publication[]>(API) });

/** A preview stores nothing, so it is a mutation that invalidates nothing. */
export const usePreviewPublication = () => useMutation({ mutationFn: (body: PublishBody) => api<Preview>(`${API}/preview`, { method: 'POST', body }) });

export function usePublish() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: PublishBody) => api<Publication>(API, { method: 'POST', body }), onSuccess: () => qc.invalidateQueries({ queryKey: publicationKeys.all }) });
}

export function useWithdrawPublication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: WithdrawBody }) => api<Publication>(`${API}/${id}/withdraw`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: publicationKeys.all }),
  });
}

/** The period key the server reads: a year, a quarter of a year (barometer), or an assessment's id. */
export function periodKeyOf(v: { dataset: string; year?: number; quarter?: number | null; assessmentId?: number }): string {
  if (v.dataset === 'assessment') return String(v.assessmentId ?? '');
  return v.dataset === 'barometer' && v.quarter ? `${v.year}-Q${v.quarter}` : String(v.year ?? '');
}
