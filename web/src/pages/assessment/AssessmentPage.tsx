import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Select, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { HiddenLabel } from '../../components/HiddenLabel';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { AssessmentPanel } from './AssessmentPanel';
import { isSteering } from './labels';
import { OpenAssessmentModal } from './OpenAssessmentModal';
import { assessmentsQuery } from './queries';
import { SchemesTab } from './SchemesTab';

const TABS = ['assessments', 'schemes'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 目标责任评价考核 (issue #9): the assessments (one chosen, its process, ranking and year-over-year) and the
 * versioned schemes. The tab and the chosen assessment live in the address.
 */
export function AssessmentPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'assessments';
  const list = useQuery(assessmentsQuery());
  const [opening, setOpening] = useState(false);
  const chosen = Number(params.get('id')) || null;
  const id = list.data?.some((a) => a.id === chosen) ? chosen : (list.data?.[0]?.id ?? null);
  const go = (next: { tab?: TabKey; id?: number }) =>
    setParams((p) => {
      if (next.tab) p.set('tab', next.tab);
      if (next.id) p.set('id', String(next.id));
      return p;
    });

  const assessments = () => {
    if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
    if (!list.data) return <Skeleton active paragraph={{ rows: 10 }} />;
    return (
      <Flex vertical gap={16}>
        <Flex gap={8} align="center" wrap>
          <HiddenLabel htmlFor="assessment-choose">{t('assessment.choose')}</HiddenLabel>
          <Select<number>
            id="assessment-choose"
            style={{ minWidth: 420 }}
            value={id ?? undefined}
            placeholder={t('assessment.choose')}
            onChange={(v) => go({ id: v })}
            options={list.data.map((a) => ({ value: a.id, label: `${a.title}（${a.period}）` }))}
          />
          {isSteering(me) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {t('assessment.open')}
            </Button>
          )}
        </Flex>
        {id === null ? <Empty description={t('assessment.none')} /> : <AssessmentPanel me={me} id={id} />}
      </Flex>
    );
  };

  return (
    <>
      <PageTitle>{t('assessment.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('assessment.basis')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k as TabKey })}
        destroyOnHidden
        items={[
          { key: 'assessments', label: t('assessment.tab.assessments'), children: assessments() },
          { key: 'schemes', label: t('assessment.tab.schemes'), children: <SchemesTab me={me} /> },
        ]}
      />
      <OpenAssessmentModal open={opening} onClose={(created) => { setOpening(false); if (created) go({ id: created }); }} />
    </>
  );
}
