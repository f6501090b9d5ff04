import { Breadcrumb, Card, Empty, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { IndicatorTable } from './IndicatorTable';
import type { SectionRef } from './sections';
import { TaskTable } from './TaskTable';

function Heading({ children }: { children: string }) {
  return (
    <Typography.Title level={3} style={{ fontSize: 15, margin: '20px 0 8px' }}>
      {children}
    </Typography.Title>
  );
}

/** One section of the plan: its text, who is responsible, its indicators and its tasks. */
export function SectionView({ entry, allRegions }: { entry: SectionRef; allRegions: boolean }) {
  const { t } = useI18n();
  const s = entry.section;
  return (
    <Card>
      <Breadcrumb items={[{ title: t('plan.chapterLabel', { no: entry.chapterNo, title: entry.chapterTitle }) }]} />
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 8 }}>
        {t('plan.sectionLabel', { no: s.no, title: s.title })}
        {s.isKeyProject && (
          <Tag color="gold" style={{ marginLeft: 8, verticalAlign: 'middle' }}>
            {t('plan.keyProject')}
          </Tag>
        )}
      </Typography.Title>

      <Heading>{t('plan.source')}</Heading>
      <blockquote style={{ margin: 0, padding: '8px 16px', borderLeft: '4px solid #86c99b', background: '#f6faf7' }}>
        <Typography.Paragraph style={{ margin: 0, lineHeight: 1.9 }}>{s.quote}</Typography.Paragraph>
      </blockquote>

      {s.responsibilityQuote && (
        <>
          <Heading>{t('plan.responsibility')}</Heading>
          <Typography.Paragraph>{s.responsibilityQuote}</Typography.Paragraph>
        </>
      )}

      <Heading>{t('plan.countedHeading', { label: t('plan.indicators'), count: s.indicators.length })}</Heading>
      {s.indicators.length > 0 ? <IndicatorTable indicators={s.indicators} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />}

      <Heading>{t('plan.countedHeading', { label: t('plan.tasks'), count: s.tasks.length })}</Heading>
      {s.tasks.length > 0 ? (
        <TaskTable tasks={s.tasks} allRegions={allRegions} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
      )}
    </Card>
  );
}
