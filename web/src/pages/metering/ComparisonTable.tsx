import { useQuery } from '@tanstack/react-query';
import { Flex, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isMessageKey, useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { YearSelect } from '../../components/YearSelect';
import { TableTitle } from '../dashboard/TableTitle';
import { FLAG_COLOR, flagKey, formatDeviation, formatNumber, formatPercent } from './labels';
import { beijingDate } from './period';
import { type CarrierLine, comparisonQuery } from './queries';
import type { MeteringReference } from './reference';

/** 在线监测 vs 年度报告: per carrier, the metered year against the report, with the deviation, completeness and flags. */
export function ComparisonTable({ enterpriseId, reference }: { enterpriseId: number; reference: MeteringReference }) {
  const { t } = useI18n();
  const thisYear = Number(beijingDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const comparison = useQuery(comparisonQuery(enterpriseId, year));
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const picker = <YearSelect id="meter-comparison-year" years={years} value={year} onChange={setYear} />;
  if (comparison.isError) return <QueryError error={comparison.error} onRetry={() => void comparison.refetch()} />;
  if (!comparison.data) return <Skeleton active paragraph={{ rows: 3 }} />;

  const c = comparison.data;
  const carrierText = (r: CarrierLine) => reference.carrierNames.get(r.carrier) ?? r.carrier;
  const flagsText = (r: CarrierLine) => (r.flags.length ? r.flags.map((f) => t(flagKey(f))).join('、') : t('meter.flag.ok'));
  const columns: ExportColumn<CarrierLine>[] = [
    { title: t('meter.col.carrier'), key: 'carrier', render: (_, r) => carrierText(r), exportValue: carrierText },
    { title: t('meter.col.baseUnit'), dataIndex: 'baseUnit', width: 80 },
    { title: t('meter.col.metered'), key: 'metered', align: 'right', render: (_, r) => formatNumber(r.metered), exportValue: (r) => r.metered },
    { title: t('meter.col.reported'), key: 'reported', align: 'right', render: (_, r) => formatNumber(r.reported), exportValue: (r) => r.reported },
    {
      title: t('meter.col.deviation'),
      key: 'deviation',
      align: 'right',
      render: (_, r) => <Typography.Text type={r.flags.includes('deviation') ? 'danger' : undefined}>{formatDeviation(r.deviation)}</Typography.Text>,
      exportValue: (r) => r.deviation,
    },
    {
      title: t('meter.col.completeness'),
      key: 'completeness',
      align: 'right',
      render: (_, r) => <Typography.Text type={r.flags.includes('incomplete') ? 'warning' : undefined}>{formatPercent(r.completeness)}</Typography.Text>,
      exportValue: (r) => r.completeness,
    },
    {
      title: t('meter.col.flags'),
      key: 'flags',
      render: (_, r) =>
        r.flags.length ? (
          <Space size={4} wrap>
            {r.flags.map((f) => (
              <Tag key={f} color={FLAG_COLOR[f]}>
                {t(flagKey(f))}
              </Tag>
            ))}
          </Space>
        ) : (
          <Tag color="green">{t('meter.flag.ok')}</Tag>
        ),
      exportValue: flagsText,
    },
  ];
  const statusKey = c.report ? `ent.status.${c.report.status}` : '';
  const reportText = c.report
    ? t('meter.report', { revision: c.report.revision, status: isMessageKey(statusKey) ? t(statusKey) : c.report.status })
    : t('meter.noReport', { year: c.year });
  const name = t('meter.comparisonOf', { year: c.year });
  return (
    <Table<CarrierLine>
      rowKey="carrier"
      size="small"
      columns={columns}
      dataSource={c.carriers}
      pagination={false}
      locale={{ emptyText: t('meter.comparisonNone', { year: c.year }) }}
      title={() => (
        <TableTitle
          extra={
            <Flex gap={8} align="center">
              {picker}
              <ExportButton name={name} columns={columns} rows={c.carriers} />
            </Flex>
          }
        >
          {t('meter.comparison')}
        </TableTitle>
      )}
      footer={() => (
        <Flex vertical gap={2}>
          <Typography.Text type="secondary">
            {t('meter.rules', { deviation: formatPercent(c.rules.deviationMax), completeness: formatPercent(c.rules.completenessMin), hours: c.expectedHours })}
          </Typography.Text>
          <Typography.Text type="secondary">{reportText}</Typography.Text>
          {c.unassignedMeters.length > 0 && <Typography.Text type="warning">{t('meter.unassigned', { n: c.unassignedMeters.length })}</Typography.Text>}
        </Flex>
      )}
    />
  );
}
