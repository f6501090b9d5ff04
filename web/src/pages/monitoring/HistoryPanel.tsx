import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Empty, Flex, Segmented, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { ReadingKind } from '../../../../src/domain/monitoring/model';
import { useI18n } from '../../app/i18n-context';
import { HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import { historyOption } from './charts';
import { factorLabel, factorUnit, type Granularity, granularityKey, readingKindKey } from './labels';
import { type DayRange, dayWindow, lastDays, spanDays } from './period';
import { type Station, seriesQuery } from './queries';

const Chart = lazy(() => import('./MonitoringChart'));
const GRANULARITIES: Granularity[] = ['raw', 'hour', 'day'];
const KINDS: ReadingKind[] = ['rtd', 'min', 'hour', 'day'];

/** 历史数据: a factor's readings of a kind, raw or as hour/day aggregates, over a date range, zoomable (dataZoom). */
export function HistoryPanel({ station }: { station: Station }) {
  const { t } = useI18n();
  const [factor, setFactor] = useState<string | undefined>(station.factors[0]?.code ?? station.latest[0]?.code);
  // Real-time data come first and most often; minute, hour and day data are a pick away.
  const [kind, setKind] = useState<ReadingKind>('rtd');
  const [granularity, setGranularity] = useState<Granularity>('raw');
  const [range, setRange] = useState<DayRange>(() => lastDays(2, new Date()));
  const series = useQuery({ ...seriesQuery(station.id, { factor: factor ?? '', kind, granularity, ...dayWindow(range) }), enabled: !!factor });
  const f = station.factors.find((x) => x.code === factor);
  const unit = factor ? factorUnit(factor, series.data?.unit ?? f?.unit) : '';
  const title = factor ? `${factorLabel(factor, unit)} · ${t(granularityKey(granularity))}` : t('monitoring.history.title');
  const option = useMemo(
    () =>
      series.data && factor
        ? historyOption(
            series.data.points,
            { upper: series.data.limit ?? f?.upper ?? null, lower: f?.lower ?? null, basis: series.data.basis ?? f?.basis ?? null },
            { name: factorLabel(factor, unit), unit, upper: t('monitoring.chart.upper'), lower: t('monitoring.chart.lower'), measured: t('monitoring.basis.measured'), converted: t('monitoring.basis.converted'), range: t('monitoring.chart.range') },
            granularity !== 'raw',
            dayWindow(range),
          )
        : null,
    [series.data, factor, unit, f, granularity, range, t],
  );
  const pickRange = (v: [Dayjs | null, Dayjs | null] | null) => {
    if (v?.[0] && v[1]) setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')]);
  };
  const factorCodes = [...new Set([...station.factors.map((x) => x.code), ...station.latest.map((l) => l.code)])];
  return (
    <Card
      size="small"
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('monitoring.history.title')}</Typography.Title>}
      extra={
        <Flex gap={8} wrap align="center">
          <HiddenLabel htmlFor="mon-h-factor">{t('monitoring.alarm.factor')}</HiddenLabel>
          <Select id="mon-h-factor" style={{ width: 200 }} value={factor} onChange={setFactor} options={factorCodes.map((c) => ({ value: c, label: factorLabel(c, station.factors.find((x) => x.code === c)?.unit) }))} />
          <HiddenLabel htmlFor="mon-h-kind">{t('monitoring.history.kind')}</HiddenLabel>
          <Select id="mon-h-kind" style={{ width: 110 }} value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(readingKindKey(k)) }))} />
          <Segmented<Granularity> aria-label={t('monitoring.history.granularity')} value={granularity} onChange={setGranularity} options={GRANULARITIES.map((g) => ({ value: g, label: t(granularityKey(g)) }))} />
          <HiddenLabel htmlFor="mon-h-range">{t('monitoring.range')}</HiddenLabel>
          <DatePicker.RangePicker id="mon-h-range" allowClear={false} value={[dayjs(range[0]), dayjs(range[1])]} onChange={pickRange} />
        </Flex>
      }
    >
      {!factor ? (
        <Empty description={t('monitoring.live.noFactors')} />
      ) : series.isError ? (
        <QueryError error={series.error} onRetry={() => void series.refetch()} />
      ) : !series.data || !option ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : series.data.points.length === 0 ? (
        <Empty description={t('monitoring.history.noData', { days: spanDays(range) })} />
      ) : (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <Chart option={option} label={title} style={{ height: 360 }} />
        </Suspense>
      )}
    </Card>
  );
}
