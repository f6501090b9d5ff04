import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, List, Row, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { Suspense, lazy } from 'react';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import type { PlanTree } from '../plan/queries';
import { formatPercent, PROGRESS_STATUSES, progressColor, sortLateReporters, statusCounts } from '../reporting/overview';
import { type Focus, focusParam } from './focus';
import { focusOverviewQuery, regionMapQuery } from './queries';
import { RegionTable } from './RegionTable';
import { IndicatorTable } from './IndicatorTable';
import { TaskTable } from './TaskTable';

const RegionShareMap = lazy(() => import('./RegionShareMap'));

type Props = {
  tree: PlanTree;
  plan: string;
  year: number;
  focus: Focus;
  /** The focus's name as the page shows it (全市, 市生态环境局, 章贡区). */
  focusName: string;
  withMap: boolean;
  onOpenRegion: (regionCode: string) => void;
};

/** One dashboard: status counts, who is late, (for the city) the county map, the indicators and the tasks. */
export function FocusDashboard({ tree, plan, year, focus, focusName, withMap, onOpenRegion }: Props) {
  const { t } = useI18n();
  const overview = useQuery(focusOverviewQuery(plan, year, focus));
  const regionMap = useQuery({ ...regionMapQuery(plan, year), enabled: withMap });
  const data = overview.data;
  const counts = statusCounts(data?.indicators ?? []);
  const late = sortLateReporters(data?.lateReporters ?? []);
  const name = (what: string) => `${what}-${focusName}-${year}`;

  if (overview.isError) return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  return (
    <Flex vertical gap={16} key={focusParam(focus)}>
      <Flex wrap gap={4} align="center" role="status" aria-label={t('reporting.overview.counts')}>
        {data ? (
          PROGRESS_STATUSES.map((s) => (
            <Tag key={s} color={progressColor(s)}>
              {t(`reporting.progress.${s}`)} {counts[s]}
            </Tag>
          ))
        ) : (
          <Skeleton.Input active size="small" />
        )}
        {data && (
          <Tooltip title={t('dashboard.ruleSource', { source: data.statusRule.source, from: data.statusRule.validFrom })}>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
              {t('dashboard.rule', { ratio: formatPercent(data.statusRule.atRiskRatio) })}
            </Typography.Text>
          </Tooltip>
        )}
      </Flex>

      {focus.kind === 'city' ? (
        <Row gutter={[16, 16]}>
          {withMap && (
            <Col xs={24} xl={14}>
              <Card size="small" title={t('dashboard.map')} extra={<Typography.Text type="secondary">{t('dashboard.mapHint')}</Typography.Text>}>
                {regionMap.isError ? (
                  <QueryError error={regionMap.error} onRetry={() => void regionMap.refetch()} />
                ) : regionMap.data ? (
                  <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                    <RegionShareMap regions={regionMap.data.regions} onOpen={onOpenRegion} />
                  </Suspense>
                ) : (
                  <Skeleton active paragraph={{ rows: 8 }} />
                )}
              </Card>
            </Col>
          )}
          <Col xs={24} xl={withMap ? 10 : 24}>
            <Card size="small" title={t('reporting.overview.late')} styles={{ body: { maxHeight: 470, overflowY: 'auto' } }}>
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
          {withMap && (
            <Col span={24}>
              <RegionTable regions={regionMap.data?.regions} loading={regionMap.isPending} exportName={name(t('dashboard.regions'))} onOpen={onOpenRegion} />
            </Col>
          )}
        </Row>
      ) : (
        data && (
          <Alert
            showIcon
            type={late.length > 0 ? 'warning' : 'success'}
            message={late.length > 0 ? t('dashboard.lateOwn', { name: focusName, n: late.reduce((n, r) => n + r.overdue, 0) }) : t('dashboard.lateNone', { name: focusName })}
          />
        )
      )}

      <IndicatorTable tree={tree} focus={focus} indicators={data?.indicators} loading={overview.isPending} exportName={name(t('dashboard.indicators'))} />
      <TaskTable tasks={data?.tasks} loading={overview.isPending} exportName={name(t('dashboard.tasks'))} />
    </Flex>
  );
}
