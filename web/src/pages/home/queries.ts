import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { parseCountyMap } from './charts';

export const homeKeys = {
  all: ['home'] as const,
  countyMap: () => [...homeKeys.all, 'county-map'] as const,
};

/** The county boundaries (a static file built by scripts/build-map.mjs). */
export const countyMapQuery = () =>
  queryOptions({
    queryKey: homeKeys.countyMap(),
    queryFn: async () => parseCountyMap(await api<unknown>('/map/ganzhou.json')),
    staleTime: Number.POSITIVE_INFINITY,
  });
