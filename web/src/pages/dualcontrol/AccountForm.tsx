import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { EnergyPeriod } from '../../../../src/modules/dualcontrol/schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import type { MessageKey } from '../../../../src/i18n/index';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import type { Region } from '../org/queries';
import { ACCOUNT_FIELDS, type AccountFormValues, formFieldOf, isBasePeriod, periodState, toAccountBody } from './account-form';
import { type Account, useSubmitAccount } from './queries';

type AmountField = 'gdpCurrent' | 'gdpGrowthPercent' | 'energy' | 'coal' | 'nonFossil' | 'renewableElectricity' | 'feedstock' | 'listedProjects';

/** A number with its unit after it; the Form.Item shows the label and the (server's) errors. */
function Amount({ name, label, unit, help, required, min = 0 }: { name: AmountField; label: string; unit: string; help?: string; required?: boolean; min?: number }) {
  return (
    <Form.Item label={label} htmlFor={`energy-account_${name}`} required={required} extra={help}>
      <Space.Compact block>
        <Form.Item name={name} noStyle>
          <InputNumber id={`energy-account_${name}`} style={{ width: '100%' }} min={min} />
        </Form.Item>
        <Space.Addon style={{ whiteSpace: 'nowrap' }}>{unit}</Space.Addon>
      </Space.Compact>
    </Form.Item>
  );
}

type Props = {
  /** The county the form enters for, fixed for a county user; the city picks one. */
  regionCode: string | null;
  regions: readonly Region[] | null;
  accounts: readonly Account[];
  onRegion?: (code: string) => void;
};

/** 能源数据填报: a period's figures for a county; the server's field errors land on the fields. */
export function AccountForm({ regionCode, regions, accounts, onRegion }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountFormValues>();
  const submit = useSubmitAccount();
  const periodKey = Form.useWatch('periodKey', form) ?? '';
  const base = isBasePeriod(periodKey);
  const state = regionCode && EnergyPeriod.safeParse(periodKey).success ? periodState(accounts, regionCode, periodKey) : null;
  const correcting = state?.hasApproved ?? false;
  const tce = t('energy.unit.tce');

  // A refusal belongs to the period it was about: clear it when the period or region changes.
  const { reset } = submit;
  useEffect(() => {
    reset();
  }, [periodKey, regionCode, reset]);

  const onFinish = (v: AccountFormValues) => {
    if (!regionCode) return;
    submit.mutate(toAccountBody(regionCode, v, correcting), {
      onSuccess: () => {
        void message.success(t('energy.account.submitted'));
        form.resetFields();
      },
      onError: (e) => {
        if (e instanceof ApiError) form.setFields(problemToFields(e, ACCOUNT_FIELDS).map((f) => ({ ...f, name: formFieldOf(f.name) as keyof AccountFormValues })));
      },
    });
  };
  const error = submit.error instanceof ApiError ? submit.error : null;
  const unmapped = error && problemToFields(error, ACCOUNT_FIELDS).length === 0;
  const label = (k: MessageKey) => t(k);

  return (
    <Form<AccountFormValues> form={form} name="energy-account" layout="vertical" onFinish={onFinish} disabled={!regionCode} initialValues={{ periodKey: '' }}>
      <Row gutter={16}>
        {regions && (
          <Col xs={24} md={8}>
            <Form.Item label={t('energy.account.region')} htmlFor="energy-account-region" required>
              <Select id="energy-account-region" showSearch optionFilterProp="label" value={regionCode ?? undefined} onChange={onRegion} options={regions.map((r) => ({ value: r.code, label: r.name }))} disabled={false} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item
            label={t('energy.field.periodKey')}
            name="periodKey"
            extra={t('energy.field.periodHelp')}
            validateFirst
            rules={[
              { required: true, whitespace: true, message: t('energy.field.periodRequired') },
              { pattern: /^\d{4}(-M(0[1-9]|1[0-2]))?$/, message: t('energy.field.periodFormat') },
            ]}
          >
            <Input placeholder="2024 / 2024-M06" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {base ? (
            <Amount name="gdpCurrent" label={label('energy.field.gdpCurrent')} unit={t('energy.unit.yuan')} help={t('energy.field.gdpCurrentHelp')} required />
          ) : (
            <Amount name="gdpGrowthPercent" label={label('energy.field.gdpGrowth')} unit="%" help={t('energy.field.gdpGrowthHelp')} required min={-99} />
          )}
        </Col>
        <Col xs={24} md={8}>
          <Amount name="energy" label={label('energy.field.energy')} unit={tce} required />
        </Col>
        <Col xs={24} md={8}>
          <Amount name="coal" label={label('energy.field.coal')} unit={tce} />
        </Col>
        <Col xs={24} md={8}>
          <Amount name="nonFossil" label={label('energy.field.nonFossil')} unit={tce} />
        </Col>
        <Col xs={24} md={8}>
          <Amount name="renewableElectricity" label={label('energy.field.renewableElectricity')} unit={t('energy.unit.kwh')} />
        </Col>
        <Col xs={24} md={8}>
          <Amount name="feedstock" label={label('energy.field.feedstock')} unit={tce} />
        </Col>
        <Col xs={24} md={8}>
          <Amount name="listedProjects" label={label('energy.field.listedProjects')} unit={tce} />
        </Col>
        <Col xs={24}>
          <Form.Item label={t('energy.field.note')} name="note">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        {correcting && (
          <Col xs={24}>
            <Alert type="warning" showIcon message={t('energy.account.correcting')} style={{ marginBottom: 12 }} />
            <Form.Item label={t('energy.field.correctionReason')} name="correctionReason" rules={[{ required: true, whitespace: true, message: t('energy.field.correctionRequired') }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {state?.isPending && state.latest && <Alert type="info" showIcon message={t('energy.account.pending', { revision: state.latest.revision })} style={{ marginBottom: 12 }} />}
      {unmapped && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={submit.isPending} disabled={!regionCode || state?.isPending}>
        {t('energy.account.submit')}
      </Button>
    </Form>
  );
}
