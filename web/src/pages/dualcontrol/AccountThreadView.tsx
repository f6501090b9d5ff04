import { useQuery } from '@tanstack/react-query';
import { Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import { ReviewHistory, ThreadHeading } from '../../components/ReviewHistory';
import type { ExportColumn } from '../../components/table-export';
import { historyActionLabel, statusColor } from '../reporting/report-format';
import { formatAmount, formatRate } from './levels';
import { type Account, accountQuery } from './queries';

/** Every revision of a county's figures for a period and every step taken on them, oldest first. */
export function AccountThreadView({ id, exportName }: { id: number; exportName: string }) {
  const { t, locale } = useI18n();
  const thread = useQuery(accountQuery(id));
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }), [locale]);
  const columns = useAccountColumns();
  if (thread.isError) return <QueryError error={thread.error} onRetry={() => void thread.refetch()} />;
  if (!thread.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const { revisions, history } = thread.data;
  const revisionOf = new Map(revisions.map((r) => [r.id, r.revision]));
  const cols: ExportColumn<Account>[] = [
    { title: t('energy.col.revision'), dataIndex: 'revision', width: 64 },
    ...columns.filter((c) => c.key !== 'period'),
    { title: t('energy.col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (at: string) => time.format(new Date(at)), exportValue: (r) => time.format(new Date(r.submittedAt)) },
  ];
  return (
    <section aria-label={t('energy.thread')}>
      <ThreadHeading>{t('energy.revisions')}</ThreadHeading>
      <Table<Account>
        rowKey="id"
        size="small"
        columns={cols}
        dataSource={revisions}
        pagination={false}
        scroll={{ x: 900 }}
        title={() => <ExportButton name={exportName} columns={cols} rows={revisions} />}
        expandable={{
          rowExpandable: (r) => r.note !== '' || r.correctionReason !== null,
          expandedRowRender: (r) => (
            <>
              {r.correctionReason && <Typography.Paragraph type="warning">{t('energy.correctionNote', { reason: r.correctionReason })}</Typography.Paragraph>}
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.note}</Typography.Paragraph>
            </>
          ),
        }}
      />
      <ThreadHeading>{t('energy.history')}</ThreadHeading>
      <ReviewHistory steps={history} actionLabel={(a) => historyActionLabel(a, t)} revisionLabel={(h) => t('reporting.revisionNo', { n: revisionOf.get(h.accountId) ?? '?' })} />
    </section>
  );
}

/** The figures of an account as columns (shared by the list and the revisions): status, GDP, energy and its parts. */
export function useAccountColumns(): ExportColumn<Account>[] {
  const { t } = useI18n();
  const amount = (key: keyof Account & string, title: string): ExportColumn<Account> => ({
    title,
    dataIndex: key,
    width: 110,
    align: 'right',
    render: (v: number | null) => formatAmount(v),
    exportValue: (r) => r[key] as number | null,
  });
  return [
    { title: t('energy.col.period'), key: 'period', dataIndex: 'periodKey', width: 90 },
    {
      title: t('energy.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Account['status']) => <Tag color={statusColor(s)}>{t(`reporting.status.${s}`)}</Tag>,
      exportValue: (r) => t(`reporting.status.${r.status}`),
    },
    amount('gdpCurrent', t('energy.col.gdpCurrent')),
    {
      title: t('energy.col.gdpGrowth'),
      dataIndex: 'gdpGrowth',
      width: 100,
      align: 'right',
      render: (v: number | null) => formatRate(v, 1),
      exportValue: (r) => (r.gdpGrowth === null ? null : Number((r.gdpGrowth * 100).toFixed(4))),
    },
    amount('energy', t('energy.col.energyAmount')),
    amount('coal', t('energy.col.coal')),
    amount('nonFossil', t('energy.col.nonFossil')),
    amount('renewableElectricity', t('energy.col.renewableElectricity')),
    amount('feedstock', t('energy.col.feedstock')),
    amount('listedProjects', t('energy.col.listedProjects')),
  ];
}
