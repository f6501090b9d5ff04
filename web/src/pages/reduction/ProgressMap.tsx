import { useCallback } from 'react';
import type { Pollutant } from '../../../../src/domain/reduction/model';
import { useI18n } from '../../app/i18n-context';
import { CountyMapChart, escapeHtml } from '../../components/CountyMapChart';
import type { CountyMap } from '../home/charts';
import { progressMapOption, type RegionProgress } from './charts';
import { formatShare } from './format';
import { levelKey, pollutantKey } from './labels';

/** The county map coloured by the chosen pollutant's level (lazy: it pulls in ECharts); a click opens that county's projects. */
export default function ProgressMap({ regions, pollutant, onOpen }: { regions: readonly RegionProgress[]; pollutant: Pollutant; onOpen: (code: string) => void }) {
  const { t } = useI18n();
  const name = t(pollutantKey(pollutant));
  const build = useCallback(
    (mapName: string, map: CountyMap) =>
      progressMapOption(mapName, map, regions, pollutant, {
        legend: t('reduction.progress.map', { pollutant: name }),
        tooltip: (county, row) =>
          [`<b>${escapeHtml(county)}</b>`, escapeHtml(row && row.allocation !== null ? t('reduction.progress.mapTooltip', { completion: formatShare(row.completion), level: t(levelKey(row.level)) }) : t('reduction.progress.mapNoData'))].join('<br/>'),
      }),
    [regions, pollutant, name, t],
  );
  return <CountyMapChart build={build} label={t('reduction.progress.map', { pollutant: name })} onOpen={onOpen} style={{ height: 440 }} />;
}
