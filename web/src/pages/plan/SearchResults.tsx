import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { IndicatorTable } from './IndicatorTable';
import { type PlanFilters, searchQuery } from './queries';
import { TaskTable } from './TaskTable';

type Props = { code: string; filters: PlanFilters; allRegions: boolean; sectionIds: Map<string, number> };

/** The tasks and indicators that match the filters, each with where it sits in the plan. */
export function SearchResults({ code, filters, allRegions, sectionIds }: Props) {
  const { t } = useI18n();
  const result = useQuery(searchQuery(code, filters));
  if (result.isError) return <QueryError error={result.error} onRetry={() => void result.refetch()} />;
  if (result.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { tasks, indicators } = result.data;
  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {t('plan.results')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" role="status">
        {t('plan.resultsCount', { tasks: tasks.length, indicators: indicators.length })}
      </Typography.Paragraph>
      {tasks.length === 0 && indicators.length === 0 && <Empty description={t('plan.noResults')} />}
      {indicators.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('plan.countedHeading', { label: t('plan.indicators'), count: indicators.length })}
          </Typography.Title>
          <IndicatorTable indicators={indicators} sectionIds={sectionIds} />
        </>
      )}
      {tasks.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 20 }}>
            {t('plan.countedHeading', { label: t('plan.tasks'), count: tasks.length })}
          </Typography.Title>
          <TaskTable tasks={tasks} allRegions={allRegions} sectionIds={sectionIds} />
        </>
      )}
    </Card>
  );
}
