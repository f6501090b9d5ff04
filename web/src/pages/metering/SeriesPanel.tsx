import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import { seriesTotals, seriesOption } from './charts';
import { formatNumber, granularityKey } from './labels';
import { type DayRange, defaultRange, GRANULARITIES, type Granularity, isSpanTooLong, maxSpanDays, seriesWindow } from './period';
import { type Meter, seriesQuery } from './queries';

// ECharts is its own chunk, loaded when the first chart shows.
const Chart = lazy(() => import('../../components/Chart').then((m) => ({ default: m.Chart })));

/** 用能曲线: one meter's use by the hour, day or month over a picked range, refreshed with the live view. */
export function SeriesPanel({ meter }: { meter: Meter }) {
  const { t } = useI18n();
  const [granularity, setGranularity] = useState<Granularity>('hour');
  const [range, setRange] = useState<DayRange>(() => defaultRange('hour', new Date()));
  const win = seriesWindow(granularity, range);
  const tooLong = isSpanTooLong(granularity, win);
  const series = useQuery({ ...seriesQuery(meter.id, { granularity, ...win }), enabled: !tooLong });
  const option = useMemo(() => (series.data ? seriesOption(series.data.points, series.data.granularity, { from: series.data.from, to: series.data.to }, { name: t('meter.quantity'), unit: series.data.unit }) : null), [series.data, t]);
  const totals = series.data ? seriesTotals(series.data.points) : null;

  const pickGranularity = (g: Granularity) => {
    setGranularity(g);
    setRange(defaultRange(g, new Date()));
  };
  const pickRange = (v: [Dayjs | null, Dayjs | null] | null) => {
    if (v?.[0] && v[1]) setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')]);
  };
  const title = t('meter.seriesOf', { code: meter.code, unit: meter.unit });
  return (
    <Card
      size="small"
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{title}</Typography.Title>}
      extra={
        <Flex gap={12} wrap align="center">
          <Segmented<Granularity>
            aria-label={t('meter.granularity')}
            value={granularity}
            onChange={pickGranularity}
            options={GRANULARITIES.map((g) => ({ value: g, label: t(granularityKey(g)) }))}
          />
          <HiddenLabel htmlFor={`meter-range-${meter.id}`}>{t('meter.range')}</HiddenLabel>
          <DatePicker.RangePicker
            id={`meter-range-${meter.id}`}
            picker={granularity === 'month' ? 'month' : 'date'}
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={pickRange}
          />
        </Flex>
      }
    >
      {tooLong ? (
        <Alert type="warning" showIcon message={t('meter.rangeTooLong', { granularity: t(granularityKey(granularity)), days: maxSpanDays(granularity) })} />
      ) : series.isError ? (
        <QueryError error={series.error} onRetry={() => void series.refetch()} />
      ) : !series.data || !option ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : series.data.points.length === 0 ? (
        <Empty description={t('meter.noData')} />
      ) : (
        <>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <Chart option={option} label={`${title} · ${t(granularityKey(series.data.granularity))}`} style={{ height: 320 }} />
          </Suspense>
          {totals && <Typography.Text type="secondary">{t('meter.total', { value: formatNumber(totals.quantity), unit: series.data.unit, hours: totals.hours })}</Typography.Text>}
        </>
      )}
    </Card>
  );
}
