import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { HiddenLabel } from '../../components/HiddenLabel';
import { problemDetail } from '../../components/problem-text';
import { type EnergyReport, useSubmitReport } from './queries';
import type { CarrierOption } from './reference';
import { problemToPaths, type ReportFormValues, reportFormHas, toReportBody } from './report-form';

type Props = { enterpriseId: number; year: number; carriers: readonly CarrierOption[]; correcting: boolean; onFiled: (r: EnergyReport) => void };

/** 能源利用状况报告填报: energy by carrier (in its usual unit), products, saving projects, and the reasons asked for. */
export function ReportForm({ enterpriseId, year, carriers, correcting, onFiled }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFormValues>();
  const submit = useSubmitReport(enterpriseId);
  const lines = Form.useWatch('lines', form);
  const unitOf = new Map(carriers.map((c) => [c.code, c.unit]));

  const { reset } = submit;
  useEffect(() => {
    reset();
  }, [enterpriseId, year, reset]);

  const onFinish = (v: ReportFormValues) => {
    submit.mutate(toReportBody(year, v, carriers), {
      onSuccess: (r) => {
        void message.success(t('ent.report.filed'));
        form.resetFields();
        onFiled(r);
      },
      onError: (e) => {
        // Cast: problemToPaths keeps only the paths reportFormHas admits, which are fields of this form.
        if (e instanceof ApiError) form.setFields(problemToPaths(e, reportFormHas) as Parameters<typeof form.setFields>[0]);
      },
    });
  };
  const error = submit.error instanceof ApiError ? submit.error : null;
  const unmapped = error && problemToPaths(error, reportFormHas).length === 0;

  return (
    <Form<ReportFormValues> form={form} name="ent-report" layout="vertical" onFinish={onFinish} initialValues={{ lines: [{}], products: [], savingProjects: [] }}>
      {unmapped && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
      <Typography.Text strong>{t('ent.report.lines')}</Typography.Text>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => {
              const unit = unitOf.get(lines?.[name]?.carrier ?? '') ?? '—';
              return (
                <Row key={key} gutter={8} align="top" style={{ marginTop: 8 }}>
                  <Col xs={24} md={7}>
                    {/* AntD's Select would put an aria-label on its wrapper too: a hidden label names only the input. */}
                    <HiddenLabel htmlFor={`ent-report_lines_${name}_carrier`}>{t('ent.line.carrierOf', { n: name + 1 })}</HiddenLabel>
                    <Form.Item name={[name, 'carrier']} label={t('ent.line.carrier')} rules={[{ required: true, message: t('ent.line.carrierRequired') }]}>
                      <Select id={`ent-report_lines_${name}_carrier`} showSearch optionFilterProp="label" options={carriers.map((c) => ({ value: c.code, label: c.name }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item label={t('ent.line.quantity')} htmlFor={`ent-line-${name}-quantity`} required>
                      <Space.Compact block>
                        <Form.Item name={[name, 'quantity']} noStyle rules={[{ required: true, message: t('ent.line.quantityRequired') }]}>
                          <InputNumber id={`ent-line-${name}-quantity`} aria-label={t('ent.line.quantityOf', { n: name + 1 })} min={0} style={{ width: '100%' }} />
                        </Form.Item>
                        <Space.Addon style={{ whiteSpace: 'nowrap' }}>{unit}</Space.Addon>
                      </Space.Compact>
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={8}>
                    <Form.Item name={[name, 'measuredLhvKj']} label={t('ent.line.lhv')} tooltip={t('ent.line.lhvHelp')}>
                      <InputNumber aria-label={t('ent.line.lhvOf', { n: name + 1 })} min={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={2} style={{ paddingTop: 34 }}>
                    <MinusCircleOutlined aria-label={t('ent.removeRow')} onClick={() => remove(name)} />
                  </Col>
                </Row>
              );
            })}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('ent.report.addLine')}
            </Button>
          </>
        )}
      </Form.List>
      <Divider />
      <Typography.Text strong>{t('ent.report.products')}</Typography.Text>
      <Form.List name="products">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Row key={key} gutter={8} style={{ marginTop: 8 }}>
                <Col xs={24} md={8}>
                  <Form.Item name={[name, 'product']} label={t('ent.product.name')} rules={[{ required: true, whitespace: true, message: t('ent.product.nameRequired') }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={5}>
                  <Form.Item name={[name, 'output']} label={t('ent.product.output')} rules={[{ required: true, message: t('ent.product.outputRequired') }]}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={6} md={4}>
                  <Form.Item name={[name, 'unit']} label={t('ent.product.unit')} rules={[{ required: true, whitespace: true, message: t('ent.product.unitRequired') }]}>
                    <Input maxLength={20} placeholder="t" />
                  </Form.Item>
                </Col>
                <Col xs={8} md={5}>
                  <Form.Item name={[name, 'energyTce']} label={t('ent.product.energyTce')}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={2} md={2} style={{ paddingTop: 34 }}>
                  <MinusCircleOutlined aria-label={t('ent.removeRow')} onClick={() => remove(name)} />
                </Col>
              </Row>
            ))}
            <div style={{ marginTop: 8 }}>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('ent.report.addProduct')}
              </Button>
            </div>
          </>
        )}
      </Form.List>
      <Divider />
      <Typography.Text strong>{t('ent.report.savingProjects')}</Typography.Text>
      <Form.List name="savingProjects">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Row key={key} gutter={8} style={{ marginTop: 8 }}>
                <Col xs={24} md={8}>
                  <Form.Item name={[name, 'name']} label={t('ent.saving.name')} rules={[{ required: true, whitespace: true, message: t('ent.saving.nameRequired') }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={5}>
                  <Form.Item name={[name, 'investment']} label={t('ent.saving.investment')}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={5}>
                  <Form.Item name={[name, 'savingTce']} label={t('ent.saving.savingTce')}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={6} md={4}>
                  <Form.Item name={[name, 'status']} label={t('ent.saving.status')} initialValue="planned">
                    <Select
                      options={(['planned', 'in-progress', 'completed'] as const).map((s) => ({ value: s, label: t(`ent.saving.status.${s}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={2} md={2} style={{ paddingTop: 34 }}>
                  <MinusCircleOutlined aria-label={t('ent.removeRow')} onClick={() => remove(name)} />
                </Col>
              </Row>
            ))}
            <div style={{ marginTop: 8 }}>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ status: 'planned' })}>
                {t('ent.report.addSaving')}
              </Button>
            </div>
          </>
        )}
      </Form.List>
      <Divider />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="changeReason" label={t('ent.report.changeReason')} extra={t('ent.report.changeReasonHelp')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        {correcting && (
          <Col xs={24} md={12}>
            <Form.Item name="correctionReason" label={t('ent.report.correctionReason')} extra={t('ent.report.correctionReasonHelp')} rules={[{ required: true, whitespace: true, message: t('ent.report.correctionReasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t(correcting ? 'ent.report.submitCorrection' : 'ent.report.submit')}
      </Button>
    </Form>
  );
}
