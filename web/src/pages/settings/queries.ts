import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { reportingKeys } from '../reporting/queries';
import type { RuleBody } from './cadence';
import type { ReferenceItem, VersionBody } from './reference-form';

export const referenceKeys = {
  all: ['reference'] as const,
};

export const referenceQuery = () => queryOptions({ queryKey: referenceKeys.all, queryFn: () => api<ReferenceItem[]>('/api/reference') });

/**
 * Adds a version of a reference value from a date on. Its answer replaces that key's versions; the calendars,
 * overviews and dashboards computed with the old value are stale from now.
 */
export function useAddReferenceVersion(key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VersionBody) => api<ReferenceItem>(`/api/reference/${encodeURIComponent(key)}/versions`, { method: 'POST', body }),
    onSuccess: (item) => {
      qc.setQueryData<ReferenceItem[]>(referenceKeys.all, (old) => old?.map((x) => (x.key === item.key ? item : x)));
      void qc.invalidateQueries({ queryKey: reportingKeys.all });
    },
  });
}

/** Sets how often one indicator or task is reported and its due days; every calendar changes. */
export function useSetReportingRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RuleBody) => api<{ code: string; frequency: string; dueDays: number }>('/api/reporting/rules', { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportingKeys.all }),
  });
}
