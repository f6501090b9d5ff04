import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CommitmentActionBody, CommitmentUpdateBody, EnterpriseCommitmentBody, ManagedCommitmentOut } from '../../../../src/modules/public/commitments.schemas';
import { api, withQuery, type Wire } from '../../api/client';

/** 自愿承诺 (issue #10) for the staff page: the steering office's review and the enterprise's own commitments. */
export type ManagedCommitment = Wire<ManagedCommitmentOut>;
export type NewCommitment = z.input<typeof EnterpriseCommitmentBody>;
export type NewUpdate = z.input<typeof CommitmentUpdateBody>;
export type CommitmentAction = z.input<typeof CommitmentActionBody>;

const API = '/api/public';

export const commitmentKeys = {
  all: ['commitments'] as const,
  managed: (status: string | undefined) => [...commitmentKeys.all, 'managed', status ?? 'all'] as const,
  mine: () => [...commitmentKeys.all, 'mine'] as const,
};

// New commitments arrive from the public at any time: ask again on mount.
const LIVE = { staleTime: 0 };

export const managedCommitmentsQuery = (status?: string) =>
  queryOptions({ queryKey: commitmentKeys.managed(status), queryFn: () => api<ManagedCommitment[]>(withQuery(`${API}/managed-commitments`, { status })), ...LIVE });
export const myCommitmentsQuery = () => queryOptions({ queryKey: commitmentKeys.mine(), queryFn: () => api<ManagedCommitment[]>(`${API}/my-commitments`), ...LIVE });

function useInvalidating<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: commitmentKeys.all }) });
}

export const useActOnCommitment = () => useInvalidating(({ id, ...body }: CommitmentAction & { id: number }) => api<ManagedCommitment>(`${API}/managed-commitments/${id}/actions`, { method: 'POST', body }));
export const useMakeCommitment = () => useInvalidating((body: NewCommitment) => api<{ id: number }>(`${API}/my-commitments`, { method: 'POST', body }));
export const useAddCommitmentUpdate = () => useInvalidating(({ id, ...body }: NewUpdate & { id: number }) => api<unknown>(`${API}/my-commitments/${id}/updates`, { method: 'POST', body }));
