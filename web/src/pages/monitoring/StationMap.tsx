import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { escapeHtml } from '../../components/CountyMapChart';
import { QueryError } from '../../components/QueryError';
import { countyMapQuery } from '../home/queries';
import { type MapStation, stationMapOption } from './charts';
import { stateKey, type StationState } from './labels';
import Chart, { echarts } from './MonitoringChart';

const MAP_NAME = 'ganzhou';
const STATES: StationState[] = ['alarm', 'silent', 'normal', 'never'];

/** 站点分布: the stations over the county map, coloured by state; a click opens the station (lazy: it pulls in ECharts). */
export default function StationMap({ stations, onOpen }: { stations: readonly MapStation[]; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const map = useQuery(countyMapQuery());
  const option = useMemo(() => {
    if (!map.data) return null;
    echarts.registerMap(MAP_NAME, map.data);
    const states = Object.fromEntries(STATES.map((s) => [s, t(stateKey(s))])) as Record<StationState, string>;
    return stationMapOption(MAP_NAME, stations, {
      states,
      tooltip: (s) => [`<b>${escapeHtml(s.name)}</b>`, escapeHtml(`MN ${s.mn}`), escapeHtml(states[s.state])].join('<br/>'),
    });
  }, [map.data, stations, t]);
  const onClick = useCallback(
    (e: ECElementEvent) => {
      // A station's point carries its id third: [longitude, latitude, id].
      const value = e.value;
      if (e.seriesType === 'scatter' && Array.isArray(value) && typeof value[2] === 'number') onOpen(value[2]);
    },
    [onOpen],
  );
  if (map.isError) return <QueryError error={map.error} onRetry={() => void map.refetch()} />;
  if (!option) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <Chart option={option} label={t('monitoring.stations.map')} onClick={onClick} style={{ height: 460 }} />;
}
