import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { Chart } from '../../components/Chart';
import { GRADE_COLOUR, gradeKey } from './labels';
import type { RankingRow } from './summary';

/** Totals by rank as bars in their grade's colour (lazy: it pulls in ECharts). */
export default function RankingBars({ rows, label }: { rows: readonly RankingRow[]; label: string }) {
  const { t } = useI18n();
  const option: EChartsCoreOption = useMemo(
    () => ({
      animation: false,
      grid: { left: 56, right: 24, top: 32, bottom: 72 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? t('assessment.points', { value: v.toFixed(2) }) : '—') },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', name: t('assessment.rank.total') },
      series: [
        {
          type: 'bar',
          name: t('assessment.rank.total'),
          barMaxWidth: 32,
          label: { show: true, position: 'top', formatter: (p: { value: number }) => p.value.toFixed(2) },
          data: rows.map((r) => ({ value: Math.round(r.total * 100) / 100, name: t(gradeKey(r.grade)), itemStyle: { color: GRADE_COLOUR[r.grade] } })),
        },
      ],
    }),
    [rows, t],
  );
  return <Chart option={option} label={label} style={{ height: 320 }} />;
}
