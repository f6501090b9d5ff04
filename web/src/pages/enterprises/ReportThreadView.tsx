import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import { ReviewHistory, ThreadHeading } from '../../components/ReviewHistory';
import type { ExportColumn } from '../../components/table-export';
import { historyLabelKey, STATUS_COLOR, statusKey } from './labels';
import { type EnergyReport, reportPdfUrl, reportThreadQuery } from './queries';
import { ReportLines, useTce } from './ReportLines';

/** A report, every revision of its year and every step taken on them (submitted, county, city), oldest first. */
export function ReportThreadView({ id, name }: { id: number; name: string }) {
  const { t, locale } = useI18n();
  const thread = useQuery(reportThreadQuery(id));
  const tce = useTce();
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }), [locale]);
  if (thread.isError) return <QueryError error={thread.error} onRetry={() => void thread.refetch()} />;
  if (!thread.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const { report, revisions, history } = thread.data;
  const revisionOf = new Map(revisions.map((r) => [r.id, r.revision]));
  const cols: ExportColumn<EnergyReport>[] = [
    { title: t('ent.col.revision'), dataIndex: 'revision', width: 64 },
    { title: t('ent.col.status'), dataIndex: 'status', width: 110, render: (s: EnergyReport['status']) => <Tag color={STATUS_COLOR[s]}>{t(statusKey(s))}</Tag>, exportValue: (r) => t(statusKey(r.status)) },
    { title: t('ent.line.equivalent'), dataIndex: 'tceEquivalent', align: 'right', width: 130, render: (v: number) => tce.format(v), exportValue: (r) => r.tceEquivalent },
    { title: t('ent.line.equivalentInput'), dataIndex: 'tceEquivalentInput', align: 'right', width: 130, render: (v: number) => tce.format(v), exportValue: (r) => r.tceEquivalentInput },
    { title: t('ent.col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (at: string) => time.format(new Date(at)), exportValue: (r) => time.format(new Date(r.submittedAt)) },
  ];
  return (
    <section aria-label={t('ent.thread')}>
      <Button icon={<FilePdfOutlined />} href={reportPdfUrl(report.id)} target="_blank" rel="noopener">
        {t('ent.pdf')}
      </Button>
      <ThreadHeading>{t('ent.result')}</ThreadHeading>
      <ReportLines report={report} name={`${name} ${t('ent.result')}`} />
      {report.changeReason && <Typography.Paragraph style={{ marginTop: 8 }}>{t('ent.changeNote', { reason: report.changeReason })}</Typography.Paragraph>}
      {report.correctionReason && <Typography.Paragraph type="warning">{t('ent.correctionNote', { reason: report.correctionReason })}</Typography.Paragraph>}
      <ThreadHeading>{t('ent.revisions')}</ThreadHeading>
      <Table<EnergyReport> rowKey="id" size="small" columns={cols} dataSource={revisions} pagination={false} title={() => <ExportButton name={`${name} ${t('ent.revisions')}`} columns={cols} rows={revisions} />} />
      <ThreadHeading>{t('ent.history')}</ThreadHeading>
      <ReviewHistory steps={history} actionLabel={(a) => t(historyLabelKey(a))} revisionLabel={(h) => t('ent.revisionNo', { n: revisionOf.get(h.reportId) ?? '?' })} />
    </section>
  );
}
