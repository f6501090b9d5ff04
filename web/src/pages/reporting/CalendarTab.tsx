import { useQuery } from '@tanstack/react-query';
import { Flex, Input, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect, HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import { YearSelect } from '../../components/YearSelect';
import type { ExportColumn } from '../../components/table-export';
import {
  type CalendarFilters,
  countDue,
  filterEntries,
  frequencyLabel,
  isFillable,
  periodShort,
  periodTagKind,
  planYear,
  planYears,
  TAG_KINDS,
  tagColor,
  tagLabel,
  type TagKind,
} from './calendar';
import { CalendarFeed } from './CalendarFeed';
import { ExcelButtons, ImportErrors } from './ExcelImport';
import { type CalendarEntry, type CalendarPeriod, calendarQuery, useImportWorkbook } from './queries';
import type { DrawerTarget } from './report-form';
import { ReportDrawer } from './ReportDrawer';
import { useNames } from './use-names';

function PeriodTag({ period, onOpen }: { period: CalendarPeriod; onOpen: () => void }) {
  const { t } = useI18n();
  const kind = periodTagKind(period);
  const text = `${periodShort(period.key, t)} ${tagLabel(kind, t)}`;
  const fillable = isFillable(kind);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen();
    }
  };
  return (
    <Tooltip title={t('reporting.due', { date: period.due })}>
      <Tag
        color={tagColor(kind)}
        {...(fillable ? { role: 'button', tabIndex: 0, onClick: onOpen, onKeyDown: onKey } : {})}
        style={{ cursor: fillable ? 'pointer' : 'default', marginBottom: 4, ...(kind === 'upcoming' ? { color: 'rgba(0,0,0,0.35)', borderStyle: 'dashed' } : {}) }}
      >
        {text}
      </Tag>
    </Tooltip>
  );
}

/** 我的报送: what the user owes in a year, period by period; a period opens its report. */
export function CalendarTab() {
  const { t } = useI18n();
  const { plan } = useNames();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<CalendarFilters>({});
  const [target, setTarget] = useState<DrawerTarget | null>(null);
  const tree = plan.tree;
  const year = tree ? planYear(tree, params.get('year'), new Date()) : 0;
  const calendar = useQuery({ ...calendarQuery(plan.code ?? '', year), enabled: plan.code !== undefined && year > 0 });
  const entries = useMemo(() => filterEntries(calendar.data?.entries ?? [], filters), [calendar.data, filters]);
  const counts = useMemo(() => countDue(calendar.data?.entries ?? []), [calendar.data]);
  const importer = useImportWorkbook(plan.code);

  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!tree) return <Skeleton active paragraph={{ rows: 10 }} />;

  const setYear = (y: number) =>
    setParams((p) => {
      p.set('year', String(y));
      return p;
    });
  const open = (e: CalendarEntry, p: CalendarPeriod) =>
    setTarget({ item: { kind: e.kind, id: e.itemId }, code: e.code, name: e.name, periodKey: p.key, regionCode: e.regionCode, reportId: p.reportId, due: p.due });

  const columns: ExportColumn<CalendarEntry>[] = [
    { title: t('reporting.code'), dataIndex: 'code', width: 80 },
    { title: t('export.kind'), key: 'kind', hidden: true, exportValue: (e) => t(`reporting.kind.${e.kind}`) },
    {
      title: t('reporting.name'),
      dataIndex: 'name',
      width: 340,
      render: (name: string, e) => (
        <Flex gap={6} align="center">
          <Tag bordered={false}>{t(`reporting.kind.${e.kind}`)}</Tag>
          <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 280 }}>
            {name}
          </Typography.Text>
        </Flex>
      ),
      exportValue: (e) => e.name,
    },
    { title: t('reporting.frequency'), dataIndex: 'frequency', width: 80, render: (f: string) => frequencyLabel(f, t), exportValue: (e) => frequencyLabel(e.frequency, t) },
    {
      title: t('reporting.periods'),
      key: 'periods',
      render: (_, e) => e.periods.map((p) => <PeriodTag key={p.key} period={p} onOpen={() => open(e, p)} />),
      exportValue: (e) => e.periods.map((p) => `${periodShort(p.key, t)} ${tagLabel(periodTagKind(p), t)}`).join('、'),
    },
  ];

  return (
    <>
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12} align="center" role="search" aria-label={t('plan.filters')}>
          <YearSelect id="reporting-year" years={planYears(tree)} value={year} onChange={setYear} />
          <FilterSelect
            id="reporting-kind"
            label={t('reporting.filterKind')}
            style={{ width: 140 }}
            allowClear
            value={filters.kind}
            onChange={(kind?: CalendarEntry['kind']) => setFilters({ ...filters, kind })}
            options={(['indicator', 'task'] as const).map((k) => ({ value: k, label: t(`reporting.kind.${k}`) }))}
          />
          <FilterSelect
            id="reporting-state"
            label={t('reporting.filterState')}
            style={{ width: 210 }}
            allowClear
            value={filters.tag}
            onChange={(tag?: TagKind) => setFilters({ ...filters, tag })}
            options={TAG_KINDS.map((k) => ({ value: k, label: tagLabel(k, t) }))}
          />
          <HiddenLabel htmlFor="reporting-q">{t('common.search')}</HiddenLabel>
          <Input.Search id="reporting-q" placeholder={t('reporting.search')} style={{ width: 260 }} allowClear onChange={(e) => setFilters({ ...filters, q: e.target.value })} />
        </Flex>
        {plan.code !== undefined && (
          <Flex wrap gap={8} align="center">
            <ExcelButtons plan={plan.code} year={year} importer={importer} />
            <CalendarFeed plan={plan.code} year={year} />
          </Flex>
        )}
      </Flex>
      <ImportErrors importer={importer} />
      {calendar.isError ? (
        <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type={counts.overdue > 0 ? 'danger' : 'secondary'} role="status">
            {t('reporting.summary', counts)}
          </Typography.Paragraph>
          <Table<CalendarEntry>
            rowKey={(e) => `${e.kind}:${e.itemId}:${e.regionCode}`}
            size="small"
            loading={calendar.isPending}
            columns={columns}
            dataSource={entries}
            locale={{ emptyText: t('reporting.noEntries') }}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            title={() => <ExportButton name={t('reporting.tab.mine')} columns={columns} rows={entries} />}
          />
        </>
      )}
      <ReportDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
