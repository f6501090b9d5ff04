import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { PageTitle } from '../../components/PageTitle';
import { CitizenReportsTab } from './CitizenReportsTab';
import { MyCommitments } from './commitment-mine';
import { CommitmentsTab } from './CommitmentsTab';
import { NewsTab } from './NewsTab';
import { PublicationsTab } from './PublicationsTab';

const TABS = ['reports', 'publications', 'commitments', 'news', 'mine'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 公开与参与 (issue #10), the staff side of the public site: the citizen reports to handle (departments and counties
 * see those assigned to them), for the steering office what is published, the commitments to review and the news,
 * and for an enterprise its own voluntary commitments. The public site itself is /open (no login).
 */
export function PublicAdminPage() {
  const { t } = useI18n();
  const me = useMe();
  const city = me.role === 'admin' || me.role === 'steering';
  const [params, setParams] = useSearchParams();
  const enterprise = me.role === 'enterprise';
  const tabs: readonly TabKey[] = enterprise ? ['mine'] : city ? TABS.filter((k) => k !== 'mine') : ['reports'];
  const tab: TabKey = tabs.find((k) => k === params.get('tab')) ?? tabs[0]!;
  const items = [
    ...(enterprise ? [{ key: 'mine', label: t('public.tab.mine'), children: <MyCommitments /> }] : [{ key: 'reports', label: t('public.tab.reports'), children: <CitizenReportsTab /> }]),
    ...(city
      ? [
          { key: 'publications', label: t('public.tab.publications'), children: <PublicationsTab /> },
          { key: 'commitments', label: t('public.tab.commitments'), children: <CommitmentsTab /> },
          { key: 'news', label: t('public.tab.news'), children: <NewsTab /> },
        ]
      : []),
  ];
  return (
    <>
      <PageTitle>{t('public.title')}</PageTitle>
      <a href="/open" target="_blank" rel="noreferrer">
        {t('public.openSite')}
      </a>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={items} destroyOnHidden />
    </>
  );
}
