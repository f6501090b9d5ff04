import { Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import type { ExportColumn } from '../../components/table-export';
import type { EnergyReport } from './queries';

type Line = EnergyReport['lines'][number];

/** tce with at most two decimals, as the report's PDF prints it. */
export function useTce() {
  const { locale } = useI18n();
  return useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
}

/** A filed report's energy lines in tce by 当量值 and 等价值 side by side (electricity differs), with the totals. */
export function ReportLines({ report, name }: { report: EnergyReport; name: string }) {
  const { t } = useI18n();
  const tce = useTce();
  const columns: ExportColumn<Line>[] = [
    { title: t('ent.line.carrier'), dataIndex: 'name', width: 140 },
    { title: t('ent.line.quantity'), dataIndex: 'quantity', align: 'right', width: 120, render: (q: number) => tce.format(q), exportValue: (l) => l.quantity },
    { title: t('ent.line.unit'), dataIndex: 'unit', width: 80 },
    {
      title: t('ent.line.coefficient'),
      dataIndex: 'kgcePerBase',
      align: 'right',
      width: 150,
      render: (k: number, l) => `${k}${l.coefficientFrom === 'measured' ? t('ent.line.measured') : ''}`,
      exportValue: (l) => l.kgcePerBase,
    },
    { title: t('ent.line.equivalent'), dataIndex: 'tceEquivalent', align: 'right', width: 140, render: (v: number) => tce.format(v), exportValue: (l) => l.tceEquivalent },
    { title: t('ent.line.equivalentInput'), dataIndex: 'tceEquivalentInput', align: 'right', width: 140, render: (v: number) => tce.format(v), exportValue: (l) => l.tceEquivalentInput },
  ];
  return (
    <Table<Line>
      aria-label={name}
      rowKey="carrier"
      size="small"
      columns={columns}
      dataSource={report.lines}
      pagination={false}
      scroll={{ x: 760 }}
      title={() => <ExportButton name={name} columns={columns} rows={report.lines} />}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>
            <Typography.Text strong>{t('ent.line.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            <Typography.Text strong data-testid="total-equivalent">
              {tce.format(report.tceEquivalent)}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">
            <Typography.Text strong data-testid="total-equivalent-input">
              {tce.format(report.tceEquivalentInput)}
            </Typography.Text>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
