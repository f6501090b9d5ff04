import { Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import type { ExportColumn } from '../../components/table-export';
import { periodLabel } from './calendar';
import type { Report } from './queries';
import { formatReportContent, statusColor } from './report-format';
import { useNames } from './use-names';

/** The columns every list of reports shares: item, region, period, what was reported, when; the status on request. */
export function useReportColumns({ withStatus }: { withStatus: boolean }): ExportColumn<Report>[] {
  const { t, locale } = useI18n();
  const { itemOf, regionName } = useNames();
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }), [locale]);
  const itemText = (r: Report) => {
    const info = itemOf(r);
    return info ? `${info.code} ${info.name}` : t('reporting.unknownItem', { id: r.indicatorId ?? r.taskId ?? '?' });
  };
  const columns: ExportColumn<Report>[] = [
    {
      title: t('reporting.item'),
      key: 'item',
      width: 340,
      render: (_, r) => (
        <Typography.Text ellipsis={{ tooltip: itemText(r) }} style={{ maxWidth: 320 }}>
          {itemText(r)}
        </Typography.Text>
      ),
      exportValue: itemText,
    },
    { title: t('reporting.region'), dataIndex: 'regionCode', width: 110, render: (code: string) => regionName(code), exportValue: (r) => regionName(r.regionCode) },
    { title: t('reporting.period'), dataIndex: 'periodKey', width: 140, render: (key: string) => periodLabel(key, t), exportValue: (r) => periodLabel(r.periodKey, t) },
    { title: t('reporting.content'), key: 'content', width: 150, render: (_, r) => formatReportContent(r, itemOf(r)?.unit ?? null, t, locale), exportValue: (r) => formatReportContent(r, itemOf(r)?.unit ?? null, t, locale) },
    { title: t('reporting.revision'), dataIndex: 'revision', width: 64 },
    { title: t('reporting.submittedAt'), dataIndex: 'submittedAt', width: 160, render: (at: string) => time.format(new Date(at)), exportValue: (r) => time.format(new Date(r.submittedAt)) },
  ];
  if (withStatus) {
    columns.push({
      title: t('reporting.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Report['status']) => <Tag color={statusColor(s)}>{t(`reporting.status.${s}`)}</Tag>,
      exportValue: (r) => t(`reporting.status.${r.status}`),
    });
  }
  return columns;
}
