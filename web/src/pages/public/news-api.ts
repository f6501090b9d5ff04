import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NewsBody, NewsOut } from '../../../../src/modules/public/news.schemas';
import { api, type Wire } from '../../api/client';

/** News and campaigns (issue #10) for the steering office: drafts, publish, unpublish. */
export type NewsItem = Wire<NewsOut>;
export type NewsInput = z.input<typeof NewsBody>;

const API = '/api/public/managed-news';
export const newsKeys = { all: ['news'] as const, managed: () => [...newsKeys.all, 'managed'] as const };

export const managedNewsQuery = () => queryOptions({ queryKey: newsKeys.managed(), queryFn: () => api<NewsItem[]>(API), staleTime: 0 });

function useInvalidating<V>(fn: (v: V) => Promise<NewsItem>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: newsKeys.all }) });
}

/** Creates a draft (no id) or saves an existing item. */
export const useSaveNews = () =>
  useInvalidating(({ id, ...body }: NewsInput & { id: number | null }) => (id === null ? api<NewsItem>(API, { method: 'POST', body }) : api<NewsItem>(`${API}/${id}`, { method: 'PUT', body })));
export const usePublishNews = () => useInvalidating(({ id, publish }: { id: number; publish: boolean }) => api<NewsItem>(`${API}/${id}/${publish ? 'publish' : 'unpublish'}`, { method: 'POST' }));
