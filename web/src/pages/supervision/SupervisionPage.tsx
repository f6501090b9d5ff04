import { useQuery } from '@tanstack/react-query';
import { Skeleton, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Role } from '../../../../src/domain/access';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { PageTitle } from '../../components/PageTitle';
import { capacityRoleQuery } from './expert-queries';
import { ExpertsTab } from './ExpertsTab';
import { InspectionsTab } from './InspectionsTab';
import { InstitutionsTab } from './InstitutionsTab';
import { OrdersTab } from './OrdersTab';
import { TrainingTab } from './TrainingTab';

const TABS = ['inspections', 'orders', 'institutions', 'experts', 'training'] as const;
type TabKey = (typeof TABS)[number];

/** Which tabs a role sees (the server checks every call anyway): an enterprise its rectification orders and its energy manager's training. */
const TABS_OF: Record<Role, readonly TabKey[]> = {
  admin: TABS,
  steering: TABS,
  department: TABS,
  county: TABS,
  enterprise: ['orders', 'training'],
};

/**
 * 节能监察与能力建设 (issue #11): inspections with findings, rectification orders and transfers; public institutions
 * with use against quota and 节约型机关; the expert pool and training. The tab lives in the address.
 */
export function SupervisionPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  // A department that is not an inspection body (市生态环境局…) has no 节能监察 tab: it sees the cases transferred to it under 整改通知.
  const capacity = useQuery(capacityRoleQuery());
  if (!capacity.data && !capacity.isError) return <Skeleton active />;
  const tabs = TABS_OF[me.role].filter((k) => k !== 'inspections' || capacity.data?.inspects !== false);
  const tab: TabKey = tabs.find((k) => k === params.get('tab')) ?? tabs[0]!;
  const panes: Record<TabKey, ReactNode> = {
    inspections: <InspectionsTab />,
    orders: <OrdersTab inspects={capacity.data?.inspects ?? false} />,
    institutions: <InstitutionsTab />,
    experts: <ExpertsTab />,
    training: <TrainingTab />,
  };
  return (
    <>
      <PageTitle>{t('supervision.title')}</PageTitle>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={tabs.map((k) => ({ key: k, label: t(`supervision.tab.${k}`), children: panes[k] }))} destroyOnHidden />
    </>
  );
}
