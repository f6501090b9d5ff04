import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { ReportStatus } from '../../../../src/modules/reporting/schemas';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect, HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { PERIOD_KEY } from './calendar';
import { type Report, type ReportFilters, reportsQuery } from './queries';
import { type DrawerTarget, targetOf } from './report-form';
import { ReportDrawer } from './ReportDrawer';
import { useNames } from './use-names';
import { useReportColumns } from './use-report-columns';

const LIMIT = 500;

/** 全部报告: every revision in the user's scope, filterable; a row opens its thread. */
export function AllReportsTab() {
  const { t } = useI18n();
  const { regions } = useNames();
  const [filters, setFilters] = useState<ReportFilters>({ limit: LIMIT });
  const [period, setPeriod] = useState('');
  const [viewing, setViewing] = useState<DrawerTarget | null>(null);
  const reports = useQuery(reportsQuery(filters));
  const base = useReportColumns({ withStatus: true });
  const columns: ExportColumn<Report>[] = [
    ...base,
    {
      title: t('reporting.actions'),
      key: 'view',
      width: 80,
      render: (_, r) => (
        <Button size="small" type="link" onClick={() => setViewing(targetOf(r))}>
          {t('reporting.view')}
        </Button>
      ),
    },
  ];
  const isPeriodBad = period.trim() !== '' && !PERIOD_KEY.test(period.trim());

  const onPeriod = (text: string) => {
    const key = text.trim();
    setPeriod(text);
    if (key === '' || PERIOD_KEY.test(key)) setFilters((f) => ({ ...f, periodKey: key || undefined }));
  };

  return (
    <>
      <Flex wrap gap={12} align="center" role="search" aria-label={t('plan.filters')} style={{ marginBottom: 12 }}>
        <FilterSelect
          id="reports-status"
          label={t('reporting.filterStatus')}
          style={{ width: 210 }}
          allowClear
          value={filters.status}
          onChange={(status?: Report['status']) => setFilters((f) => ({ ...f, status }))}
          options={ReportStatus.options.map((s) => ({ value: s, label: t(`reporting.status.${s}`) }))}
        />
        <FilterSelect
          id="reports-region"
          label={t('reporting.filterRegion')}
          style={{ width: 200 }}
          allowClear
          showSearch
          optionFilterProp="label"
          value={filters.regionCode}
          onChange={(regionCode?: string) => setFilters((f) => ({ ...f, regionCode }))}
          options={regions?.map((r) => ({ value: r.code, label: r.name }))}
        />
        <HiddenLabel htmlFor="reports-period">{t('reporting.period')}</HiddenLabel>
        <Input
          id="reports-period"
          placeholder={t('reporting.filterPeriod')}
          style={{ width: 240 }}
          allowClear
          value={period}
          status={isPeriodBad ? 'error' : undefined}
          aria-invalid={isPeriodBad}
          title={isPeriodBad ? t('reporting.periodInvalid') : undefined}
          onChange={(e) => onPeriod(e.target.value)}
        />
        {isPeriodBad && <span style={{ color: '#cf1322' }}>{t('reporting.periodInvalid')}</span>}
      </Flex>
      {reports.isError ? (
        <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <Table<Report>
          rowKey="id"
          size="small"
          loading={reports.isPending}
          columns={columns}
          dataSource={reports.data}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          title={() => <ExportButton name={t('reporting.tab.all')} columns={columns} rows={reports.data} />}
          onRow={(r) => ({ onClick: () => setViewing(targetOf(r)), style: { cursor: 'pointer' } })}
        />
      )}
      <ReportDrawer target={viewing} readOnly onClose={() => setViewing(null)} />
    </>
  );
}
