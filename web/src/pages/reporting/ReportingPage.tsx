import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { Role } from '../../../../src/domain/access';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { PageTitle } from '../../components/PageTitle';
import { SettingsTab } from '../settings/SettingsTab';
import { allocationMode } from './allocation';
import { AllocationsTab } from './AllocationsTab';
import { AllReportsTab } from './AllReportsTab';
import { CalendarTab } from './CalendarTab';
import { OverviewTab } from './OverviewTab';
import { ReviewTab } from './ReviewTab';

/** Who may review (the server still checks the item's responsible department and never one's own report). */
const REVIEWERS: readonly Role[] = ['admin', 'steering', 'department'];
const TABS = ['mine', 'review', 'all', 'overview', 'cascade', 'settings'] as const;
type TabKey = (typeof TABS)[number];

/** 任务进展: the user's reporting calendar, the reports waiting for review, and every report in scope. */
export function ReportingPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const canReview = REVIEWERS.includes(me.role);
  const asked = TABS.find((k) => k === params.get('tab'));
  const canCascade = allocationMode(me.role) !== null;
  const canSet = allocationMode(me.role) === 'edit'; // 报送设置: the steering office (and admin)
  const allowed = (k: TabKey) => ((k === 'review' || k === 'overview') && !canReview) || (k === 'cascade' && !canCascade) || (k === 'settings' && !canSet) ? false : true;
  const active: TabKey = asked && allowed(asked) ? asked : 'mine';
  const onTab = (key: string) =>
    setParams((p) => {
      p.set('tab', key);
      return p;
    });

  const items = [
    { key: 'mine', label: t('reporting.tab.mine'), children: <CalendarTab /> },
    ...(canReview ? [{ key: 'review', label: t('reporting.tab.review'), children: <ReviewTab /> }] : []),
    { key: 'all', label: t('reporting.tab.all'), children: <AllReportsTab /> },
    ...(canReview ? [{ key: 'overview', label: t('reporting.tab.overview'), children: <OverviewTab /> }] : []),
    ...(canCascade ? [{ key: 'cascade', label: t('reporting.tab.cascade'), children: <AllocationsTab /> }] : []),
    ...(canSet ? [{ key: 'settings', label: t('settings.title'), children: <SettingsTab /> }] : []),
  ];
  return (
    <>
      <PageTitle>{t('reporting.title')}</PageTitle>
      <Tabs activeKey={active} onChange={onTab} items={items} destroyOnHidden />
    </>
  );
}
