import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Flex, Row, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { Chart } from '../../components/Chart';
import { ExportButton } from '../../components/ExportButton';
import { HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { regionsQuery } from '../org/queries';
import { referenceQuery } from '../settings/queries';
import { benchmarkShareOption, type IndustryShare, toPercent } from './charts';
import { type BenchmarkShare, benchmarksQuery } from './queries';
import { ProductLineForm } from './ProductLineForm';
import { benchmarksOf } from './reference';
import { canFile } from './roles';
import { reportYears } from './years';

type Below = BenchmarkShare['belowBaseline'][number];

/** 能效标杆: per industry, the capacity share at benchmark against the plan's "超过 30%"; the below-baseline lines; entering a line. */
export function BenchmarksTab({ me, year, onYear }: { me: Me; year: number; onYear: (y: number) => void }) {
  const { t } = useI18n();
  const share = useQuery(benchmarksQuery(year));
  const reference = useQuery(referenceQuery());
  const regions = useQuery(regionsQuery());
  const catalogue = useMemo(() => benchmarksOf(reference.data ?? [], year), [reference.data, year]);
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const goal = share.data?.goalShare ?? catalogue?.goalShare ?? 0.3;
  const option = useMemo(() => {
    if (!share.data) return null;
    const labels = {
      share: t('ent.bench.share'),
      goal: t('ent.bench.goalLine', { pct: toPercent(share.data.goalShare) }),
      bar: (pct: number, met: boolean) => t('ent.bench.barLabel', { pct, verdict: t(met ? 'ent.bench.met' : 'ent.bench.notMet') }),
    };
    return benchmarkShareOption(share.data.industries, share.data.goalShare, labels);
  }, [share.data, t]);

  const industryCols: ExportColumn<IndustryShare>[] = [
    { title: t('ent.bench.industry'), dataIndex: 'industry', width: 120 },
    { title: t('ent.bench.units'), dataIndex: 'units', width: 90, align: 'right' },
    { title: t('ent.bench.share'), dataIndex: 'share', width: 120, align: 'right', render: (s: number | null) => (s === null ? '—' : `${toPercent(s)}%`), exportValue: (r) => (r.share === null ? null : toPercent(r.share)) },
    {
      title: t('ent.bench.verdict'),
      dataIndex: 'meetsGoal',
      width: 120,
      render: (m: boolean) => <Tag color={m ? 'green' : 'orange'}>{t(m ? 'ent.bench.met' : 'ent.bench.notMet')}</Tag>,
      exportValue: (r) => t(r.meetsGoal ? 'ent.bench.met' : 'ent.bench.notMet'),
    },
  ];
  const belowCols: ExportColumn<Below>[] = [
    { title: t('ent.field.name'), dataIndex: 'enterpriseName', width: 200 },
    { title: t('ent.field.region'), dataIndex: 'regionCode', width: 100, render: (c: string) => regionName(c), exportValue: (r) => regionName(r.regionCode) },
    { title: t('ent.bench.product'), dataIndex: 'product', width: 160 },
    { title: t('ent.bench.capacity'), dataIndex: 'capacity', width: 120, align: 'right', render: (c: number, r) => `${c} ${r.capacityUnit}`, exportValue: (r) => r.capacity },
    { title: t('ent.bench.capacityUnit'), dataIndex: 'capacityUnit', hidden: true, exportValue: (r) => r.capacityUnit },
    { title: t('ent.bench.unitConsumption'), dataIndex: 'unitConsumption', width: 140, align: 'right', render: (v: number, r) => `${v} ${r.unit}`, exportValue: (r) => r.unitConsumption },
    { title: t('ent.bench.baseline'), dataIndex: 'baseline', width: 140, align: 'right', render: (v: number, r) => `${v} ${r.unit}`, exportValue: (r) => r.baseline },
    { title: t('ent.bench.unit'), dataIndex: 'unit', hidden: true, exportValue: (r) => r.unit },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        <HiddenLabel htmlFor="ent-bench-year">{t('ent.reportYear')}</HiddenLabel>
        <Select id="ent-bench-year" style={{ width: 120 }} value={year} onChange={onYear} options={reportYears(new Date()).map((y) => ({ value: y, label: t('ent.yearOption', { year: y }) }))} />
        <Typography.Text type="secondary">{t('ent.bench.goalHelp', { pct: toPercent(goal) })}</Typography.Text>
      </Flex>
      {share.isError ? (
        <QueryError error={share.error} onRetry={() => void share.refetch()} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('ent.bench.chartTitle', { year })}>
              {option && share.data && share.data.industries.some((i) => i.share !== null) ? (
                <Chart option={option} label={t('ent.bench.chartLabel')} style={{ height: 340 }} />
              ) : (
                <Empty description={t('ent.bench.none')} />
              )}
              {share.data && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>{t('ent.bench.source', { source: share.data.source })}</Typography.Paragraph>}
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Table<IndustryShare>
              aria-label={t('ent.bench.byIndustry')}
              rowKey="industry"
              size="small"
              loading={share.isPending}
              columns={industryCols}
              dataSource={share.data?.industries}
              pagination={false}
              title={() => <TableTitle extra={<ExportButton name={t('ent.bench.byIndustry')} columns={industryCols} rows={share.data?.industries} />}>{t('ent.bench.byIndustry')}</TableTitle>}
            />
          </Col>
        </Row>
      )}
      {share.data && share.data.belowBaseline.length > 0 && <Alert type="warning" showIcon message={t('ent.bench.belowAlert', { n: share.data.belowBaseline.length })} />}
      <Table<Below>
        aria-label={t('ent.bench.below')}
        rowKey={(r) => `${r.enterpriseId}:${r.product}`}
        size="small"
        loading={share.isPending}
        columns={belowCols}
        dataSource={share.data?.belowBaseline}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        title={() => <TableTitle extra={<ExportButton name={t('ent.bench.below')} columns={belowCols} rows={share.data?.belowBaseline} />}>{t('ent.bench.below')}</TableTitle>}
      />
      {canFile(me) && (
        <Card size="small" title={t('ent.bench.lineTitle', { year })}>
          <ProductLineForm me={me} year={year} products={catalogue?.products ?? []} />
        </Card>
      )}
    </Flex>
  );
}
