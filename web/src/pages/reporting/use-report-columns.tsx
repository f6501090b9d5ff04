import { type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { periodLabel } from './calendar';
import type { Report } from './queries';
import { formatReportContent, statusColor } from './report-format';
import { useNames } from './use-names';

/** The columns every list of reports shares: item, region, period, what was reported, when; the status on request. */
export function useReportColumns({ withStatus }: { withStatus: boolean }): TableColumnsType<Report> {
  const { t, locale } = useI18n();
  const { itemOf, regionName } = useNames();
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }), [locale]);
  const columns: TableColumnsType<Report> = [
    {
      title: t('reporting.item'),
      key: 'item',
      width: 340,
      render: (_, r) => {
        const info = itemOf(r);
        const text = info ? `${info.code} ${info.name}` : t('reporting.unknownItem', { id: r.indicatorId ?? r.taskId ?? '?' });
        return (
          <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 320 }}>
            {text}
          </Typography.Text>
        );
      },
    },
    { title: t('reporting.region'), dataIndex: 'regionCode', width: 110, render: (code: string) => regionName(code) },
    { title: t('reporting.period'), dataIndex: 'periodKey', width: 140, render: (key: string) => periodLabel(key, t) },
    { title: t('reporting.content'), key: 'content', width: 150, render: (_, r) => formatReportContent(r, itemOf(r)?.unit ?? null, t, locale) },
    { title: t('reporting.revision'), dataIndex: 'revision', width: 64 },
    { title: t('reporting.submittedAt'), dataIndex: 'submittedAt', width: 160, render: (at: string) => time.format(new Date(at)) },
  ];
  if (withStatus) {
    columns.push({
      title: t('reporting.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Report['status']) => <Tag color={statusColor(s)}>{t(`reporting.status.${s}`)}</Tag>,
    });
  }
  return columns;
}
