import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { Chart } from '../../components/Chart';
import { echarts } from '../../components/echarts';
import { QueryError } from '../../components/QueryError';
import { countyMapQuery } from '../home/queries';
import { formatPercent } from '../reporting/overview';
import { type RegionShare, onTrackOfAssessed, regionShareMapOption } from './charts';

const MAP_NAME = 'ganzhou';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The county map coloured by the share of indicators on track (lazy: it pulls in ECharts). A click opens that county's dashboard. */
export default function RegionShareMap({ regions, onOpen }: { regions: readonly RegionShare[]; onOpen: (regionCode: string) => void }) {
  const { t } = useI18n();
  const map = useQuery(countyMapQuery());

  const option = useMemo(() => {
    if (!map.data) return null;
    echarts.registerMap(MAP_NAME, map.data);
    return regionShareMapOption(MAP_NAME, map.data, regions, {
      legend: t('dashboard.mapLegend'),
      high: formatPercent(1),
      low: formatPercent(0),
      tooltip: (name, r) => {
        const lines = [`<b>${escapeHtml(name)}</b>`];
        if (!r || r.share === null) lines.push(t('dashboard.noData'));
        else lines.push(t('dashboard.mapOnTrack', { ratio: onTrackOfAssessed(r), share: formatPercent(r.share) }));
        if (r) lines.push(t('dashboard.mapOverdue', { n: r.overdue }));
        return lines.join('<br/>');
      },
    });
  }, [map.data, regions, t]);

  const codeByName = useMemo(() => new Map(map.data?.features.map((f) => [f.properties.name, f.properties.code])), [map.data]);
  const onClick = useCallback(
    (e: ECElementEvent) => {
      const code = codeByName.get(e.name);
      if (code) onOpen(code);
    },
    [codeByName, onOpen],
  );

  if (map.isError) return <QueryError error={map.error} onRetry={() => void map.refetch()} />;
  if (!option) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <Chart option={option} label={t('dashboard.map')} onClick={onClick} style={{ height: 460 }} />;
}
