import { useQuery } from '@tanstack/react-query';
import { App, Button, Segmented, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { type ManagedCommitment, managedCommitmentsQuery, useActOnCommitment } from './commitment-api';
import { CommitmentReasonModal, type ReasonAsk } from './commitment-reason';
import { CommitmentTable } from './commitment-table';

const VIEWS = ['pending', 'published', 'rejected', 'hidden'] as const;
type View = (typeof VIEWS)[number];

/**
 * 自愿承诺 (the steering office and admin): the review queue of enterprise commitments (approve, or reject with a
 * reason) and the published ones, which an abusive entry can be hidden from (with a reason).
 */
export function CommitmentsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [view, setView] = useState<View>('pending');
  const list = useQuery(managedCommitmentsQuery(view));
  const act = useActOnCommitment();
  const [asking, setAsking] = useState<ReasonAsk>(null);
  const approve = (c: ManagedCommitment) => act.mutate({ id: c.id, action: 'approve' }, { onSuccess: () => void message.success(t('commitments.status.published')) });

  const actions = (c: ManagedCommitment) => (
    <Space>
      {c.status === 'pending' && (
        <>
          <Button size="small" type="primary" loading={act.isPending} onClick={() => approve(c)}>
            {t('commitments.approve')}
          </Button>
          <Button size="small" onClick={() => setAsking({ commitment: c, action: 'reject' })}>
            {t('commitments.reject')}
          </Button>
        </>
      )}
      {c.status === 'published' && (
        <>
          <a href={`/open/commitments?id=${c.id}`} target="_blank" rel="noreferrer">
            {t('commitments.viewPublic')}
          </a>
          <Button size="small" danger onClick={() => setAsking({ commitment: c, action: 'hide' })}>
            {t('commitments.hide')}
          </Button>
        </>
      )}
    </Space>
  );

  return (
    <>
      <Segmented<View> value={view} onChange={setView} options={VIEWS.map((v) => ({ value: v, label: t(v === 'pending' ? 'commitments.review' : `commitments.status.${v}`) }))} style={{ marginBottom: 12 }} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <CommitmentTable rows={list.data} actions={actions} />
      )}
      <CommitmentReasonModal ask={asking} onClose={() => setAsking(null)} />
    </>
  );
}
