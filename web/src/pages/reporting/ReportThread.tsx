import { Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { ReviewHistory, ThreadHeading } from '../../components/ReviewHistory';
import type { ExportColumn } from '../../components/table-export';
import type { Report, ReportThread as Thread } from './queries';
import { formatReportContent, historyActionLabel, statusColor } from './report-format';

/** Every revision of a report and every step taken on it, oldest first. */
export function ReportThread({ thread, unit }: { thread: Thread; unit: string | null }) {
  const { t, locale } = useI18n();
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }), [locale]);
  const revisionOf = useMemo(() => new Map(thread.revisions.map((r) => [r.id, r.revision])), [thread.revisions]);

  const columns: ExportColumn<Report>[] = [
    { title: t('reporting.revision'), dataIndex: 'revision', width: 64 },
    {
      title: t('reporting.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Report['status']) => <Tag color={statusColor(s)}>{t(`reporting.status.${s}`)}</Tag>,
      exportValue: (r) => t(`reporting.status.${r.status}`),
    },
    { title: t('reporting.content'), key: 'content', width: 140, render: (_, r) => formatReportContent(r, unit, t, locale), exportValue: (r) => formatReportContent(r, unit, t, locale) },
    { title: t('reporting.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (at: string) => time.format(new Date(at)), exportValue: (r) => time.format(new Date(r.submittedAt)) },
    { title: t('reporting.narrative'), key: 'narrative', hidden: true, exportValue: (r) => r.narrative || null },
    { title: t('reporting.correctionReason'), key: 'correctionReason', hidden: true, exportValue: (r) => r.correctionReason },
  ];

  return (
    <section aria-label={t('reporting.thread')}>
      <ThreadHeading>{t('reporting.revisions')}</ThreadHeading>
      <Table<Report>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={thread.revisions}
        pagination={false}
        title={() => <ExportButton name={t('reporting.revisions')} columns={columns} rows={thread.revisions} />}
        expandable={{
          rowExpandable: (r) => r.narrative !== '' || r.correctionReason !== null,
          expandedRowRender: (r) => (
            <>
              {r.correctionReason && <Typography.Paragraph type="warning">{t('reporting.correctionNote', { reason: r.correctionReason })}</Typography.Paragraph>}
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.narrative}</Typography.Paragraph>
            </>
          ),
        }}
      />
      <ThreadHeading>{t('reporting.history')}</ThreadHeading>
      <ReviewHistory steps={thread.history} actionLabel={(a) => historyActionLabel(a, t)} revisionLabel={(h) => t('reporting.revisionNo', { n: revisionOf.get(h.reportId) ?? '?' })} />
    </section>
  );
}
