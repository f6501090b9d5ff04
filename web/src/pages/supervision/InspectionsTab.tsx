import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { INSPECTION_TOPICS } from '../../../../src/domain/supervision/reference';
import type { MessageKey } from '../../../../src/i18n/index';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { enterprisesQuery } from '../enterprises/queries';
import { regionsQuery } from '../org/queries';
import { InspectionDrawer } from './inspection-drawer';
import { countiesQuery, type InspectionFilter, inspectionsQuery, ledgerUrl, plansQuery, useApprovePlan, useCreateInspection, useCreatePlan } from './inspection-queries';

const THIS_YEAR = new Date().getFullYear();

/**
 * 节能监察 (issue #11): the year's plans, the inspections (filters by county, status, year) with the drawer of one,
 * the county-by-county view and the ledger download. Transfers are answered in the 整改通知 tab.
 */
export function InspectionsTab() {
  const { t } = useI18n();
  const me = useMe();
  const [filter, setFilter] = useState<InspectionFilter>({ year: THIS_YEAR });
  const year = filter.year ?? THIS_YEAR;
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState<'plan' | 'inspection' | null>(null);
  const regions = useQuery(regionsQuery());
  const list = useQuery({ ...inspectionsQuery(filter), retry: false });
  const plans = useQuery({ ...plansQuery(year), retry: false });
  const counties = useQuery({ ...countiesQuery(year), retry: false });
  const approve = useApprovePlan();
  const counties_ = regions.data?.filter((r) => r.kind !== 'city') ?? [];
  if (list.error) return <Alert type="warning" message={list.error.message} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Space wrap>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => setFilter({ ...filter, year: v ?? THIS_YEAR })} addonBefore={t('supervision.field.year')} />
        {me.role !== 'county' && (
          <Select allowClear placeholder={t('supervision.field.region')} style={{ width: 160 }} value={filter.regionCode} onChange={(v) => setFilter({ ...filter, regionCode: v })} options={counties_.map((r) => ({ value: r.code, label: r.name }))} />
        )}
        <Select allowClear placeholder={t('supervision.field.status')} style={{ width: 120 }} value={filter.status} onChange={(v) => setFilter({ ...filter, status: v })} options={(['planned', 'inspected', 'closed'] as const).map((s) => ({ value: s, label: t(`supervision.inspection.status.${s}`) }))} />
        <Button onClick={() => setCreating('plan')}>{t('supervision.plans.new')}</Button>
        <Button type="primary" onClick={() => setCreating('inspection')}>
          {t('supervision.inspections.new')}
        </Button>
        <Button href={ledgerUrl(year)}>{t('supervision.inspections.ledger')}</Button>
      </Space>
      <Card size="small" title={t('supervision.inspections.title')}>
        <Table
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data}
          columns={[
            { title: t('supervision.field.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('supervision.field.region'), dataIndex: 'regionName' },
            { title: t('supervision.field.topics'), render: (_: unknown, r) => r.topics.map((k) => <Tag key={k}>{t(`supervision.topic.${k}` as MessageKey)}</Tag>) },
            { title: t('supervision.field.inspectedOn'), render: (_: unknown, r) => r.inspectedOn ?? r.plannedDate ?? '' },
            { title: t('supervision.field.status'), render: (_: unknown, r) => t(`supervision.inspection.status.${r.status}` as MessageKey) },
            { title: t('supervision.field.findings'), dataIndex: 'findings' },
            { title: t('supervision.field.orders'), render: (_: unknown, r) => <>{r.ordersOpen} {r.ordersOverdue > 0 && <Tag color="red">{t('supervision.order.overdue')} {r.ordersOverdue}</Tag>}</> },
            { title: '', render: (_: unknown, r) => <Button size="small" onClick={() => setOpen(r.id)}>{t('supervision.inspections.open')}</Button> },
          ]}
        />
      </Card>
      <Card size="small" title={t('supervision.plans.title')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={plans.data}
          columns={[
            { title: t('supervision.field.title'), dataIndex: 'title' },
            { title: t('supervision.field.region'), dataIndex: 'regionName' },
            { title: t('supervision.field.count'), dataIndex: 'inspections' },
            { title: t('supervision.field.status'), render: (_: unknown, p) => t(`supervision.plans.status.${p.status}` as MessageKey) },
            { title: '', render: (_: unknown, p) => p.status === 'draft' && <Button size="small" onClick={() => approve.mutate(p.id)}>{t('supervision.plans.approve')}</Button> },
          ]}
        />
      </Card>
      <Card size="small" title={t('supervision.counties.title')}>
        <Table
          size="small"
          rowKey="regionCode"
          pagination={false}
          dataSource={counties.data}
          columns={[
            { title: t('supervision.field.region'), dataIndex: 'regionName' },
            { title: t('supervision.counties.planned'), dataIndex: 'planned' },
            { title: t('supervision.counties.inspected'), dataIndex: 'inspected' },
            { title: t('supervision.field.findings'), dataIndex: 'findings' },
            { title: t('supervision.counties.ordersOpen'), dataIndex: 'ordersOpen' },
            { title: t('supervision.counties.ordersOverdue'), dataIndex: 'ordersOverdue' },
            { title: t('supervision.counties.ordersClosed'), dataIndex: 'ordersClosed' },
          ]}
        />
      </Card>
      {open !== null && <InspectionDrawer id={open} onClose={() => setOpen(null)} />}
      {creating === 'plan' && <PlanDialog year={year} onClose={() => setCreating(null)} />}
      {creating === 'inspection' && <NewInspectionDialog plans={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))} onClose={() => setCreating(null)} />}
    </Space>
  );
}

function PlanDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const regions = useQuery(regionsQuery());
  const create = useCreatePlan();
  const [form] = Form.useForm();
  return (
    <Modal open title={t('supervision.plans.new')} okText={t('supervision.common.save')} cancelText={t('supervision.common.cancel')} confirmLoading={create.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} name="inspection-plan" layout="vertical" initialValues={{ year, regionCode: me.regionCode ?? regions.data?.find((r) => r.kind === 'city')?.code }} onFinish={(v) => create.mutate(v, { onSuccess: onClose })}>
        <Form.Item name="year" label={t('supervision.field.year')}>
          <InputNumber />
        </Form.Item>
        <Form.Item name="regionCode" label={t('supervision.field.region')}>
          <Select disabled={me.role === 'county'} options={regions.data?.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item name="title" label={t('supervision.field.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NewInspectionDialog({ plans, onClose }: { plans: Array<{ value: number; label: string }>; onClose: () => void }) {
  const { t } = useI18n();
  const enterprises = useQuery(enterprisesQuery({}));
  const create = useCreateInspection();
  const [form] = Form.useForm();
  return (
    <Modal open title={t('supervision.inspections.new')} okText={t('supervision.common.save')} cancelText={t('supervision.common.cancel')} confirmLoading={create.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        name="inspection-new"
        layout="vertical"
        onFinish={(v: { enterpriseId: number; topics: string[]; planId?: number; plannedDate?: Dayjs }) =>
          create.mutate({ enterpriseId: v.enterpriseId, topics: v.topics as never, planId: v.planId ?? null, plannedDate: v.plannedDate ? v.plannedDate.format('YYYY-MM-DD') : null }, { onSuccess: onClose })
        }
      >
        <Form.Item name="enterpriseId" label={t('supervision.field.enterprise')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={enterprises.data?.map((e) => ({ value: e.id, label: e.name }))} />
        </Form.Item>
        <Form.Item name="topics" label={t('supervision.field.topics')} rules={[{ required: true }]}>
          <Select mode="multiple" optionFilterProp="label" options={INSPECTION_TOPICS.map((k) => ({ value: k, label: t(`supervision.topic.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="planId" label={t('supervision.field.plan')} extra={t('supervision.inspections.adHoc')}>
          <Select allowClear options={plans} />
        </Form.Item>
        <Form.Item name="plannedDate" label={t('supervision.field.plannedDate')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
