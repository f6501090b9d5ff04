import { useQuery } from '@tanstack/react-query';
import { App, Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { type Report, reportsQuery, useReviewReport } from './queries';
import { type DrawerTarget, targetOf } from './report-form';
import { problemMessage } from './report-format';
import { ReportDrawer } from './ReportDrawer';
import { ReturnModal } from './ReturnModal';
import { useReportColumns } from './use-report-columns';

/** 待审核: submitted reports in the user's scope, to approve or return. The server decides who may. */
export function ReviewTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const reports = useQuery(reportsQuery({ status: 'submitted' }));
  const review = useReviewReport();
  const [returning, setReturning] = useState<Report | null>(null);
  const [viewing, setViewing] = useState<DrawerTarget | null>(null);
  const base = useReportColumns({ withStatus: false });

  const approve = (r: Report) =>
    review.mutate(
      { id: r.id, action: 'approve', comment: null },
      {
        onSuccess: () => void message.success(t('reporting.approvedMessage')),
        onError: (e) => void message.error(problemMessage(e)),
      },
    );

  const columns: ExportColumn<Report>[] = [
    ...base,
    {
      title: t('reporting.actions'),
      key: 'actions',
      width: 190,
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" onClick={() => setViewing(targetOf(r))}>
            {t('reporting.view')}
          </Button>
          <Button size="small" type="primary" onClick={() => approve(r)} loading={review.isPending && review.variables?.id === r.id}>
            {t('reporting.approve')}
          </Button>
          <Button size="small" danger onClick={() => setReturning(r)}>
            {t('reporting.return')}
          </Button>
        </Space>
      ),
    },
  ];

  if (reports.isError) return <QueryError error={reports.error} onRetry={() => void reports.refetch()} />;
  return (
    <>
      <Table<Report>
        rowKey="id"
        size="small"
        loading={reports.isPending}
        columns={columns}
        dataSource={reports.data}
        locale={{ emptyText: t('reporting.noReview') }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        title={() => <ExportButton name={t('reporting.tab.review')} columns={columns} rows={reports.data} />}
      />
      <ReturnModal report={returning} onClose={() => setReturning(null)} />
      <ReportDrawer target={viewing} readOnly onClose={() => setViewing(null)} />
    </>
  );
}
