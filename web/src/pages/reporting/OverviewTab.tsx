import { Flex, Skeleton } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { QueryError } from '../../components/QueryError';
import { YearSelect } from '../../components/YearSelect';
import { FocusDashboard } from '../dashboard/FocusDashboard';
import { type Focus, focusParam, showsRegionMap } from '../dashboard/focus';
import { usePlanTree } from '../plan/queries';
import { planYear, planYears } from './calendar';

const CITY: Focus = { kind: 'city' };

/** 进展总览: the city's 进展看板 in a year, the same view as /reporting/dashboard; a county opens its own dashboard there. */
export function OverviewTab() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const plan = usePlanTree();
  const [params, setParams] = useSearchParams();
  const tree = plan.tree;

  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!tree || !plan.code) return <Skeleton active paragraph={{ rows: 10 }} />;
  const year = planYear(tree, params.get('year'), new Date());
  const setYear = (y: number) =>
    setParams((p) => {
      p.set('year', String(y));
      return p;
    });
  const openRegion = (code: string) => navigate(`/reporting/dashboard?${new URLSearchParams({ focus: focusParam({ kind: 'region', code }), year: String(year) })}`);

  return (
    <>
      <Flex style={{ marginBottom: 12 }}>
        <YearSelect id="overview-year" years={planYears(tree)} value={year} onChange={setYear} />
      </Flex>
      <FocusDashboard tree={tree} plan={plan.code} year={year} focus={CITY} focusName={t('dashboard.focus.city')} withMap={showsRegionMap(me, CITY)} onOpenRegion={openRegion} />
    </>
  );
}
