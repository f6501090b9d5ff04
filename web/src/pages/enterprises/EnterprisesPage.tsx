import { Tabs } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { PageTitle } from '../../components/PageTitle';
import { BenchmarksTab } from './BenchmarksTab';
import { DirectoryTab } from './DirectoryTab';
import { ProjectsTab } from './ProjectsTab';
import { ReportsTab } from './ReportsTab';
import { clampYear } from './years';

const TABS = ['directory', 'reports', 'benchmarks', 'projects'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 重点用能单位: the enterprise registry, the annual energy utilisation reports (filed, reviewed by the county then the
 * city), the efficiency benchmarks and the 两高一低 project inventory (not for enterprises).
 */
export function EnterprisesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const canSeeProjects = me.role !== 'enterprise';
  const asked = TABS.find((k) => k === params.get('tab')) ?? 'directory';
  const tab: TabKey = asked === 'projects' && !canSeeProjects ? 'directory' : asked;
  // An enterprise user works on its own enterprise; others pick one (kept in the address).
  const chosen = Number(params.get('enterprise')) || null;
  const enterpriseId = me.role === 'enterprise' ? me.enterpriseId : chosen;
  const year = clampYear(Number(params.get('year')), new Date());

  const go = useCallback(
    (next: { tab?: TabKey; enterprise?: number | null; year?: number }) =>
      setParams((p) => {
        if (next.tab) p.set('tab', next.tab);
        if (next.year) p.set('year', String(next.year));
        if (next.enterprise !== undefined) {
          if (next.enterprise) p.set('enterprise', String(next.enterprise));
          else p.delete('enterprise');
        }
        return p;
      }),
    [setParams],
  );

  return (
    <>
      <PageTitle>{t('ent.title')}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k as TabKey })}
        destroyOnHidden
        items={[
          { key: 'directory', label: t('ent.tab.directory'), children: <DirectoryTab me={me} onReports={(id) => go({ tab: 'reports', enterprise: id })} /> },
          {
            key: 'reports',
            label: t('ent.tab.reports'),
            children: <ReportsTab me={me} enterpriseId={enterpriseId} year={year} onEnterprise={(id) => go({ enterprise: id })} onYear={(y) => go({ year: y })} onOpen={(id, y) => go({ enterprise: id, year: y })} />,
          },
          { key: 'benchmarks', label: t('ent.tab.benchmarks'), children: <BenchmarksTab me={me} year={year} onYear={(y) => go({ year: y })} /> },
          ...(canSeeProjects ? [{ key: 'projects', label: t('ent.tab.projects'), children: <ProjectsTab me={me} /> }] : []),
        ]}
      />
    </>
  );
}
