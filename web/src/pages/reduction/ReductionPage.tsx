import { Flex, Tabs, Typography } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { POLLUTANTS, type Pollutant } from '../../../../src/domain/reduction/model';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { YearSelect } from '../../components/YearSelect';
import { PageTitle } from '../../components/PageTitle';
import { AllocationTab } from './AllocationTab';
import { DispatchTab } from './DispatchTab';
import { clampYear, monthOf, YEARS } from './format';
import { ProgressTab } from './ProgressTab';
import { ProjectDrawer } from './ProjectDrawer';
import { ProjectsTab } from './ProjectsTab';

const TABS = ['progress', 'projects', 'dispatch', 'allocation'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 重点减排工程 (issue #7, reduction.md): progress against the pollutant targets, the project registry, the monthly
 * dispatch with the bureau's verification, and the allocation of the targets. The tab, year, pollutant, month and an
 * open project live in the address.
 */
export function ReductionPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'progress';
  const year = clampYear(Number(params.get('year')), new Date());
  const pollutant: Pollutant = POLLUTANTS.find((p) => p === params.get('pollutant')) ?? 'COD';
  const month = monthOf(params.get('month'), new Date());
  const projectId = Number(params.get('project')) || null;

  const go = useCallback(
    (next: { tab?: TabKey; year?: number; pollutant?: Pollutant; month?: string; project?: number | null }) =>
      setParams((p) => {
        if (next.tab) p.set('tab', next.tab);
        if (next.year) p.set('year', String(next.year));
        if (next.pollutant) p.set('pollutant', next.pollutant);
        if (next.month) p.set('month', next.month);
        if (next.project !== undefined) {
          if (next.project) p.set('project', String(next.project));
          else p.delete('project');
        }
        return p;
      }),
    [setParams],
  );
  const open = useCallback((id: number) => go({ project: id }), [go]);

  return (
    <>
      <PageTitle>{t('reduction.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('reduction.basis')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k as TabKey })}
        tabBarExtraContent={
          tab === 'progress' ? (
            <Flex align="center" gap={8}>
              <YearSelect id="reduction-year" years={YEARS} value={year} onChange={(y) => go({ year: y })} />
            </Flex>
          ) : undefined
        }
        destroyOnHidden
        items={[
          { key: 'progress', label: t('reduction.tab.progress'), children: <ProgressTab year={year} pollutant={pollutant} onPollutant={(p) => go({ pollutant: p })} onRegion={() => go({ tab: 'projects' })} /> },
          { key: 'projects', label: t('reduction.tab.projects'), children: <ProjectsTab me={me} onOpen={open} /> },
          { key: 'dispatch', label: t('reduction.tab.dispatch'), children: <DispatchTab me={me} month={month} onMonth={(m) => go({ month: m })} onOpen={open} /> },
          { key: 'allocation', label: t('reduction.tab.allocation'), children: <AllocationTab me={me} /> },
        ]}
      />
      <ProjectDrawer me={me} id={projectId} onClose={() => go({ project: null })} />
    </>
  );
}
