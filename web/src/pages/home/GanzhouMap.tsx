import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { Chart } from '../../components/Chart';
import { echarts } from '../../components/echarts';
import { QueryError } from '../../components/QueryError';
import type { PlanTree } from '../plan/queries';
import { ganzhouMapOption, namedTaskCounts } from './charts';
import { countyMapQuery } from './queries';

const MAP_NAME = 'ganzhou';

/** The county map (lazy: it pulls in ECharts). Clicking a county lists the tasks that name it. */
export default function GanzhouMap({ tree }: { tree: PlanTree }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const map = useQuery(countyMapQuery());

  const option = useMemo(() => {
    if (!map.data) return null;
    echarts.registerMap(MAP_NAME, map.data);
    return ganzhouMapOption(MAP_NAME, map.data, namedTaskCounts(tree), {
      legend: t('home.mapLegend'),
      tooltip: (name, count) => `${name}<br/>${t('home.namedTasks', { count })}`,
    });
  }, [map.data, tree, t]);

  const codeByName = useMemo(() => new Map(map.data?.features.map((f) => [f.properties.name, f.properties.code])), [map.data]);
  const onClick = useCallback(
    (e: ECElementEvent) => {
      const code = codeByName.get(e.name);
      if (code) navigate(`/plan?region=${code}&onlyNamed=true`);
    },
    [codeByName, navigate],
  );

  if (map.isError) return <QueryError error={map.error} onRetry={() => void map.refetch()} />;
  if (!option) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <Chart option={option} label={t('home.map')} onClick={onClick} />;
}
