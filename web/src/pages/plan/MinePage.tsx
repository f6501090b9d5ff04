import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Select, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { FilterSelect } from '../../components/HiddenLabel';
import { useMe } from '../../app/use-me';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { departmentsQuery } from '../org/queries';
import { IndicatorTable } from './IndicatorTable';
import { mineQuery, usePlanTree } from './queries';
import { sectionIdByPlacement } from './sections';
import { TaskTable } from './TaskTable';

function Heading({ children }: { children: string }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 17, margin: '20px 0 8px' }}>
      {children}
    </Typography.Title>
  );
}

function MyItems({ department }: { department: number | null }) {
  const { t } = useI18n();
  const { code, tree } = usePlanTree();
  const items = useQuery({ ...mineQuery(code ?? '', department), enabled: code !== undefined });
  const sectionIds = useMemo(() => (tree ? sectionIdByPlacement(tree) : new Map<string, number>()), [tree]);
  if (items.isError) return <QueryError error={items.error} onRetry={() => void items.refetch()} />;
  if (items.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { tasks, indicators, department: dept } = items.data;
  const lead = tasks.filter((task) => task.role === 'lead');
  const cooperating = tasks.filter((task) => task.role !== 'lead');
  const allRegions = tree?.allRegionsImplement ?? false;
  const counted = (label: string, count: number) => t('plan.countedHeading', { label, count });
  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {dept.fullName}
      </Typography.Title>
      <Heading>{counted(t('plan.indicators'), indicators.length)}</Heading>
      {indicators.length ? <IndicatorTable indicators={indicators} sectionIds={sectionIds} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <Heading>{counted(t('mine.leadTasks'), lead.length)}</Heading>
      {lead.length ? <TaskTable tasks={lead} allRegions={allRegions} sectionIds={sectionIds} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <Heading>{counted(t('mine.cooperatingTasks'), cooperating.length)}</Heading>
      {cooperating.length ? (
        <TaskTable tasks={cooperating} allRegions={allRegions} sectionIds={sectionIds} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}

/** A department's indicators and tasks: its own for a department user, any for the city's overseers. */
export function MinePage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const departments = useQuery(departmentsQuery());
  const chosen = Number(params.get('department')) || undefined;

  let body;
  if (me.role === 'department') {
    body = <MyItems department={null} />;
  } else if (me.role === 'admin' || me.role === 'steering') {
    body = (
      <>
        <FilterSelect
          id="mine-department"
          label={t('mine.chooseDepartment')}
          style={{ width: 280, marginBottom: 16 }}
          showSearch
          optionFilterProp="label"
          loading={departments.isPending}
          value={chosen}
          onChange={(id: number) => setParams({ department: String(id) })}
          options={departments.data?.map((d) => ({ value: d.id, label: d.name, title: d.fullName }))}
        />
        {chosen ? <MyItems department={chosen} /> : <Empty description={t('mine.chooseDepartment')} />}
      </>
    );
  } else {
    const region = me.regionCode;
    body = (
      <Alert
        type="info"
        showIcon
        message={t('mine.noDepartment')}
        action={
          region ? (
            <Button size="small" onClick={() => navigate(`/plan?region=${region}&onlyNamed=true`)}>
              {t('mine.viewRegionTasks')}
            </Button>
          ) : undefined
        }
      />
    );
  }

  return (
    <>
      <PageTitle>{t('mine.title')}</PageTitle>
      {body}
    </>
  );
}
