import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';

/**
 * Makes a new secret feed address for the signed-in user (the old one stops working). The server keeps only
 * the token's hash, so this answer is the one time it can be shown: it lives in the mutation's data, not the cache.
 */
export function useCreateCalendarFeed() {
  return useMutation({ mutationFn: () => api<{ token: string }>('/api/reporting/calendar/feed', { method: 'POST' }) });
}

/** Stops the user's feed address (204; idempotent). */
export function useRevokeCalendarFeed() {
  return useMutation({ mutationFn: () => api<void>('/api/reporting/calendar/feed', { method: 'DELETE' }) });
}
