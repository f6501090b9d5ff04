import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { Chart } from '../../components/Chart';
import { type RegionBar, regionBarOption } from './charts';

/** Verified tonnes per region against the allocation (lazy: it pulls in ECharts). */
export default function RegionBars({ rows, label }: { rows: readonly RegionBar[]; label: string }) {
  const { t } = useI18n();
  const option = useMemo(() => regionBarOption(rows, { verified: t('reduction.progress.chartVerified'), allocation: t('reduction.progress.chartAllocation'), unit: t('reduction.unit.t') }), [rows, t]);
  return <Chart option={option} label={label} style={{ height: 340 }} />;
}
