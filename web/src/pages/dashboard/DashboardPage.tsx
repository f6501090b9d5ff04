import { useQuery } from '@tanstack/react-query';
import { Flex, Result, Segmented, Skeleton, Tag } from 'antd';
import { type ReactNode, useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { FilterSelect } from '../../components/HiddenLabel';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { YearSelect } from '../../components/YearSelect';
import { departmentsQuery, localRegions, regionsQuery } from '../org/queries';
import { usePlanTree } from '../plan/queries';
import { planYear, planYears } from '../reporting/calendar';
import { type Focus, type FocusKind, focusKinds, focusOfKind, focusParam, parseFocus, resolveFocus, showsRegionMap } from './focus';
import { FocusDashboard } from './FocusDashboard';

/** 进展看板: the city's, a department's or a county's progress in a year; the city view adds the county map. */
export function DashboardPage() {
  const { t } = useI18n();
  const me = useMe();
  const plan = usePlanTree();
  const departments = useQuery(departmentsQuery());
  const regions = useQuery(regionsQuery());
  const [params, setParams] = useSearchParams();
  const tree = plan.tree;
  const focus = resolveFocus(me, parseFocus(params.get('focus')));
  const year = tree ? planYear(tree, params.get('year'), new Date()) : 0;

  const go = useCallback(
    (next: { focus?: Focus; year?: number }) =>
      setParams((p) => {
        if (next.focus) p.set('focus', focusParam(next.focus));
        if (next.year) p.set('year', String(next.year));
        return p;
      }),
    [setParams],
  );
  const openRegion = useCallback((code: string) => go({ focus: { kind: 'region', code } }), [go]);

  const withTitle = (body: ReactNode) => (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      {body}
    </>
  );
  if (!focus) return withTitle(<Result status="info" title={me.role === 'county' ? t('dashboard.noRegion') : t('dashboard.noFocus')} />);
  if (plan.isError) return withTitle(<QueryError error={plan.error} onRetry={() => void plan.refetch()} />);
  if (!tree || !plan.code) return withTitle(<Skeleton active paragraph={{ rows: 10 }} />);

  const localList = regions.data ? localRegions(regions.data) : [];
  const kinds = focusKinds(me);
  const focusName =
    focus.kind === 'city'
      ? t('dashboard.focus.city')
      : focus.kind === 'department'
        ? (departments.data?.find((d) => d.id === focus.id)?.name ?? String(focus.id))
        : (regions.data?.find((r) => r.code === focus.code)?.name ?? focus.code);
  const onKind = (kind: FocusKind) => {
    const next = focusOfKind(kind, me, departments.data?.[0]?.id, localList[0]?.code);
    if (next) go({ focus: next });
  };

  return withTitle(
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        {kinds.length > 1 ? (
          <Segmented<FocusKind>
            aria-label={t('dashboard.focus')}
            value={focus.kind}
            onChange={onKind}
            options={kinds.map((k) => ({ value: k, label: t(`dashboard.focus.${k}`) }))}
          />
        ) : (
          <Tag color="blue" style={{ fontSize: 14, padding: '4px 10px' }}>
            {focusName}
          </Tag>
        )}
        {focus.kind === 'department' && (
          <FilterSelect
            id="dashboard-department"
            label={t('dashboard.department')}
            showSearch
            optionFilterProp="label"
            style={{ width: 240 }}
            value={focus.id}
            disabled={me.role === 'department'}
            loading={departments.isPending}
            onChange={(id: number) => go({ focus: { kind: 'department', id } })}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
        {focus.kind === 'region' && kinds.length > 1 && (
          <FilterSelect
            id="dashboard-region"
            label={t('dashboard.region')}
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            value={focus.code}
            loading={regions.isPending}
            onChange={(code: string) => openRegion(code)}
            options={localList.map((r) => ({ value: r.code, label: r.name }))}
          />
        )}
        <YearSelect id="dashboard-year" years={planYears(tree)} value={year} onChange={(y) => go({ year: y })} />
      </Flex>
      <FocusDashboard
        tree={tree}
        plan={plan.code}
        year={year}
        focus={focus}
        focusName={focusName}
        withMap={showsRegionMap(me, focus)}
        onOpenRegion={openRegion}
      />
    </>,
  );
}
