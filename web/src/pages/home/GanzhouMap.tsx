import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { CountyMapChart } from '../../components/CountyMapChart';
import type { PlanTree } from '../plan/queries';
import { type CountyMap, ganzhouMapOption, namedTaskCounts } from './charts';

/** The county map (lazy: it pulls in ECharts). Clicking a county lists the tasks that name it. */
export default function GanzhouMap({ tree }: { tree: PlanTree }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const build = useCallback(
    (mapName: string, map: CountyMap) =>
      ganzhouMapOption(mapName, map, namedTaskCounts(tree), {
        legend: t('home.mapLegend'),
        tooltip: (name, count) => `${name}<br/>${t('home.namedTasks', { count })}`,
      }),
    [tree, t],
  );
  const onOpen = useCallback((code: string) => navigate(`/plan?region=${code}&onlyNamed=true`), [navigate]);
  return <CountyMapChart build={build} label={t('home.map')} onOpen={onOpen} />;
}
