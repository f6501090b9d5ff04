import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Skeleton, Statistic, Typography } from 'antd';
import { Suspense, lazy } from 'react';
import { useI18n } from '../../app/i18n-context';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { departmentsQuery, localRegions, regionsQuery } from '../org/queries';
import { usePlanTree } from '../plan/queries';
import { KeyProjects } from './KeyProjects';
import { TargetCards } from './TargetCards';

const GanzhouMap = lazy(() => import('./GanzhouMap'));

function SectionHeading({ children }: { children: string }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 18, margin: '24px 0 12px' }}>
      {children}
    </Typography.Title>
  );
}

/** The dashboard: the plan, its main targets, its key projects, and the county map. */
export function HomePage() {
  const { t } = useI18n();
  const { tree, isPending, isError, error, refetch } = usePlanTree();
  const departments = useQuery(departmentsQuery());
  const regions = useQuery(regionsQuery());

  if (isError) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (isPending || !tree) return <Skeleton active paragraph={{ rows: 12 }} />;

  const sections = tree.chapters.flatMap((c) => c.sections);
  const keyProjects = sections.filter((s) => s.isKeyProject);
  const mainTargets = tree.chapters.find((c) => c.no === 1)?.sections.flatMap((s) => s.indicators) ?? [];
  const counts = [
    { label: t('home.keyProjects'), value: keyProjects.length },
    { label: t('home.tasks'), value: sections.reduce((n, s) => n + s.tasks.length, 0) },
    { label: t('home.indicators'), value: sections.reduce((n, s) => n + s.indicators.length, 0) },
    { label: t('home.departments'), value: departments.data?.length ?? '—' },
    { label: t('home.regions'), value: regions.data ? localRegions(regions.data).length : '—' },
  ];

  return (
    <>
      <PageTitle>{t('nav.home')}</PageTitle>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {tree.name}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('home.planPeriod')}>{t('home.period', { start: tree.periodStart, end: tree.periodEnd })}</Descriptions.Item>
          <Descriptions.Item label={t('home.baselineYear')}>{tree.baselineYear}</Descriptions.Item>
          {tree.parentName && (
            <Descriptions.Item label={t('plan.parent')}>
              {tree.parentDocNumber ? t('plan.parentWithDoc', { name: tree.parentName, doc: tree.parentDocNumber }) : tree.parentName}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
          {counts.map((c) => (
            <Col key={c.label} xs={12} md={8} xl={4}>
              <Statistic title={c.label} value={c.value} />
            </Col>
          ))}
        </Row>
      </Card>

      <SectionHeading>{t('home.title')}</SectionHeading>
      <TargetCards indicators={mainTargets} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <SectionHeading>{t('home.keyProjects')}</SectionHeading>
          <KeyProjects sections={keyProjects} />
        </Col>
        <Col xs={24} xl={12}>
          <SectionHeading>{t('home.map')}</SectionHeading>
          <Card size="small">
            <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
              <GanzhouMap tree={tree} />
            </Suspense>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('home.mapHint')}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('home.mapNote')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
