import { Alert, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { MethodId, Pollutant } from '../../../../src/domain/reduction/model';
import { useI18n } from '../../app/i18n-context';
import { methodKey, pollutantKey } from './labels';
import { PARAM_SPECS, type ParamSpec } from './params';

type Props = {
  method: MethodId;
  pollutants: readonly Pollutant[];
  /** The form's field holding the params. */
  prefix?: string[];
};

/**
 * The method's parameters as reduction.md §3 names them, each with its unit; a per-pollutant parameter (concentrations,
 * factors, efficiencies) has one input per pollutant of the project. Ranges are left to the engine (C4 rejects with a reason).
 */
export function ParamFields({ method, pollutants, prefix = ['params'] }: Props) {
  const { t } = useI18n();
  return (
    <section aria-label={t('reduction.param.title', { method: t(methodKey(method)) })}>
      <Typography.Title level={3} style={{ fontSize: 15, margin: '8px 0 12px' }}>
        {t('reduction.param.title', { method: t(methodKey(method)) })}
      </Typography.Title>
      {method === 'NET' && <Alert type="info" showIcon message={t('reduction.param.networkNote')} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        {PARAM_SPECS[method].map((spec) => (
          <ParamField key={spec.name} spec={spec} pollutants={pollutants} prefix={prefix} />
        ))}
      </Row>
    </section>
  );
}

function ParamField({ spec, pollutants, prefix }: { spec: ParamSpec; pollutants: readonly Pollutant[]; prefix: string[] }) {
  const { t } = useI18n();
  const label = t(spec.label);
  const rules = spec.required ? [{ required: true, message: t('reduction.param.required', { param: label }) }] : [];
  if (spec.kind === 'pollutants') {
    return (
      <Col xs={24} md={12}>
        <Form.Item label={label} required={spec.required} style={{ marginBottom: 0 }}>
          <Row gutter={8}>
            {pollutants.map((p) => {
              const name = t(pollutantKey(p));
              return (
                <Col key={p} span={pollutants.length > 1 ? 12 : 24}>
                  <Form.Item name={[...prefix, spec.name, p]} rules={spec.required ? [{ required: true, message: t('reduction.param.required', { param: t('reduction.param.of', { param: label, pollutant: name }) }) }] : []}>
                    <InputNumber aria-label={t('reduction.param.of', { param: label, pollutant: name })} prefix={<span style={{ color: '#8c8c8c' }}>{p}</span>} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
        </Form.Item>
      </Col>
    );
  }
  return (
    <Col xs={24} md={12}>
      <Form.Item label={label} name={[...prefix, spec.name]} rules={rules}>
        {spec.kind === 'number' ? (
          <InputNumber style={{ width: '100%' }} />
        ) : spec.kind === 'vins' ? (
          <Input.TextArea rows={3} maxLength={17 * 2000} />
        ) : (
          <Input maxLength={200} />
        )}
      </Form.Item>
    </Col>
  );
}
