import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { Suspense, lazy, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import type { ExportColumn } from '../../components/table-export';
import { formatQuantity } from '../plan/format';
import type { PlanTree } from '../plan/queries';
import { periodLabel } from '../reporting/calendar';
import type { Terms } from '../reporting/charts';
import { formatPercent, type OverviewIndicator, progressColor } from '../reporting/overview';
import { allocationQuery } from '../reporting/queries';
import type { Focus } from './focus';
import { TableTitle } from './TableTitle';

const TrajectoryChart = lazy(() => import('../reporting/TrajectoryChart'));

type Props = { tree: PlanTree; focus: Focus; indicators: readonly OverviewIndicator[] | undefined; loading: boolean; exportName: string };

/** The focus's indicators against their expected path; a row opens its trajectory below. */
export function IndicatorTable({ tree, focus, indicators, loading, exportName }: Props) {
  const { t, locale } = useI18n();
  const [selected, setSelected] = useState<number | null>(null);
  const termsById = useMemo(() => {
    const m = new Map<number, Terms>();
    for (const c of tree.chapters)
      for (const s of c.sections)
        for (const x of s.indicators) m.set(x.id, { baselineYear: x.baselineYear ?? tree.baselineYear, baselineValue: x.baselineValue, targetYear: x.targetYear });
    return m;
  }, [tree]);
  const chosen = indicators?.find((i) => i.id === selected) ?? null;
  const qty = (v: number | null, unit: string | null) => (v === null ? '—' : formatQuantity(v, unit, locale));
  const targetTitle = focus.kind === 'region' ? t('dashboard.regionTarget') : t('dashboard.target');

  const columns: ExportColumn<OverviewIndicator>[] = [
    { title: t('reporting.code'), dataIndex: 'code', width: 72 },
    {
      title: t('reporting.name'),
      dataIndex: 'name',
      render: (name: string) => (
        <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 320 }}>
          {name}
        </Typography.Text>
      ),
      exportValue: (i) => i.name,
    },
    { title: t('plan.unit'), key: 'unit', hidden: true, exportValue: (i) => i.unit },
    { title: targetTitle, key: 'target', width: 130, render: (_, i) => qty(i.target ?? i.stretch, i.unit), exportValue: (i) => i.target ?? i.stretch },
    {
      title: t('reporting.overview.latest'),
      key: 'latest',
      width: 150,
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
    { title: t('reporting.overview.expected'), key: 'expected', width: 120, render: (_, i) => qty(i.expected, i.unit), exportValue: (i) => i.expected },
    {
      title: t('reporting.overview.completion'),
      key: 'completion',
      width: 130,
      render: (_, i) => `${formatPercent(i.completion)} / ${formatPercent(i.expectedCompletion)}`,
      exportValue: (i) => `${formatPercent(i.completion)} / ${formatPercent(i.expectedCompletion)}`,
    },
    { title: t('reporting.overview.forecastCol'), key: 'forecast', width: 120, render: (_, i) => qty(i.forecast, i.unit), exportValue: (i) => i.forecast },
    {
      title: t('reporting.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: OverviewIndicator['status']) => <Tag color={progressColor(s)}>{t(`reporting.progress.${s}`)}</Tag>,
      exportValue: (i) => t(`reporting.progress.${i.status}`),
    },
  ];

  return (
    <>
      <Table<OverviewIndicator>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={indicators ? [...indicators] : []}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: focus.kind === 'region' ? t('dashboard.noAllocated') : t('dashboard.noIndicators') }}
        title={() => <TableTitle extra={<ExportButton name={exportName} columns={columns} rows={indicators} />}>{t('dashboard.indicators')}</TableTitle>}
        onRow={(i) => ({ onClick: () => setSelected(i.id), style: { cursor: 'pointer' }, 'aria-selected': i.id === selected })}
      />
      <Card size="small" style={{ marginTop: 16 }} title={chosen ? `${chosen.code} ${chosen.name}` : t('reporting.overview.trajectory')}>
        {chosen ? (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            {focus.kind === 'region' ? (
              <RegionalTrajectory indicator={chosen} regionCode={focus.code} cityTerms={termsById.get(chosen.id)} />
            ) : (
              termsById.has(chosen.id) && <TrajectoryChart indicator={chosen} terms={termsById.get(chosen.id)!} />
            )}
          </Suspense>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.overview.pickRow')} />
        )}
      </Card>
    </>
  );
}

/** A county's path starts from its own baseline (目标分解), not the city's: read it from its share. */
function RegionalTrajectory({ indicator, regionCode, cityTerms }: { indicator: OverviewIndicator; regionCode: string; cityTerms: Terms | undefined }) {
  const allocation = useQuery(allocationQuery(indicator.id));
  if (!cityTerms) return null;
  if (allocation.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  const share = allocation.data?.shares.find((s) => s.regionCode === regionCode);
  return <TrajectoryChart indicator={indicator} terms={{ ...cityTerms, baselineValue: share?.baselineValue ?? null }} />;
}
