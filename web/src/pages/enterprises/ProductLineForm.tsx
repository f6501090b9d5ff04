import { useQuery } from '@tanstack/react-query';
import { FormProblem } from '../../components/FormProblem';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import type { Me } from '../auth/queries';
import { CLASS_COLOR, classKey } from './labels';
import { enterprisesQuery, type ProductLine, useSetProductLine } from './queries';
import type { BenchmarkProduct } from './reference';

const FIELDS = ['productCode', 'capacity', 'capacityUnit', 'unitConsumption'] as const;
type Values = { enterpriseId?: number; productCode?: string; capacity?: number; capacityUnit?: string; unitConsumption?: number };

/** 产品能效: an enterprise's capacity and unit consumption for a benchmarked product; answers its class. */
export function ProductLineForm({ me, year, products }: { me: Me; year: number; products: readonly BenchmarkProduct[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const enterprises = useQuery({ ...enterprisesQuery({}), enabled: me.role !== 'enterprise' });
  const chosen = Form.useWatch('enterpriseId', form);
  const enterpriseId = me.role === 'enterprise' ? me.enterpriseId : (chosen ?? null);
  const set = useSetProductLine(enterpriseId ?? 0);
  const [saved, setSaved] = useState<ProductLine | null>(null);
  const code = Form.useWatch('productCode', form);
  const product = products.find((p) => p.code === code);

  const onFinish = (v: Values) => {
    if (!enterpriseId || !v.productCode) return;
    setSaved(null);
    set.mutate(
      { year, productCode: v.productCode, capacity: v.capacity ?? 0, capacityUnit: v.capacityUnit?.trim() ?? '', unitConsumption: v.unitConsumption ?? 0 },
      {
        onSuccess: (line) => setSaved(line),
        onError: (e) => {
          if (e instanceof ApiError) form.setFields(problemToFields(e, FIELDS));
        },
      },
    );
  };
  const error = set.error instanceof ApiError ? set.error : null;
  return (
    <Form<Values> form={form} name="ent-product-line" layout="vertical" onFinish={onFinish} initialValues={{ capacityUnit: '万吨' }}>
      <FormProblem error={error} fields={FIELDS} />
      <Row gutter={12}>
        {me.role !== 'enterprise' && (
          <Col xs={24} md={6}>
            <Form.Item name="enterpriseId" label={t('ent.pickEnterprise')} rules={[{ required: true, message: t('ent.pickEnterpriseFirst') }]}>
              <Select showSearch optionFilterProp="label" options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={6}>
          <Form.Item name="productCode" label={t('ent.bench.product')} rules={[{ required: true, message: t('ent.bench.productRequired') }]}>
            <Select showSearch optionFilterProp="label" options={products.map((p) => ({ value: p.code, label: `${p.name}（${p.industry}）` }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="capacity" label={t('ent.bench.capacity')} rules={[{ required: true, message: t('ent.bench.capacityRequired') }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={3}>
          <Form.Item name="capacityUnit" label={t('ent.bench.capacityUnit')} rules={[{ required: true, whitespace: true, message: t('ent.bench.capacityUnitRequired') }]}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item label={t('ent.bench.unitConsumption')} htmlFor="ent-line-consumption" required extra={product ? t('ent.bench.levels', { benchmark: product.benchmark, baseline: product.baseline, unit: product.unit }) : undefined}>
            <Space.Compact block>
              <Form.Item name="unitConsumption" noStyle rules={[{ required: true, message: t('ent.bench.unitConsumptionRequired') }]}>
                <InputNumber id="ent-line-consumption" style={{ width: '100%' }} />
              </Form.Item>
              <Space.Addon style={{ whiteSpace: 'nowrap' }}>{product?.unit ?? '—'}</Space.Addon>
            </Space.Compact>
          </Form.Item>
        </Col>
      </Row>
      <Space align="center">
        <Button type="primary" htmlType="submit" loading={set.isPending}>
          {t('ent.bench.save')}
        </Button>
        {saved && (
          <Typography.Text role="status">
            {t('ent.bench.savedAs', { product: saved.productName })} <Tag color={CLASS_COLOR[saved.class]}>{t(classKey(saved.class))}</Tag>
          </Typography.Text>
        )}
      </Space>
    </Form>
  );
}
