import { Alert, App, Col, Form, Input, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import type { Me } from '../auth/queries';
import { localRegions, type Region } from '../org/queries';
import { CLASSIFIED_FIELDS, ENTERPRISE_FIELDS, type EnterpriseFormValues, enterprisePatch, toEnterpriseBody } from './enterprise-form';
import { type Enterprise, useCreateEnterprise, useUpdateEnterprise } from './queries';
import { markUscc } from './report-form';

type Props = { me: Me; enterprise: Enterprise | 'new' | null; regions: readonly Region[]; onClose: () => void };

/** 企业信息: the registry fields; an enterprise edits only its contacts, the class, USCC and region are the authorities'. */
export function EnterpriseModal({ me, enterprise, regions, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();
  const [usccMark, setUsccMark] = useState<ReturnType<typeof markUscc>>(null);
  const isNew = enterprise === 'new';
  const lockClassified = me.role === 'enterprise';
  const isKey = Form.useWatch('isKeyEnergyUnit', form) === true;
  const pending = create.isPending || update.isPending;
  const error = [create.error, update.error].find((e) => e instanceof ApiError) ?? null;

  useEffect(() => {
    if (enterprise === null) return;
    form.setFieldsValue(isNew ? { regionCode: me.role === 'county' ? (me.regionCode ?? undefined) : undefined, isKeyEnergyUnit: true, keyUnitClass: 'key', isKeyPollutantUnit: false } : enterprise);
  }, [enterprise, isNew, form, me]);

  const onError = (e: Error, uscc: string) => {
    if (!(e instanceof ApiError)) return;
    form.setFields(problemToFields(e, ENTERPRISE_FIELDS));
    setUsccMark(markUscc(uscc, e.errors.find((x) => x.pointer === '#/uscc')?.offset));
  };
  const onFinish = (v: EnterpriseFormValues) => {
    setUsccMark(null);
    const done = { onSuccess: () => (void message.success(t('ent.saved')), onClose()), onError: (e: Error) => onError(e, String(v.uscc ?? '')) };
    if (enterprise === 'new') create.mutate(toEnterpriseBody(v), done);
    else if (enterprise) {
      const patch = enterprisePatch(enterprise, v);
      if (Object.keys(patch).length === 0) onClose();
      else update.mutate({ id: enterprise.id, patch }, done);
    }
  };
  const unmapped = error && problemToFields(error, ENTERPRISE_FIELDS).length === 0;
  const locked = (f: (typeof CLASSIFIED_FIELDS)[number]) => lockClassified && CLASSIFIED_FIELDS.includes(f);
  const lockHint = lockClassified ? t('ent.lockedHint') : undefined;

  return (
    <Modal
      open={enterprise !== null}
      width={760}
      title={isNew ? t('ent.new') : t('ent.editOf', { name: enterprise?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        create.reset();
        update.reset();
        setUsccMark(null);
        form.resetFields();
      }}
      destroyOnHidden
    >
      {unmapped && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
      <Form<EnterpriseFormValues> form={form} name="enterprise" layout="vertical" onFinish={onFinish} disabled={me.role === 'department'}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('ent.field.name')} name="name" rules={[{ required: true, whitespace: true, message: t('ent.field.nameRequired') }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('ent.field.uscc')}
              name="uscc"
              rules={[{ required: true, whitespace: true, message: t('ent.field.usccRequired') }]}
              extra={
                usccMark ? (
                  <span data-testid="uscc-mark">
                    {t('ent.usccAt', { n: usccMark.position })}{' '}
                    <Typography.Text code>
                      {usccMark.before}
                      <mark style={{ background: '#ffccc7', color: '#a8071a', fontWeight: 600 }}>{usccMark.bad}</mark>
                      {usccMark.after}
                    </Typography.Text>
                  </span>
                ) : (
                  (locked('uscc') && lockHint) || t('ent.field.usccHelp')
                )
              }
            >
              <Input maxLength={32} disabled={locked('uscc')} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('ent.field.region')} name="regionCode" rules={[{ required: true, message: t('ent.field.regionRequired') }]} extra={locked('regionCode') ? lockHint : undefined}>
              <Select showSearch optionFilterProp="label" disabled={locked('regionCode')} options={localRegions(regions).map((r) => ({ value: r.code, label: r.name }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.field.industryCode')} name="industryCode" extra={t('ent.field.industryCodeHelp')}>
              <Input maxLength={5} placeholder="C3011" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.field.industry')} name="industry">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('ent.field.isKeyEnergyUnit')} name="isKeyEnergyUnit" valuePropName="checked">
              <Switch disabled={locked('isKeyEnergyUnit')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={10}>
            <Form.Item label={t('ent.field.keyUnitClass')} name="keyUnitClass" extra={t('ent.field.keyUnitClassHelp')}>
              <Radio.Group
                disabled={locked('keyUnitClass') || !isKey}
                options={[
                  { value: 'key', label: t('ent.class.key') },
                  { value: 'designatable', label: t('ent.class.designatable') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label={t('ent.field.isKeyPollutantUnit')} name="isKeyPollutantUnit" valuePropName="checked">
              <Switch disabled={locked('isKeyPollutantUnit')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label={t('ent.field.energyManager')} name="energyManager">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label={t('ent.field.energyManagerPhone')} name="energyManagerPhone">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('ent.field.contact')} name="contact">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
