import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { PageTitle } from '../../components/PageTitle';
import { AlarmsTab } from './AlarmsTab';
import { CompletenessTab } from './CompletenessTab';
import { StationsTab } from './StationsTab';

const TABS = ['stations', 'alarms', 'completeness'] as const;
type TabKey = (typeof TABS)[number];

/** 在线监测 (issue #8, hj212.md): the stations and their map, the alarm centre, and 有效传输率; the tab lives in the address. */
export function MonitoringPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'stations';
  return (
    <>
      <PageTitle>{t('monitoring.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('monitoring.basis')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams((p) => {
            p.set('tab', k);
            return p;
          })
        }
        destroyOnHidden
        items={[
          { key: 'stations', label: t('monitoring.tab.stations'), children: <StationsTab me={me} /> },
          { key: 'alarms', label: t('monitoring.tab.alarms'), children: <AlarmsTab me={me} /> },
          { key: 'completeness', label: t('monitoring.tab.completeness'), children: <CompletenessTab me={me} /> },
        ]}
      />
    </>
  );
}
