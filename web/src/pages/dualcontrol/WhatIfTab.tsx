import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemDetail } from '../../components/problem-text';
import type { Me } from '../auth/queries';
import { regionsQuery } from '../org/queries';
import { formatAmount, formatRate, levelLabelKey, percentToFraction } from './levels';
import { WHAT_IF_YEARS } from './period';
import { seriesQuery, type Target, type WhatIf, type WhatIfAsk, whatIfQuery } from './queries';
import { plannedTotal } from './what-if';

type Values = { region?: string; year: number; growthPercent?: number | null; plannedEnergy?: number | null; projectTce?: number | null };

function NumberField({ name, label, unit, help, required, min = 0 }: { name: keyof Values; label: string; unit: string; help?: string; required?: boolean; min?: number }) {
  return (
    <Form.Item label={label} htmlFor={`energy-whatif_${name}`} required={required} extra={help}>
      <Space.Compact block>
        <Form.Item name={name} noStyle rules={required ? [{ required: true, message: label }] : []}>
          <InputNumber id={`energy-whatif_${name}`} style={{ width: '100%' }} min={min} />
        </Form.Item>
        <Space.Addon style={{ whiteSpace: 'nowrap' }}>{unit}</Space.Addon>
      </Space.Compact>
    </Form.Item>
  );
}

/** The answer in plain words: the most energy that stays green, what binds it, and how a plan would be rated. */
function WhatIfAnswer({ answer, name, projectNote }: { answer: WhatIf; name: string; projectNote: string | null }) {
  const { t } = useI18n();
  const tce = (n: number | null) => formatAmount(n);
  const p = answer.planned;
  const change = (r: number) => (r >= 0 ? t('energy.why.fell', { rate: formatRate(r) }) : t('energy.why.rose', { rate: formatRate(-r) }));
  return (
    <Card size="small" title={t('energy.whatIf.answer')} role="region" aria-label={t('energy.whatIf.answer')}>
      <Typography.Paragraph strong style={{ fontSize: 16 }}>
        {t('energy.whatIf.max', { name, year: answer.year, growth: formatRate(answer.gdpGrowth, 1), max: tce(answer.maxEnergy) })}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {answer.binding === 'intensity'
          ? t('energy.whatIf.bindingIntensity', { year: answer.year, required: formatRate(answer.requiredReduction), bound: tce(answer.intensityBound), other: tce(answer.totalBound) })
          : t('energy.whatIf.bindingTotal', { bound: tce(answer.totalBound), other: tce(answer.intensityBound), required: formatRate(answer.requiredReduction) })}
      </Typography.Paragraph>
      {answer.incentiveBound !== null && <Typography.Paragraph>{t('energy.whatIf.incentive', { bound: tce(answer.incentiveBound) })}</Typography.Paragraph>}
      {p && p.energy !== null && (
        <Alert
          type={p.intensity === 1 || p.total === 1 ? 'error' : p.intensity === 2 || p.total === 2 ? 'warning' : 'success'}
          showIcon
          message={t('energy.whatIf.plan', {
            energy: tce(p.energy),
            change: change(p.annualReduction),
            intensity: t(levelLabelKey(p.intensity)),
            total: p.exempt ? t('energy.whatIf.exempt') : t(levelLabelKey(p.total)),
          })}
          description={projectNote ?? undefined}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        {t('energy.whatIf.basis', { year: answer.year })}
      </Typography.Paragraph>
    </Card>
  );
}

/** 测算: for a county, year and GDP growth, the most energy that stays green; optionally rates a planned total or project. */
export function WhatIfTab({ me, targets }: { me: Me; targets: readonly Target[] | undefined }) {
  const { t } = useI18n();
  const regions = useQuery(regionsQuery());
  const [form] = Form.useForm<Values>();
  const [asked, setAsked] = useState<(WhatIfAsk & { projectTce: number | null; planned: number | null }) | null>(null);
  const withTarget = (targets ?? []).map((x) => x.regionCode);
  const options = (regions.data ?? []).filter((r) => withTarget.includes(r.code)).map((r) => ({ value: r.code, label: r.name }));
  const fixedRegion = me.role === 'county' ? me.regionCode : null;
  const series = useQuery({ ...seriesQuery(asked?.region ?? ''), enabled: asked !== null && asked.projectTce !== null && asked.planned === null });
  const lastYear = series.data?.rows.find((r) => r.year === (asked?.year ?? 0) - 1)?.energy ?? null;
  const planned = asked ? plannedTotal(asked.planned, asked.projectTce, lastYear) : null;
  const waitingForSeries = asked !== null && asked.projectTce !== null && asked.planned === null && series.isPending;
  const query = asked && !waitingForSeries ? { region: asked.region, year: asked.year, gdpGrowth: asked.gdpGrowth, plannedEnergy: planned } : null;
  const answer = useQuery({ ...whatIfQuery(query ?? { region: '', year: 0, gdpGrowth: 0 }), enabled: query !== null });
  const name = regions.data?.find((r) => r.code === asked?.region)?.name ?? asked?.region ?? '';
  const projectNote =
    asked?.projectTce != null && planned !== null
      ? t('energy.whatIf.projectNote', { tce: formatAmount(asked.projectTce, 0), wan: formatAmount(asked.projectTce / 10000, 4), base: formatAmount(asked.planned ?? lastYear) })
      : null;

  const onFinish = (v: Values) => {
    const region = fixedRegion ?? v.region;
    const growth = percentToFraction(v.growthPercent);
    if (!region || growth === null) return;
    setAsked({ region, year: v.year, gdpGrowth: growth, planned: v.plannedEnergy ?? null, projectTce: v.projectTce ?? null });
  };
  const error = answer.error instanceof ApiError ? answer.error : null;

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={10}>
        <Form<Values> form={form} name="energy-whatif" layout="vertical" onFinish={onFinish} initialValues={{ year: WHAT_IF_YEARS[0], region: fixedRegion ?? undefined }}>
          {fixedRegion ? null : (
            <Form.Item label={t('energy.whatIf.region')} name="region" rules={[{ required: true, message: t('energy.whatIf.regionRequired') }]} extra={options.length ? undefined : t('energy.whatIf.noTargets')}>
              <Select showSearch optionFilterProp="label" options={options} loading={regions.isPending} />
            </Form.Item>
          )}
          <Form.Item label={t('energy.whatIf.year')} name="year">
            <Select options={WHAT_IF_YEARS.map((y) => ({ value: y, label: t('reporting.yearOption', { year: y }) }))} />
          </Form.Item>
          <NumberField name="growthPercent" label={t('energy.whatIf.growth')} unit="%" required min={-50} help={t('energy.whatIf.growthHelp')} />
          <NumberField name="plannedEnergy" label={t('energy.whatIf.planned')} unit={t('energy.unit.tce')} />
          <NumberField name="projectTce" label={t('energy.whatIf.project')} unit={t('energy.unit.tceTon')} help={t('energy.whatIf.projectHelp')} />
          <Button type="primary" htmlType="submit" loading={answer.isFetching || waitingForSeries}>
            {t('energy.whatIf.run')}
          </Button>
        </Form>
      </Col>
      <Col xs={24} lg={14}>
        {error ? (
          <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} />
        ) : answer.data ? (
          <WhatIfAnswer answer={answer.data} name={name} projectNote={projectNote} />
        ) : (
          <Typography.Paragraph type="secondary">{t('energy.whatIf.hint')}</Typography.Paragraph>
        )}
      </Col>
    </Row>
  );
}
