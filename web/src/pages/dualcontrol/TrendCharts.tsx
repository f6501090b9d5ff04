import { Col, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { Chart } from '../../components/Chart';
import { gdpTrendOption, reductionTrendOption, totalTrendOption } from './charts';
import type { Evaluation } from './queries';

function Titled({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Typography.Title level={4} style={{ fontSize: 14, margin: '8px 0 4px' }}>
        {title}
      </Typography.Title>
      {children}
    </>
  );
}

/** A region's trends by year (lazy: it pulls in ECharts): intensity reduction vs its path, total vs target, GDP. */
export default function TrendCharts({ name, rows }: { name: string; rows: readonly Evaluation[] }) {
  const { t } = useI18n();
  const tce = t('energy.unit.tce');
  const reduction = useMemo(() => reductionTrendOption(rows, { actual: t('energy.series.cumulative'), target: t('energy.series.progress') }), [rows, t]);
  const total = useMemo(() => totalTrendOption(rows, { actual: t('energy.series.assessed'), planned: t('energy.series.planned'), adjusted: t('energy.series.adjusted'), unit: tce }), [rows, t, tce]);
  const gdp = useMemo(() => gdpTrendOption(rows, { gdp: t('energy.series.gdp'), unit: t('energy.unit.yuan') }), [rows, t]);
  const charts = [
    { title: t('energy.chart.reduction', { name }), option: reduction },
    { title: t('energy.chart.total', { name }), option: total },
    { title: t('energy.chart.gdp', { name }), option: gdp },
  ];
  return (
    <Row gutter={[16, 8]}>
      {charts.map((c) => (
        <Col key={c.title} xs={24} xl={8}>
          <Titled title={c.title}>
            <Chart option={c.option} label={c.title} style={{ height: 260 }} />
          </Titled>
        </Col>
      ))}
    </Row>
  );
}
