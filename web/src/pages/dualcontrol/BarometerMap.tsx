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
import { explainIntensity, explainNotRated, explainTotal } from './explain';
import { type LevelColours, levelLabelKey } from './levels';
import type { BarometerRegion } from './queries';

const MAP_NAME = 'ganzhou';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Props = {
  regions: readonly BarometerRegion[];
  colours: LevelColours;
  /** The reduction each region's intensity must reach this year (from its targets), where known. */
  requiredOf: (regionCode: string) => number | null;
  onOpen: (regionCode: string) => void;
};

/** 晴雨表 map (lazy: it pulls in ECharts): counties in their level's colour; the tooltip gives the deciding numbers. */
export default function BarometerMap({ regions, colours, requiredOf, onOpen }: Props) {
  const { t } = useI18n();
  const map = useQuery(countyMapQuery());

  const option = useMemo(() => {
    if (!map.data) return null;
    echarts.registerMap(MAP_NAME, map.data);
    return barometerMapOption(MAP_NAME, map.data, regions, colours, {
      legend: t('energy.mapLegend'),
      tooltip: (name, r) => {
        const lines = [`<b>${escapeHtml(name)}</b>`];
        const e = r?.evaluation;
        // A region the answer leaves out (a county user sees its own only) is grey and says nothing more.
        if (!r) return lines[0]!;
        if (!e) lines.push(escapeHtml(explainNotRated(r, t)));
        else {
          lines.push(t(levelLabelKey(e.level.overall)));
          lines.push(escapeHtml(explainIntensity(e, requiredOf(r.regionCode), t)));
          lines.push(escapeHtml(explainTotal(e, t)));
        }
        return lines.join('<br/>');
      },
    });
  }, [map.data, regions, colours, requiredOf, t]);

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
