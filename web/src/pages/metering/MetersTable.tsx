import { useQuery } from '@tanstack/react-query';
import { Button, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { TableTitle } from '../dashboard/TableTitle';
import { agoText, formatNumber, meterStatus, type MeterStatus } from './labels';
import { beijingTime } from './period';
import { LIVE_MS, type Meter, metersQuery } from './queries';
import type { MeteringReference } from './reference';

type Row = Meter & { status: MeterStatus };

/** The clock the "how long ago" column reads, ticking with the live refresh. */
function useNow(ms: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

type Props = { enterpriseId: number; reference: MeteringReference; selected: number | null; onSelect: (meterId: number) => void };

/** 计量表: each meter with its latest reading, how long ago it arrived and whether it fell silent; refreshed every 10 s. */
export function MetersTable({ enterpriseId, reference, selected, onSelect }: Props) {
  const { t } = useI18n();
  const meters = useQuery(metersQuery(enterpriseId));
  const now = useNow(LIVE_MS / 2);
  if (meters.isError) return <QueryError error={meters.error} onRetry={() => void meters.refetch()} />;
  if (!meters.data) return <Skeleton active paragraph={{ rows: 3 }} />;

  const rows: Row[] = meters.data.meters.map((m) => ({ ...m, status: meterStatus(m.latest?.ts, now, reference.gapMinutes) }));
  const carrierText = (m: Row) => (m.carrier ? (reference.carrierNames.get(m.carrier) ?? m.carrier) : t('meter.noCarrier'));
  const statusText = (s: MeterStatus) =>
    s.kind === 'no-reading' ? t('meter.status.noReading') : s.kind === 'silent' ? t('meter.status.silent', { minutes: reference.gapMinutes ?? 0 }) : t('meter.status.online');
  const columns: ExportColumn<Row>[] = [
    { title: t('meter.col.code'), dataIndex: 'code', width: 120 },
    { title: t('meter.col.carrier'), key: 'carrier', width: 110, render: (_, m) => carrierText(m), exportValue: carrierText },
    { title: t('meter.col.unit'), dataIndex: 'unit', width: 90 },
    {
      title: t('meter.col.latestValue'),
      key: 'value',
      align: 'right',
      render: (_, m) => formatNumber(m.latest?.value),
      exportValue: (m) => m.latest?.value ?? null,
    },
    { title: t('meter.col.latestTs'), key: 'ts', width: 180, render: (_, m) => (m.latest ? beijingTime(m.latest.ts) : '—'), exportValue: (m) => (m.latest ? beijingTime(m.latest.ts) : null) },
    { title: t('meter.col.ago'), key: 'ago', width: 110, render: (_, m) => (m.status.kind === 'no-reading' ? '—' : agoText(m.status.ageMs, t)), exportValue: (m) => (m.status.kind === 'no-reading' ? null : agoText(m.status.ageMs, t)) },
    {
      title: t('meter.col.status'),
      key: 'status',
      width: 150,
      render: (_, m) => <Tag color={m.status.kind === 'online' ? 'green' : m.status.kind === 'silent' ? 'warning' : 'default'}>{statusText(m.status)}</Tag>,
      exportValue: (m) => statusText(m.status),
    },
    {
      title: t('meter.col.series'),
      key: 'series',
      width: 110,
      render: (_, m) => (
        <Button size="small" type={m.id === selected ? 'primary' : 'default'} aria-pressed={m.id === selected} aria-label={`${t('meter.showSeries')} ${m.code}`} onClick={() => onSelect(m.id)}>
          {t('meter.showSeries')}
        </Button>
      ),
    },
  ];
  const name = t('meter.metersOf', { name: meters.data.name });
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('meter.none') }}
      title={() => <TableTitle extra={<ExportButton name={name} columns={columns} rows={rows} />}>{t('meter.meters')}</TableTitle>}
      footer={() => <Typography.Text type="secondary">{t('meter.live', { time: beijingTime(meters.dataUpdatedAt).slice(11) })}</Typography.Text>}
    />
  );
}
