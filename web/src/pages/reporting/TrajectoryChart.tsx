import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { Chart } from '../../components/Chart';
import { type Terms, trajectoryOption } from './charts';
import type { OverviewIndicator } from './overview';

/** An indicator's path to its target (lazy: it pulls in ECharts). */
export default function TrajectoryChart({ indicator, terms }: { indicator: OverviewIndicator; terms: Terms }) {
  const { t } = useI18n();
  const option = useMemo(
    () =>
      trajectoryOption(indicator, terms, {
        reported: t('reporting.overview.reported'),
        expected: t('reporting.overview.expectedPath'),
        forecast: t('reporting.overview.forecast'),
        target: t('reporting.overview.target'),
        unit: indicator.unit,
      }),
    [indicator, terms, t],
  );
  return <Chart option={option} label={t('reporting.overview.chart', { code: indicator.code, name: indicator.name })} style={{ height: 360 }} />;
}
