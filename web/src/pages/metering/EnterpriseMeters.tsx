import { useQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { useMemo, useState } from 'react';
import { referenceQuery } from '../settings/queries';
import { ComparisonTable } from './ComparisonTable';
import { MetersTable } from './MetersTable';
import { beijingDate } from './period';
import { metersQuery } from './queries';
import { meteringReferenceOf } from './reference';
import { SeriesPanel } from './SeriesPanel';

/**
 * 能耗在线监测 of one enterprise: its meters live (latest reading, how long ago, silent ones tagged), the chosen
 * meter's use by hour, day or month, and the metered year against the annual report. Self-contained: give it the
 * enterprise's id; the API answers 404 for an enterprise the user may not see, shown as the tables' error.
 */
export function EnterpriseMeters({ enterpriseId }: { enterpriseId: number }) {
  const meters = useQuery(metersQuery(enterpriseId));
  const referenceItems = useQuery(referenceQuery());
  const reference = useMemo(() => meteringReferenceOf(referenceItems.data ?? [], beijingDate(new Date())), [referenceItems.data]);
  const [picked, setPicked] = useState<number | null>(null);
  const list = meters.data?.meters ?? [];
  const meter = list.find((m) => m.id === picked) ?? list[0] ?? null;
  return (
    <Flex vertical gap={16}>
      <MetersTable enterpriseId={enterpriseId} reference={reference} selected={meter?.id ?? null} onSelect={setPicked} />
      {meter && <SeriesPanel key={meter.id} meter={meter} />}
      {meters.data && <ComparisonTable enterpriseId={enterpriseId} reference={reference} />}
    </Flex>
  );
}
