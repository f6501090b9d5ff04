import { useCallback } from 'react';
import { useI18n } from '../../app/i18n-context';
import { CountyMapChart, escapeHtml } from '../../components/CountyMapChart';
import type { CountyMap } from '../home/charts';
import { formatPercent } from '../reporting/overview';
import { type RegionShare, onTrackOfAssessed, regionShareMapOption } from './charts';

/** The county map coloured by the share of indicators on track (lazy: it pulls in ECharts). A click opens that county's dashboard. */
export default function RegionShareMap({ regions, onOpen }: { regions: readonly RegionShare[]; onOpen: (regionCode: string) => void }) {
  const { t } = useI18n();
  const build = useCallback(
    (mapName: string, map: CountyMap) =>
      regionShareMapOption(mapName, map, regions, {
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
      }),
    [regions, t],
  );
  return <CountyMapChart build={build} label={t('dashboard.map')} onOpen={onOpen} style={{ height: 460 }} />;
}
