import { CloseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton, Table } from 'antd';
import { Suspense, lazy, useEffect, useMemo, useRef } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { TableTitle } from '../dashboard/TableTitle';
import { formatAmount } from './levels';
import { type Adjustment, seriesQuery } from './queries';

const TrendCharts = lazy(() => import('./TrendCharts'));

/** A region's trends over the plan's years and the recorded adjustments of its total target, with their reasons. */
export function RegionDetail({ code, name, onClose }: { code: string; name: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const series = useQuery(seriesQuery(code));
  const ref = useRef<HTMLDivElement>(null);
  // Braces: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }), [locale]);

  const columns: ExportColumn<Adjustment>[] = [
    { title: t('energy.adj.year'), dataIndex: 'year', width: 80 },
    { title: t('energy.adj.planned'), dataIndex: 'planned', width: 130, align: 'right', render: (v: number) => formatAmount(v), exportValue: (a) => a.planned },
    { title: t('energy.adj.adjusted'), dataIndex: 'adjusted', width: 130, align: 'right', render: (v: number) => formatAmount(v), exportValue: (a) => a.adjusted },
    { title: t('energy.adj.reason'), dataIndex: 'reason' },
    { title: t('energy.adj.at'), dataIndex: 'at', width: 160, render: (at: string) => time.format(new Date(at)), exportValue: (a) => time.format(new Date(a.at)) },
  ];

  let body;
  if (series.isError) {
    body =
      series.error instanceof ApiError && series.error.status === 404 ? (
        <Alert type="info" showIcon message={t('energy.noTargetFor', { name })} />
      ) : (
        <QueryError error={series.error} onRetry={() => void series.refetch()} />
      );
  } else if (!series.data) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else {
    const adjustmentsName = t('energy.adjustmentsOf', { name });
    body = (
      <>
        {series.data.rows.length === 0 ? (
          <Alert type="info" showIcon message={t('energy.noSeries', { name })} />
        ) : (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <TrendCharts name={name} rows={series.data.rows} />
          </Suspense>
        )}
        <Table<Adjustment>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={series.data.adjustments}
          pagination={false}
          locale={{ emptyText: t('energy.noAdjustments') }}
          title={() => <TableTitle extra={<ExportButton name={adjustmentsName} columns={columns} rows={series.data.adjustments} />}>{adjustmentsName}</TableTitle>}
        />
      </>
    );
  }
  return (
    <div ref={ref} style={{ marginTop: 16 }}>
      <Card
        title={t('energy.detailOf', { name })}
        extra={<Button type="text" icon={<CloseOutlined />} aria-label={t('common.close')} onClick={onClose} />}
        styles={{ body: { paddingTop: 8 } }}
      >
        {body}
      </Card>
    </div>
  );
}
