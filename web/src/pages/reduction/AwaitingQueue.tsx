import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Pollutant } from '../../../../src/domain/reduction/model';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { ReviewModal } from '../../components/ReviewModal';
import { formatMonth, formatTonnes } from './format';
import { pollutantKey, rejectionKey, statusKey } from './labels';
import { type AwaitingDispatch, awaitingQuery, useReviewDispatch } from './queries';

type Review = { item: AwaitingDispatch; action: 'approve' | 'return' };

/** 待核查: the bureau's queue of submitted dispatches, each approved or returned with a comment (reduction.md §6); opening one shows its file. */
export function AwaitingQueue({ regionName, onOpen }: { regionName: (code: string) => string; onOpen: (projectId: number) => void }) {
  const { t, locale } = useI18n();
  const queue = useQuery(awaitingQuery());
  const review = useReviewDispatch();
  const [open, setOpen] = useState<Review | null>(null);
  if (queue.isError) return <QueryError error={queue.error} onRetry={() => void queue.refetch()} />;
  const month = (a: AwaitingDispatch) => formatMonth(a.dispatch.month, locale);
  const accounted = (a: AwaitingDispatch) =>
    a.dispatch.accounting.pollutants.map((x) => `${t(pollutantKey(x.pollutant as Pollutant))} ${formatTonnes(x.countable_t, locale)}${x.rejection ? `（${t(rejectionKey(x.rejection.code))}）` : ''}`).join('；');
  return (
    <section aria-label={t('reduction.queue.title')}>
      <Table<AwaitingDispatch>
        rowKey={(a) => a.dispatch.id}
        size="small"
        loading={queue.isPending}
        dataSource={queue.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('reduction.queue.empty') }}
        title={() => (
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('reduction.queue.title')}
          </Typography.Title>
        )}
        columns={[
          {
            title: t('reduction.queue.project'),
            key: 'p',
            render: (_, a) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(a.project.id)}>
                {a.project.code} {a.project.name}
              </Button>
            ),
          },
          { title: t('reduction.region'), key: 'r', render: (_, a) => regionName(a.project.regionCode) },
          { title: t('reduction.queue.month'), key: 'm', render: (_, a) => month(a) },
          { title: t('reduction.dispatch.projectStatus'), key: 's', render: (_, a) => t(statusKey(a.dispatch.projectStatus)) },
          { title: t('reduction.dispatch.accounted'), key: 'a', render: (_, a) => accounted(a) },
          { title: t('reduction.queue.submittedBy'), key: 'b', render: (_, a) => a.dispatch.submittedByName },
          {
            title: t('reduction.actions'),
            key: 'actions',
            render: (_, a) => (
              <Space size={4}>
                <Button size="small" type="primary" onClick={() => setOpen({ item: a, action: 'approve' })} aria-label={t('reduction.queue.approveOf', { name: a.project.name, month: month(a) })}>
                  {t('reduction.queue.approve')}
                </Button>
                <Button size="small" danger onClick={() => setOpen({ item: a, action: 'return' })} aria-label={t('reduction.queue.returnOf', { name: a.project.name, month: month(a) })}>
                  {t('reduction.queue.return')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <ReviewModal
        open={open !== null}
        action={open?.action ?? 'approve'}
        name="reduction-review"
        title={open ? t(open.action === 'approve' ? 'reduction.queue.approveTitle' : 'reduction.queue.returnTitle', { name: open.item.project.name, month: month(open.item) }) : ''}
        mutation={review}
        toVars={(comment) => ({ id: open?.item.dispatch.id ?? 0, action: open?.action ?? 'approve', comment })}
        onClose={() => setOpen(null)}
      />
    </section>
  );
}
