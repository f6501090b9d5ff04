import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, List, Row, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { Suspense, lazy, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { formatQuantity } from '../plan/format';
import { defaultYear, periodLabel } from './calendar';
import type { Terms } from './charts';
import { formatPercent, type OverviewIndicator, PROGRESS_STATUSES, progressColor, sortLateReporters, statusCounts } from './overview';
import { overviewQuery } from './queries';
import { useNames } from './use-names';

const TrajectoryChart = lazy(() => import('./TrajectoryChart'));

/** 进展总览: every indicator's status against its expected path, and who is late with reports. */
export function OverviewTab() {
  const { t, locale } = useI18n();
  const { plan } = useNames();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<number | null>(null);
  const tree = plan.tree;
  const asked = Number(params.get('year'));
  const year = tree ? (asked >= tree.periodStart && asked <= tree.periodEnd ? asked : defaultYear(tree, new Date())) : 0;
  const overview = useQuery({ ...overviewQuery(plan.code ?? '', year), enabled: plan.code !== undefined && year > 0 });
  const termsById = useMemo(() => {
    const m = new Map<number, Terms>();
    for (const c of tree?.chapters ?? [])
      for (const s of c.sections)
        for (const x of s.indicators) m.set(x.id, { baselineYear: x.baselineYear ?? tree!.baselineYear, baselineValue: x.baselineValue, targetYear: x.targetYear });
    return m;
  }, [tree]);

  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!tree) return <Skeleton active paragraph={{ rows: 10 }} />;
  const years = Array.from({ length: tree.periodEnd - tree.periodStart + 1 }, (_, i) => tree.periodEnd - i);
  const setYear = (y: number) =>
    setParams((p) => {
      p.set('year', String(y));
      return p;
    });

  const data = overview.data;
  const counts = statusCounts(data?.indicators ?? []);
  const chosen = data?.indicators.find((i) => i.id === selected) ?? null;
  const chosenTerms = chosen ? termsById.get(chosen.id) : undefined;
  const qty = (v: number | null, unit: string | null) => (v === null ? '—' : formatQuantity(v, unit, locale));
  const statusTag = (s: OverviewIndicator['status']) => <Tag color={progressColor(s)}>{t(`reporting.progress.${s}`)}</Tag>;

  const columns: ExportColumn<OverviewIndicator>[] = [
    { title: t('reporting.code'), dataIndex: 'code', width: 72 },
    {
      title: t('reporting.name'),
      dataIndex: 'name',
      render: (name: string) => (
        <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 360 }}>
          {name}
        </Typography.Text>
      ),
      exportValue: (i) => i.name,
    },
    { title: t('plan.unit'), key: 'unit', hidden: true, exportValue: (i) => i.unit },
    {
      title: t('reporting.overview.latest'),
      key: 'latest',
      width: 170,
      render: (_, i) =>
        i.latest ? (
          <>
            {qty(i.latest.value, i.unit)}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {periodLabel(i.latest.periodKey, t)}
            </Typography.Text>
          </>
        ) : (
          '—'
        ),
      exportValue: (i) => i.latest?.value ?? null,
    },
    { title: t('reporting.period'), key: 'latestPeriod', hidden: true, exportValue: (i) => (i.latest ? periodLabel(i.latest.periodKey, t) : null) },
    { title: t('reporting.overview.expected'), key: 'expected', width: 130, render: (_, i) => qty(i.expected, i.unit), exportValue: (i) => i.expected },
    {
      title: t('reporting.overview.completion'),
      key: 'completion',
      width: 140,
      render: (_, i) => `${formatPercent(i.completion)} / ${formatPercent(i.expectedCompletion)}`,
      exportValue: (i) => `${formatPercent(i.completion)} / ${formatPercent(i.expectedCompletion)}`,
    },
    { title: t('reporting.overview.forecastCol'), key: 'forecast', width: 130, render: (_, i) => qty(i.forecast, i.unit), exportValue: (i) => i.forecast },
    { title: t('reporting.status'), dataIndex: 'status', width: 110, render: (s: OverviewIndicator['status']) => statusTag(s), exportValue: (i) => t(`reporting.progress.${i.status}`) },
  ];
  const late = sortLateReporters(data?.lateReporters ?? []);

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <HiddenLabel htmlFor="overview-year">{t('reporting.year')}</HiddenLabel>
        <Select id="overview-year" style={{ width: 120 }} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: t('reporting.yearOption', { year: y }) }))} />
        {data && (
          <Flex wrap gap={4} role="status" aria-label={t('reporting.overview.counts')}>
            {PROGRESS_STATUSES.map((s) => (
              <Tag key={s} color={progressColor(s)}>
                {t(`reporting.progress.${s}`)} {counts[s]}
              </Tag>
            ))}
          </Flex>
        )}
      </Flex>
      {overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <Table<OverviewIndicator>
            rowKey="id"
            size="small"
            loading={overview.isPending}
            columns={columns}
            dataSource={data?.indicators ?? []}
            pagination={false}
            scroll={{ x: 960 }}
            title={() => <ExportButton name={`${t('reporting.tab.overview')}-${year}`} columns={columns} rows={data?.indicators} />}
            onRow={(i) => ({ onClick: () => setSelected(i.id), style: { cursor: 'pointer' }, 'aria-selected': i.id === selected })}
          />
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} xl={16}>
              <Card size="small" title={chosen ? `${chosen.code} ${chosen.name}` : t('reporting.overview.trajectory')}>
                {chosen && chosenTerms ? (
                  <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
                    <TrajectoryChart indicator={chosen} terms={chosenTerms} />
                  </Suspense>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.overview.pickRow')} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('reporting.overview.late')} styles={{ body: { maxHeight: 400, overflowY: 'auto' } }}>
                <List
                  size="small"
                  loading={overview.isPending}
                  dataSource={late}
                  locale={{ emptyText: t('reporting.overview.noLate') }}
                  rowKey="key"
                  renderItem={(r) => <List.Item extra={<Tag color="red">{t('reporting.overview.overdue', { n: r.overdue })}</Tag>}>{r.name}</List.Item>}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
