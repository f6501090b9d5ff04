import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';
import { type CSSProperties, useCallback, useMemo } from 'react';
import type { CountyMap } from '../pages/home/charts';
import { countyMapQuery } from '../pages/home/queries';
import { Chart } from './Chart';
import { echarts } from './echarts';
import { QueryError } from './QueryError';

const MAP_NAME = 'ganzhou';

/** Escapes text for an ECharts tooltip, which renders HTML. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Props = {
  /** Builds the chart from the loaded map; keep it stable (useCallback): the option is rebuilt when it changes. */
  build: (mapName: string, map: CountyMap) => EChartsCoreOption;
  /** The chart's accessible name. */
  label: string;
  /** A click on a county, with its code. */
  onOpen: (regionCode: string) => void;
  style?: CSSProperties;
};

/** The Ganzhou county map as a chart (import it lazily: it pulls in ECharts): loads and registers the map file, and names a clicked county by its code. */
export function CountyMapChart({ build, label, onOpen, style }: Props) {
  const map = useQuery(countyMapQuery());

  const option = useMemo(() => {
    if (!map.data) return null;
    echarts.registerMap(MAP_NAME, map.data);
    return build(MAP_NAME, map.data);
  }, [map.data, build]);

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
  return <Chart option={option} label={label} onClick={onClick} style={style} />;
}
