import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { TableTitle } from '../dashboard/TableTitle';
import { regionsQuery } from '../org/queries';
import { STATUS_COLOR, statusKey } from './labels';
import { type AwaitingReport, awaitingQuery } from './queries';

/** 待我审核: the reports waiting for this county's (or the city's) review, across its enterprises; opening one goes to it. */
export function ReviewQueue({ onOpen }: { onOpen: (r: AwaitingReport) => void }) {
  const { t, locale } = useI18n();
  const queue = useQuery(awaitingQuery());
  const regions = useQuery(regionsQuery());
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  const regionName = (code: string) => (regions.data ?? []).find((r) => r.code === code)?.name ?? code;
  const rows = queue.data ?? [];
  const columns: ExportColumn<AwaitingReport>[] = [
    { title: t('ent.queue.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('ent.field.region'), dataIndex: 'regionCode', width: 100, render: (c: string) => regionName(c), exportValue: (r) => regionName(r.regionCode) },
    { title: t('ent.queue.year'), dataIndex: 'year', width: 80 },
    { title: t('ent.queue.revision'), dataIndex: 'revision', width: 70 },
    { title: t('ent.queue.tce'), dataIndex: 'tceEquivalent', width: 130, align: 'right', render: (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 2 }), exportValue: (r) => r.tceEquivalent },
    { title: t('ent.queue.status'), dataIndex: 'status', width: 110, render: (s: AwaitingReport['status']) => <Tag color={STATUS_COLOR[s]}>{t(statusKey(s))}</Tag>, exportValue: (r) => t(statusKey(r.status)) },
    {
      title: t('ent.queue.open'),
      key: 'open',
      width: 90,
      render: (_, r) => (
        <Button size="small" type="link" onClick={() => onOpen(r)} aria-label={t('ent.queue.openOf', { name: r.enterpriseName, year: r.year })}>
          {t('ent.queue.open')}
        </Button>
      ),
    },
  ];
  const name = t('ent.queue.title');
  return (
    <Card size="small">
      <Table<AwaitingReport>
        rowKey="id"
        size="small"
        loading={queue.isPending}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('ent.queue.empty') }}
        title={() => <TableTitle extra={<ExportButton name={name} columns={columns} rows={rows} />}>{`${name}（${rows.length}）`}</TableTitle>}
      />
    </Card>
  );
}
