import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { regionsQuery } from '../org/queries';
import { usePlanTree } from '../plan/queries';
import { type ItemInfo, type ItemRef, itemIndex, itemKeyOf } from './report-format';

/** Names for what reports carry only codes and ids of: items from the plan tree, regions from the org data. */
export function useNames() {
  const { code: planCode, tree } = usePlanTree();
  const regions = useQuery(regionsQuery());
  const items = useMemo(() => (tree ? itemIndex(tree) : new Map<string, ItemInfo>()), [tree]);
  const regionNames = useMemo(() => new Map(regions.data?.map((r) => [r.code, r.name])), [regions.data]);
  const item = useCallback((r: ItemRef) => items.get(itemKeyOf(r)), [items]);
  const regionName = useCallback((code: string) => regionNames.get(code) ?? code, [regionNames]);
  return { planCode, tree, regions: regions.data, item, regionName };
}
