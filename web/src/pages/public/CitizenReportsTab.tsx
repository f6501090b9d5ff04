import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { REPORT_STATUSES, REPORT_TYPES } from '../../../../src/domain/public/citizen-report';
import { useI18n } from '../../app/i18n-context';
import { localRegions, regionsQuery } from '../org/queries';
import { type CitizenReportFilter, type CitizenReportRow, citizenReportsQuery } from './citizen-queries';
import { CitizenReportDrawer } from './citizen-report-drawer';
import { useCitizenLabels } from './citizen-labels';

/**
 * 举报与建议 for handlers (issue #10): the queue with filters; a row opens the drawer with the report and its actions.
 * The server decides what each user sees (the bureau all, an assignee its own).
 */
export function CitizenReportsTab() {
  const { t } = useI18n();
  const labels = useCitizenLabels();
  const [filter, setFilter] = useState<CitizenReportFilter>({});
  const [open, setOpen] = useState<number | null>(null);
  const list = useQuery(citizenReportsQuery(filter));
  const regions = useQuery(regionsQuery());

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('reports.filter.status')}
          placeholder={t('reports.filter.status')}
          allowClear
          style={{ width: 140 }}
          value={filter.status}
          onChange={(status) => setFilter((f) => ({ ...f, status }))}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
        />
        <Select
          aria-label={t('reports.filter.type')}
          placeholder={t('reports.filter.type')}
          allowClear
          style={{ width: 140 }}
          value={filter.type}
          onChange={(type) => setFilter((f) => ({ ...f, type }))}
          options={REPORT_TYPES.map((s) => ({ value: s, label: labels.type(s) }))}
        />
        <Select
          aria-label={t('reports.filter.region')}
          placeholder={t('reports.filter.region')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 180 }}
          value={filter.regionCode}
          onChange={(regionCode) => setFilter((f) => ({ ...f, regionCode }))}
          options={localRegions(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        />
      </Space>
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Table<CitizenReportRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data}
        locale={{ emptyText: t('reports.empty') }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'no', title: t('reports.col.trackingNo'), render: (_, r) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
              {r.trackingNo}
            </Button>
          ) },
          { key: 'type', title: t('reports.col.type'), render: (_, r) => labels.type(r.type) },
          { key: 'status', title: t('reports.col.status'), render: (_, r) => <Tag color={labels.statusColor(r.status)}>{labels.status(r.status)}</Tag> },
          { key: 'region', title: t('reports.col.region'), render: (_, r) => [r.regionCode && labels.region(r.regionCode), r.address].filter(Boolean).join(' ') || '—' },
          { key: 'description', title: t('reports.col.description'), ellipsis: true, render: (_, r) => r.description },
          { key: 'assignee', title: t('reports.col.assignee'), render: (_, r) => labels.assignee(r) },
          { key: 'submittedAt', title: t('reports.col.submittedAt'), render: (_, r) => new Date(r.submittedAt).toLocaleString() },
        ]}
      />
      <CitizenReportDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
