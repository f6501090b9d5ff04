import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { Chart } from '../../components/Chart';
import { echarts } from '../../components/echarts';
import { QueryError } from '../../components/QueryError';
import { countyMapQuery } from '../home/queries';
import { barometerMapOption } from './charts';
import { explainRegion } from './explain';
import type { LevelColours } from './levels';
import type { RatedRegion } from './rating';

const MAP_NAME = 'ganzhou';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Props = {
  /** The year's or the year to date's ratings, with the figures behind each level. */
  regions: readonly RatedRegion[];
  colours: LevelColours;
  onOpen: (regionCode: string) => void;
};

/** 晴雨表 map (lazy: it pulls in ECharts): counties in their level's colour; the tooltip gives the deciding numbers. */
export default function BarometerMap({ regions, colours, onOpen }: Props) {
  const { t } = useI18n();
  const map = useQuery(countyMapQuery());

  const option = useMemo(() => {
    if (!map.data) return null;
    echarts.registerMap(MAP_NAME, map.data);
    return barometerMapOption(MAP_NAME, map.data, regions, colours, {
      legend: t('energy.mapLegend'),
      // A region the answer leaves out (a county user sees its own only) is grey and says nothing more.
      tooltip: (name, r) => [name, ...(r ? explainRegion(r, t) : [])].map((line, i) => (i === 0 ? `<b>${escapeHtml(line)}</b>` : escapeHtml(line))).join('<br/>'),
    });
  }, [map.data, regions, colours, t]);

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
  return <Chart option={option} label={t('energy.map')} onClick={onClick} style={{ height: 460 }} />;
}
