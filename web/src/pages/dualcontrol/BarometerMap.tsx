import { useCallback } from 'react';
import { useI18n } from '../../app/i18n-context';
import { CountyMapChart, escapeHtml } from '../../components/CountyMapChart';
import type { CountyMap } from '../home/charts';
import { barometerMapOption } from './charts';
import { explainRegion } from './explain';
import type { LevelColours } from './levels';
import type { RatedRegion } from './rating';

type Props = {
  /** The year's or the year to date's ratings, with the figures behind each level. */
  regions: readonly RatedRegion[];
  colours: LevelColours;
  onOpen: (regionCode: string) => void;
};

/** 晴雨表 map (lazy: it pulls in ECharts): counties in their level's colour; the tooltip gives the deciding numbers. */
export default function BarometerMap({ regions, colours, onOpen }: Props) {
  const { t } = useI18n();
  const build = useCallback(
    (mapName: string, map: CountyMap) =>
      barometerMapOption(mapName, map, regions, colours, {
        legend: t('energy.mapLegend'),
        // A region the answer leaves out (a county user sees its own only) is grey and says nothing more.
        tooltip: (name, r) => [name, ...(r ? explainRegion(r, t) : [])].map((line, i) => (i === 0 ? `<b>${escapeHtml(line)}</b>` : escapeHtml(line))).join('<br/>'),
      }),
    [regions, colours, t],
  );
  return <CountyMapChart build={build} label={t('energy.map')} onOpen={onOpen} style={{ height: 460 }} />;
}
