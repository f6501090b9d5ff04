import { useQuery } from '@tanstack/react-query';
import { Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { TableTitle } from '../dashboard/TableTitle';
import { formatNumber, REJECT_REASONS, reasonKey } from './labels';
import { beijingTime } from './period';
import { type Rejection, rejectionsQuery } from './queries';

type Props = {
  /** Only this enterprise's rejections (the API filters by reason, not by enterprise: the newest `limit` are filtered here). */
  uscc?: string;
  /** Names the table and its export, e.g. "某企业被拒读数"; 被拒读数 by default. */
  name?: string;
  /** How many of the newest rejections to ask for (1–1000). */
  limit?: number;
};

/** 被拒读数 (admins and the steering office): what the MQTT gateway refused, newest first, with the reason in words. */
export function RejectionsTable({ uscc, name, limit = 1000 }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState<string | undefined>();
  const rejections = useQuery(rejectionsQuery(limit, reason));
  if (rejections.isError) return <QueryError error={rejections.error} onRetry={() => void rejections.refetch()} />;
  if (!rejections.data) return <Skeleton active paragraph={{ rows: 3 }} />;

  const rows = uscc ? rejections.data.filter((r) => r.uscc === uscc) : rejections.data;
  const reasonText = (r: Rejection) => t(reasonKey(r.reason));
  const columns: ExportColumn<Rejection>[] = [
    { title: t('meter.col.receivedAt'), key: 'receivedAt', width: 170, render: (_, r) => beijingTime(r.receivedAt), exportValue: (r) => beijingTime(r.receivedAt) },
    { title: t('meter.col.reason'), key: 'reason', width: 130, render: (_, r) => <Tag color="volcano">{reasonText(r)}</Tag>, exportValue: reasonText },
    ...(uscc ? [] : [{ title: t('meter.col.uscc'), dataIndex: 'uscc', width: 190 } satisfies ExportColumn<Rejection>]),
    { title: t('meter.col.code'), dataIndex: 'meterCode', width: 100 },
    { title: t('meter.col.ts'), key: 'ts', width: 170, render: (_, r) => (r.ts ? beijingTime(r.ts) : '—'), exportValue: (r) => (r.ts ? beijingTime(r.ts) : null) },
    { title: t('meter.col.value'), key: 'value', align: 'right', width: 110, render: (_, r) => formatNumber(r.value), exportValue: (r) => r.value },
    { title: t('meter.col.detail'), dataIndex: 'detail' },
    { title: t('meter.col.topic'), dataIndex: 'topic', hidden: true },
    { title: t('meter.col.payload'), dataIndex: 'payload', hidden: true },
  ];
  const title = name ?? t('meter.rejections');
  return (
    <Table<Rejection>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      expandable={{ expandedRowRender: (r) => <Typography.Text code>{r.topic} {r.payload}</Typography.Text> }}
      locale={{ emptyText: t('meter.rejectionsNone') }}
      title={() => (
        <TableTitle
          extra={
            <Space>
              <HiddenLabel htmlFor="meter-rejection-reason">{t('meter.rejectionsReason')}</HiddenLabel>
              <Select<string>
                id="meter-rejection-reason"
                style={{ width: 160 }}
                allowClear
                placeholder={t('meter.rejectionsAll')}
                value={reason}
                onChange={(v) => setReason(v)}
                options={REJECT_REASONS.map((r) => ({ value: r, label: t(reasonKey(r)) }))}
              />
              <ExportButton name={title} columns={columns} rows={rows} />
            </Space>
          }
        >
          {title}
        </TableTitle>
      )}
    />
  );
}
