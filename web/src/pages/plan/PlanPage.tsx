import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Skeleton, Space } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { filtersFromParams, filtersToParams, hasFilters } from './plan-url';
import { PlanFilters } from './PlanFilters';
import { PlanTreeNav } from './PlanTreeNav';
import { exportUrl, type PlanFilters as Filters, usePlanTree } from './queries';
import { SearchResults } from './SearchResults';
import { sectionIdByPlacement, sectionsOf } from './sections';
import { SectionView } from './SectionView';

/** The plan browser: the tree on the left, a section or the filtered results on the right. */
export function PlanPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { sectionId } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const { code, tree, isPending, isError, error, refetch } = usePlanTree();

  const sections = useMemo(() => (tree ? sectionsOf(tree) : []), [tree]);
  const sectionIds = useMemo(() => (tree ? sectionIdByPlacement(tree) : new Map<string, number>()), [tree]);
  const selected = sections.find((r) => String(r.section.id) === sectionId) ?? sections[0];
  const filtering = hasFilters(filters);

  const onFilters = (next: Filters) =>
    hasFilters(next) ? navigate({ pathname: '/plan', search: filtersToParams(next).toString() }) : setParams(new URLSearchParams());

  const exports = code && (
    <Space>
      <Button icon={<FileExcelOutlined />} href={exportUrl(code, 'xlsx')} download>
        {t('plan.exportXlsx')}
      </Button>
      <Button icon={<FileTextOutlined />} href={exportUrl(code, 'json')} download>
        {t('plan.exportJson')}
      </Button>
    </Space>
  );

  return (
    <>
      <PageTitle extra={exports}>{t('plan.title')}</PageTitle>
      <PlanFilters value={filters} onChange={onFilters} />
      {isError && <QueryError error={error} onRetry={() => void refetch()} />}
      {isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {tree && code && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8} xxl={6}>
            <Card size="small" title={t('plan.tree')} styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflow: 'auto' } }}>
              <PlanTreeNav
                tree={tree}
                selectedId={filtering ? undefined : selected?.section.id}
                onSelect={(id) => navigate(`/plan/section/${id}`)}
              />
            </Card>
          </Col>
          <Col xs={24} lg={16} xxl={18}>
            {filtering ? (
              <SearchResults code={code} filters={filters} allRegions={tree.allRegionsImplement} sectionIds={sectionIds} />
            ) : selected ? (
              <SectionView entry={selected} allRegions={tree.allRegionsImplement} />
            ) : (
              <Empty description={t('plan.selectSection')} />
            )}
          </Col>
        </Row>
      )}
    </>
  );
}
