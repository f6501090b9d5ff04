import { queryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { Overview } from '../reporting/overview';
import { reportingKeys } from '../reporting/queries';
import type { RegionMap } from './charts';
import { type Focus, focusParam, focusQuery } from './focus';

// Under reportingKeys.all, so that a submitted or reviewed report refreshes the dashboards too.
export const dashboardKeys = {
  all: [...reportingKeys.all, 'dashboard'] as const,
  overview: (plan: string, year: number, focus: Focus) => [...dashboardKeys.all, 'overview', plan, year, focusParam(focus)] as const,
  regionMap: (plan: string, year: number) => [...dashboardKeys.all, 'region-map', plan, year] as const,
};

// Reports move between people: always ask again on mount (the server answers from its cache).
const LIVE = { staleTime: 0 };

export const focusOverviewQuery = (plan: string, year: number, focus: Focus) =>
  queryOptions({
    queryKey: dashboardKeys.overview(plan, year, focus),
    queryFn: () => api<Overview>(withQuery('/api/reporting/overview', { plan, year, ...focusQuery(focus) })),
    ...LIVE,
  });

export const regionMapQuery = (plan: string, year: number) =>
  queryOptions({
    queryKey: dashboardKeys.regionMap(plan, year),
    queryFn: () => api<RegionMap>(withQuery('/api/reporting/region-map', { plan, year })),
    ...LIVE,
  });
