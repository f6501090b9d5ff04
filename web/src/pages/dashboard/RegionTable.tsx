import { Button, Table, Tag } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import type { ExportColumn } from '../../components/table-export';
import { formatPercent } from '../reporting/overview';
import { type RegionShare, onTrackOfAssessed } from './charts';
import { TableTitle } from './TableTitle';

/** Each county and zone's share of indicators on track: the map's numbers, readable and exportable (zones have no polygon). */
export function RegionTable({ regions, loading, exportName, onOpen }: { regions: readonly RegionShare[] | undefined; loading: boolean; exportName: string; onOpen: (regionCode: string) => void }) {
  const { t } = useI18n();
  const columns: ExportColumn<RegionShare>[] = [
    {
      title: t('reporting.region'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.regionCode)} title={t('dashboard.openRegion', { name })}>
          {name}
        </Button>
      ),
      exportValue: (r) => r.name,
    },
    { title: t('dashboard.allocated'), dataIndex: 'indicators', width: 90, align: 'right' },
    { title: t('dashboard.onTrackOfAssessed'), key: 'ratio', width: 160, align: 'right', render: (_, r) => onTrackOfAssessed(r), exportValue: onTrackOfAssessed },
    {
      title: t('dashboard.share'),
      key: 'share',
      width: 100,
      align: 'right',
      render: (_, r) => (r.share === null ? <Tag>{t('dashboard.noData')}</Tag> : formatPercent(r.share)),
      exportValue: (r) => (r.share === null ? t('dashboard.noData') : formatPercent(r.share)),
    },
    {
      title: t('dashboard.overdue'),
      dataIndex: 'overdue',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
      exportValue: (r) => r.overdue,
    },
  ];
  return (
    <Table<RegionShare>
      rowKey="regionCode"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={regions ? [...regions] : []}
      pagination={false}
      scroll={{ y: 420 }}
      title={() => <TableTitle extra={<ExportButton name={exportName} columns={columns} rows={regions} />}>{t('dashboard.regions')}</TableTitle>}
    />
  );
}
