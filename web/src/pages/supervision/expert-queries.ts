import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssignmentBody,
  AssignmentOut,
  CapacityRoleOut,
  ConflictCheckOut,
  ExpertBody,
  ExpertDetailOut,
  ExpertOut,
  RelationBody,
  RelationOut,
} from '../../../../src/modules/supervision/capacity.schemas';
import { api, withQuery, type Wire } from '../../api/client';

export type Expert = Wire<ExpertOut>;
export type ExpertDetail = Wire<z.infer<typeof ExpertDetailOut>>;
export type Relation = Wire<z.infer<typeof RelationOut>>;
export type Assignment = Wire<z.infer<typeof AssignmentOut>>;
export type ConflictCheck = z.infer<typeof ConflictCheckOut>;
export type NewExpert = z.input<typeof ExpertBody>;
export type NewRelation = z.input<typeof RelationBody>;
export type NewAssignment = z.input<typeof AssignmentBody>;
export type CapacityRole = z.infer<typeof CapacityRoleOut>['role'];
export type ExpertFilter = { field?: string; regionCode?: string; available?: boolean; forEnterpriseId?: number };

const API = '/api/supervision';

export const capacityKeys = {
  all: ['supervision', 'capacity'] as const,
  role: () => [...capacityKeys.all, 'role'] as const,
  experts: (f: ExpertFilter) => [...capacityKeys.all, 'experts', f] as const,
  expert: (id: number) => [...capacityKeys.all, 'expert', id] as const,
  events: () => [...capacityKeys.all, 'events'] as const,
  event: (id: number) => [...capacityKeys.all, 'event', id] as const,
  managers: (f: object) => [...capacityKeys.all, 'managers', f] as const,
};

export const capacityRoleQuery = () => queryOptions({ queryKey: capacityKeys.role(), queryFn: () => api<{ role: CapacityRole; inspects: boolean }>(`${API}/capacity-role`), staleTime: 5 * 60_000 });
export const expertsQuery = (f: ExpertFilter) => queryOptions({ queryKey: capacityKeys.experts(f), queryFn: () => api<Expert[]>(withQuery(`${API}/experts`, f)) });
export const expertQuery = (id: number) => queryOptions({ queryKey: capacityKeys.expert(id), queryFn: () => api<ExpertDetail>(`${API}/experts/${id}`) });

/** The conflicts an assignment would have (asked before it is made). */
export const checkAssignment = (q: { expertId: number; subjectKind: NewAssignment['subjectKind']; subjectId: number }) => api<ConflictCheck>(withQuery(`${API}/expert-assignments/check`, q));

/** Every write may move a list, a detail and the candidates: refresh the part. */
export function useCapacityMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: capacityKeys.all }) });
}

export const useSaveExpert = () =>
  useCapacityMutation(({ id, body }: { id: number | null; body: NewExpert }) =>
    id === null ? api<Expert>(`${API}/experts`, { method: 'POST', body }) : api<Expert>(`${API}/experts/${id}`, { method: 'PUT', body }),
  );
export const useDeclareRelation = (expertId: number) => useCapacityMutation((body: NewRelation) => api<Relation>(`${API}/experts/${expertId}/relations`, { method: 'POST', body }));
export const useAssignExpert = () => useCapacityMutation((body: NewAssignment) => api<Assignment>(`${API}/expert-assignments`, { method: 'POST', body }));
