import { queryOptions, useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEventOut, ChainReportOut } from '../../../../src/modules/audit/schemas';
import { api, type Wire, withQuery } from '../../api/client';

export type AuditEvent = Wire<z.infer<typeof AuditEventOut>>;
export type AuditList = { total: number; events: AuditEvent[] };
export type ChainReport = z.infer<typeof ChainReportOut>;
export type AuditFilters = { entity?: string; action?: string; actor?: string; from?: string; to?: string; limit: number };

export const auditKeys = {
  all: ['audit'] as const,
  events: (filters: AuditFilters) => [...auditKeys.all, 'events', filters] as const,
};

export const auditEventsQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: auditKeys.events(filters),
    queryFn: () => api<AuditList>(withQuery('/api/audit/events', filters)),
    staleTime: 0,
  });

/** Re-walks the hash chain on the server; a fresh answer each time, so a mutation rather than a cached query. */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => api<ChainReport>('/api/audit/verify') });
}
