import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { regionsQuery } from '../org/queries';
import { usePlanTree } from '../plan/queries';
import { type ItemInfo, type ItemRef, itemIndex, itemKey, itemKeyOf } from './report-format';

/** Names for what reports carry only codes and ids of: items from the plan tree, regions from the org data. */
export function useNames() {
  const plan = usePlanTree();
  const { tree } = plan;
  const regions = useQuery(regionsQuery());
  const items = useMemo(() => (tree ? itemIndex(tree) : new Map<string, ItemInfo>()), [tree]);
  const regionNames = useMemo(() => new Map(regions.data?.map((r) => [r.code, r.name])), [regions.data]);
  const item = useCallback((kind: ItemInfo['kind'], id: number) => items.get(itemKey(kind, id)), [items]);
  const itemOf = useCallback((r: ItemRef) => items.get(itemKeyOf(r)), [items]);
  const regionName = useCallback((code: string) => regionNames.get(code) ?? code, [regionNames]);
  return { plan, regions: regions.data, item, itemOf, regionName };
}
