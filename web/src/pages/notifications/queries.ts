import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export type Notice = { id: number; kind: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null };
export type Notices = { unread: number; notices: Notice[] };

export const noticeKeys = { all: ['notifications'] as const };

/** The user's latest notices; polled so that a returned report shows up without a reload. */
export const noticesQuery = () =>
  queryOptions({ queryKey: noticeKeys.all, queryFn: () => api<Notices>('/api/notifications?limit=20'), refetchInterval: 60_000 });

export function useReadNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number | null) => api<{ marked: number }>(id === null ? '/api/notifications/read-all' : `/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
