import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n-context';
import type { ManagedCommitment } from './commitment-api';

const PROGRESS_COLOR = { 'on-track': 'blue', achieved: 'green', overdue: 'red' } as const;
const STATUS_COLOR = { pending: 'gold', published: 'green', rejected: 'default', hidden: 'default', withdrawn: 'default' } as const;

/** Commitments with their measure, progress and review; the caller adds the actions of its role. */
export function CommitmentTable({ rows, actions, title }: { rows: ManagedCommitment[]; actions?: (c: ManagedCommitment) => ReactNode; title?: string }) {
  const { t, locale } = useI18n();
  return (
    <Table<ManagedCommitment>
      rowKey="id"
      size="small"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={rows}
      {...(title ? { title: () => title } : {})}
      expandable={{
        expandedRowRender: (c) => (
          <>
            <p style={{ whiteSpace: 'pre-line' }}>{c.content}</p>
            {c.reviewComment && (
              <p>
                {t('commitments.reviewComment')}：{c.reviewComment}
              </p>
            )}
            <ul>
              {c.updates.map((u) => (
                <li key={u.id}>
                  {u.asOf}：{u.value} {c.unit} {u.note}
                </li>
              ))}
            </ul>
          </>
        ),
      }}
      columns={[
        { title: t('commitments.col.committer'), key: 'who', render: (_, c) => `${c.committerName}（${t(`commitments.kind.${c.kind}`)}）` },
        { title: t('commitments.field.region'), key: 'region', render: (_, c) => c.regionName ?? '—' },
        { title: t('commitments.field.title'), dataIndex: 'title' },
        {
          title: t('commitments.field.indicator'),
          key: 'indicator',
          render: (_, c) => t('commitments.indicatorLine', { indicator: c.indicator, baseline: c.baselineValue ?? '—', target: c.targetValue, unit: c.unit, due: c.dueDate }),
        },
        { title: t('commitments.col.latest'), key: 'latest', render: (_, c) => (c.latest ? `${c.latest.value} ${c.unit}（${c.latest.asOf}）` : t('commitments.noUpdate')) },
        { title: t('commitments.col.progress'), key: 'progress', render: (_, c) => <Tag color={PROGRESS_COLOR[c.progress]}>{t(`commitments.progress.${c.progress}`)}</Tag> },
        { title: t('commitments.col.status'), key: 'status', render: (_, c) => <Tag color={STATUS_COLOR[c.status]}>{t(`commitments.status.${c.status}`)}</Tag> },
        { title: t('commitments.col.createdAt'), key: 'at', render: (_, c) => new Date(c.createdAt).toLocaleDateString(locale) },
        ...(actions ? [{ title: '', key: 'actions', render: (_: unknown, c: ManagedCommitment) => actions(c) }] : []),
      ]}
    />
  );
}
