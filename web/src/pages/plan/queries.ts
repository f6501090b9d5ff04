import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { IndicatorOut, PlanSummaryOut, PlanTreeOut, SearchOut, TaskOut } from '../../../../src/modules/plan/schemas';
import { api, withQuery } from '../../api/client';

export type PlanSummary = z.infer<typeof PlanSummaryOut>;
export type PlanTree = z.infer<typeof PlanTreeOut>;
export type Chapter = PlanTree['chapters'][number];
export type Section = Chapter['sections'][number];
export type Task = z.infer<typeof TaskOut>;
export type Indicator = z.infer<typeof IndicatorOut>;
export type SearchResult = z.infer<typeof SearchOut>;
export type FoundTask = SearchResult['tasks'][number];
export type FoundIndicator = SearchResult['indicators'][number];
export type MyItems = SearchResult & { department: { id: number; name: string; fullName: string } };

/** The filters of the plan browser; all optional. */
export type PlanFilters = { department?: number; region?: string; onlyNamed?: boolean; q?: string };

/** Used only if the server lists no plan (it always loads this one). */
export const FALLBACK_PLAN_CODE = 'ganzhou-14fyp-ecer';

export const planKeys = {
  all: ['plan'] as const,
  plans: () => [...planKeys.all, 'plans'] as const,
  tree: (code: string) => [...planKeys.all, 'tree', code] as const,
  search: (code: string, filters: PlanFilters) => [...planKeys.all, 'search', code, filters] as const,
  mine: (code: string, department: number | null) => [...planKeys.all, 'mine', code, department] as const,
};

export const plansQuery = () => queryOptions({ queryKey: planKeys.plans(), queryFn: () => api<PlanSummary[]>('/api/plan/plans') });

export const treeQuery = (code: string) =>
  queryOptions({ queryKey: planKeys.tree(code), queryFn: () => api<PlanTree>(`/api/plan/plans/${encodeURIComponent(code)}/tree`) });

export const searchQuery = (code: string, filters: PlanFilters) =>
  queryOptions({
    queryKey: planKeys.search(code, filters),
    queryFn: () =>
      api<SearchResult>(
        withQuery(`/api/plan/plans/${encodeURIComponent(code)}/search`, {
          department: filters.department,
          region: filters.region,
          onlyNamed: filters.onlyNamed,
          q: filters.q?.trim(),
        }),
      ),
  });

/** A department's items: `department` null means “my own department” (department users). */
export const mineQuery = (code: string, department: number | null) =>
  queryOptions({
    queryKey: planKeys.mine(code, department),
    queryFn: () => api<MyItems>(withQuery(`/api/plan/plans/${encodeURIComponent(code)}/mine`, { department })),
  });

export function exportUrl(code: string, format: 'json' | 'xlsx'): string {
  return withQuery(`/api/plan/plans/${encodeURIComponent(code)}/export`, { format });
}

/** The current plan: the first the server lists. */
export function usePlanCode(): { code: string | undefined; isError: boolean; error: unknown } {
  const plans = useQuery(plansQuery());
  const code = plans.data ? (plans.data[0]?.code ?? FALLBACK_PLAN_CODE) : undefined;
  return { code, isError: plans.isError, error: plans.error };
}

/** The current plan's tree (waits for the plan list). */
export function usePlanTree() {
  const { code, isError, error } = usePlanCode();
  const tree = useQuery({ ...treeQuery(code ?? FALLBACK_PLAN_CODE), enabled: code !== undefined });
  return { code, tree: tree.data, isPending: tree.isPending || code === undefined, isError: isError || tree.isError, error: error ?? tree.error, refetch: tree.refetch };
}
