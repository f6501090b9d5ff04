import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import type { ExportColumn } from '../../components/table-export';
import { periodLabel } from '../reporting/calendar';
import type { Overview } from '../reporting/overview';
import { taskStatusColor } from './focus';
import { TableTitle } from './TableTitle';

type Task = Overview['tasks'][number];

/** The tasks the focus answers for, each with its latest approved progress. */
export function TaskTable({ tasks, loading, exportName }: { tasks: readonly Task[] | undefined; loading: boolean; exportName: string }) {
  const { t } = useI18n();
  const statusText = (x: Task) => (x.latest?.taskStatus ? t(`reporting.taskStatus.${x.latest.taskStatus}`) : t('dashboard.notReported'));
  const columns: ExportColumn<Task>[] = [
    { title: t('reporting.code'), dataIndex: 'code', width: 80 },
    {
      title: t('dashboard.task'),
      dataIndex: 'text',
      render: (text: string) => (
        <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 420 }}>
          {text}
        </Typography.Text>
      ),
      exportValue: (x) => x.text,
    },
    {
      title: t('reporting.period'),
      key: 'period',
      width: 110,
      render: (_, x) => (x.latest ? periodLabel(x.latest.periodKey, t) : '—'),
      exportValue: (x) => (x.latest ? periodLabel(x.latest.periodKey, t) : null),
    },
    {
      title: t('reporting.status'),
      key: 'status',
      width: 110,
      render: (_, x) => <Tag color={x.latest?.taskStatus ? taskStatusColor(x.latest.taskStatus) : 'default'}>{statusText(x)}</Tag>,
      exportValue: statusText,
    },
    {
      title: t('reporting.percentComplete'),
      key: 'percent',
      width: 110,
      align: 'right',
      render: (_, x) => (x.latest?.percentComplete != null ? `${x.latest.percentComplete}%` : '—'),
      exportValue: (x) => x.latest?.percentComplete ?? null,
    },
    {
      title: t('reporting.narrative'),
      key: 'narrative',
      render: (_, x) =>
        x.latest?.narrative ? (
          <Typography.Text ellipsis={{ tooltip: x.latest.narrative }} style={{ maxWidth: 300 }}>
            {x.latest.narrative}
          </Typography.Text>
        ) : (
          '—'
        ),
      exportValue: (x) => x.latest?.narrative ?? null,
    },
  ];
  return (
    <Table<Task>
      rowKey={(x) => `${x.id}:${x.regionCode}`}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={tasks ? [...tasks] : []}
      pagination={{ defaultPageSize: 10, showSizeChanger: true, hideOnSinglePage: true }}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('dashboard.noTasks') }}
      title={() => <TableTitle extra={<ExportButton name={exportName} columns={columns} rows={tasks} />}>{t('dashboard.tasks')}</TableTitle>}
    />
  );
}
