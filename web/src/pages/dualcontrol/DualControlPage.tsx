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
import { type Period, periodOf } from './rating';
import { ReferenceTab } from './ReferenceTab';
import { TargetsTab } from './TargetsTab';
import { WarningsTab } from './WarningsTab';
import { WhatIfTab } from './WhatIfTab';

const TABS = ['barometer', 'warnings', 'accounts', 'targets', 'what-if', 'reference'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 能耗双控: the barometer by year or year to date, its warnings, the counties' energy data, the targets, the what-if
 * and (for the city) the dual-control reference data.
 */
export function DualControlPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const asked = TABS.find((k) => k === params.get('tab')) ?? 'barometer';
  const year = clampYear(Number(params.get('year')), new Date());
  const region = params.get('region');
  const period = periodOf(params.get('period'));
  const isCity = me.role === 'admin' || me.role === 'steering';
  // The reference data are the city's to keep: others land on the barometer.
  const tab: TabKey = asked === 'reference' && !isCity ? 'barometer' : asked;
  const targets = useQuery(targetsQuery());

  const go = useCallback(
    (next: { tab?: TabKey; year?: number; region?: string | null; period?: Period }) =>
      setParams((p) => {
        if (next.tab) p.set('tab', next.tab);
        if (next.year) p.set('year', String(next.year));
        if (next.period === 'year') p.delete('period');
        else if (next.period) p.set('period', next.period);
        if (next.region !== undefined) {
          if (next.region) p.set('region', next.region);
          else p.delete('region');
        }
        return p;
      }),
    [setParams],
  );
  const openRegion = useCallback((code: string | null) => go({ region: code }), [go]);
  const choosePeriod = useCallback((p: Period) => go({ period: p }), [go]);

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
          { key: 'barometer', label: t('energy.tab.barometer'), children: <BarometerTab year={year} period={period} onPeriod={choosePeriod} selected={region} onSelect={openRegion} /> },
          { key: 'warnings', label: t('energy.tab.warnings'), children: <WarningsTab year={year} onOpen={(code) => go({ tab: 'barometer', region: code, period: 'year' })} /> },
          { key: 'accounts', label: t('energy.tab.accounts'), children: <AccountsTab me={me} /> },
          { key: 'targets', label: t('energy.tab.targets'), children: <TargetsTab me={me} targets={targets} /> },
          { key: 'what-if', label: t('energy.tab.whatIf'), children: <WhatIfTab me={me} targets={targets.data} /> },
          ...(isCity ? [{ key: 'reference', label: t('energy2.tab.reference'), children: <ReferenceTab /> }] : []),
        ]}
      />
    </>
  );
}
