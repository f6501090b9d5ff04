import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Skeleton, Steps, Timeline, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { ASSESSMENT_STATUSES } from '../../../../src/modules/assessment/schemas';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { ThreadHeading } from '../../components/ReviewHistory';
import type { Me } from '../auth/queries';
import { ActionButtons } from './ActionButtons';
import { historyKey, statusIndex, statusKey } from './labels';
import { RankingTable } from './RankingTable';
import { assessmentQuery, comparisonQuery, summaryXlsxUrl } from './queries';
import { rankingRows, summaryCounts } from './summary';

const RankingBars = lazy(() => import('./RankingBars'));

/** One assessment: where its process stands and what the viewer may do, its ranking (table and bars), the summary and the workbook. */
export function AssessmentPanel({ me, id }: { me: Me; id: number }) {
  const { t, locale } = useI18n();
  const one = useQuery(assessmentQuery(id));
  const comparison = useQuery(comparisonQuery(id));
  // The subtotals come with each subject's summary: no subject's detail is fetched for the ranking.
  const rows = rankingRows(one.data?.subjects ?? [], comparison.data);

  if (one.isError) return <QueryError error={one.error} onRetry={() => void one.refetch()} />;
  if (!one.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const a = one.data;
  const counts = summaryCounts(a.subjects);
  const frozen = statusIndex(a.status) >= statusIndex('consolidation');

  return (
    <Flex vertical gap={16} aria-label={a.title} role="region">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('assessment.scheme')}>{t('assessment.schemeVersion', { name: a.scheme.name, version: a.scheme.version })}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.period')}>{a.period}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.cutoff')}>{a.cutoff}</Descriptions.Item>
      </Descriptions>
      <Steps size="small" current={statusIndex(a.status)} status={a.status === 'published' ? 'finish' : 'process'} items={ASSESSMENT_STATUSES.map((s) => ({ title: t(statusKey(s)) }))} />
      <ActionButtons me={me} assessment={a} />
      <Alert type={frozen ? 'success' : 'info'} showIcon message={t(frozen ? 'assessment.rank.frozen' : 'assessment.rank.live')} />
      {counts.count > 0 && <Typography.Paragraph>{t('assessment.summary', counts)}</Typography.Paragraph>}
      <RankingTable
        rows={rows}
        title={t('assessment.rank.table', { title: a.title })}
        assessmentId={a.id}
        region={a.scheme.subject === 'region'}
        previousPeriod={comparison.data?.previous?.period ?? null}
        extra={
          <Button size="small" icon={<DownloadOutlined />} href={summaryXlsxUrl(a.id)} download>
            {t('assessment.rank.download')}
          </Button>
        }
      />
      {rows.length > 0 && (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <RankingBars rows={rows} label={t('assessment.rank.chart', { title: a.title })} />
        </Suspense>
      )}
      <section aria-label={t('assessment.history')}>
        <ThreadHeading>{t('assessment.history')}</ThreadHeading>
        <Timeline
          items={a.history.map((h, i) => ({
            key: i,
            color: h.action === 'return' ? 'red' : 'blue',
            children: (
              <>
                <Typography.Text strong>{h.actorName}</Typography.Text> {t(historyKey(h.action))}
                <Typography.Text type="secondary"> · {new Date(h.at).toLocaleString(locale, { hour12: false })}</Typography.Text>
                {h.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{h.comment}</div>}
              </>
            ),
          }))}
        />
      </section>
    </Flex>
  );
}
