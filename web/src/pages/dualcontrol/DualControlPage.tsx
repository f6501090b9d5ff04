import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Tabs } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { HiddenLabel } from '../../components/HiddenLabel';
import { PageTitle } from '../../components/PageTitle';
import { AccountsTab } from './AccountsTab';
import { BarometerTab } from './BarometerTab';
import { clampYear, PERIOD_YEARS } from './period';
import { targetsQuery } from './queries';
import { TargetsTab } from './TargetsTab';
import { WarningsTab } from './WarningsTab';
import { WhatIfTab } from './WhatIfTab';

const TABS = ['barometer', 'warnings', 'accounts', 'targets', 'what-if'] as const;
type TabKey = (typeof TABS)[number];

/** 能耗双控: the barometer by year, its warnings, the counties' energy data, the targets and the what-if. */
export function DualControlPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'barometer';
  const year = clampYear(Number(params.get('year')), new Date());
  const region = params.get('region');
  const targets = useQuery(targetsQuery());

  const go = useCallback(
    (next: { tab?: TabKey; year?: number; region?: string | null }) =>
      setParams((p) => {
        if (next.tab) p.set('tab', next.tab);
        if (next.year) p.set('year', String(next.year));
        if (next.region !== undefined) {
          if (next.region) p.set('region', next.region);
          else p.delete('region');
        }
        return p;
      }),
    [setParams],
  );
  const openRegion = useCallback((code: string | null) => go({ region: code }), [go]);

  const yearSelect = (
    <Flex align="center" gap={8}>
      <HiddenLabel htmlFor="energy-year">{t('reporting.year')}</HiddenLabel>
      <Select id="energy-year" style={{ width: 120 }} value={year} onChange={(y: number) => go({ year: y })} options={PERIOD_YEARS.map((y) => ({ value: y, label: t('reporting.yearOption', { year: y }) }))} />
    </Flex>
  );

  return (
    <>
      <PageTitle>{t('energy.title')}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k as TabKey })}
        tabBarExtraContent={tab === 'barometer' || tab === 'warnings' ? yearSelect : undefined}
        destroyOnHidden
        items={[
          { key: 'barometer', label: t('energy.tab.barometer'), children: <BarometerTab year={year} targets={targets.data} selected={region} onSelect={openRegion} /> },
          { key: 'warnings', label: t('energy.tab.warnings'), children: <WarningsTab year={year} targets={targets.data} onOpen={(code) => go({ tab: 'barometer', region: code })} /> },
          { key: 'accounts', label: t('energy.tab.accounts'), children: <AccountsTab me={me} /> },
          { key: 'targets', label: t('energy.tab.targets'), children: <TargetsTab me={me} targets={targets} /> },
          { key: 'what-if', label: t('energy.tab.whatIf'), children: <WhatIfTab me={me} targets={targets.data} /> },
        ]}
      />
    </>
  );
}
