import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, List, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { INSPECTION_TOPICS } from '../../../../src/domain/supervision/reference';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { EvidenceUploadButton } from '../../components/EvidenceUploadButton';
import { problemToFields } from '../../components/form-errors';
import type { MessageKey } from '../../../../src/i18n/index';
import { departmentsQuery } from '../org/queries';
import { evidenceUrl, type InspectionDetail, inspectionQuery, useAddFinding, useFindingEvidence, useIssueOrder, useRecordInspection, useTransfer } from './inspection-queries';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Puts a problem's field errors on the form's fields; what points elsewhere is shown as a message. */
function useFormErrors() {
  const { message } = App.useApp();
  return (form: ReturnType<typeof Form.useForm>[0], fields: readonly string[], e: unknown) => {
    if (!(e instanceof ApiError)) return void message.error(String(e));
    const entries = problemToFields(e, fields);
    if (entries.length) form.setFields(entries);
    else void message.error(e.detail || e.title);
  };
}

/** Clears a field's error (one the server put there) once its value changes: AntD keeps it on a field without rules. */
export function clearErrorsOnChange(form: ReturnType<typeof Form.useForm>[0]) {
  return (changed: Record<string, unknown>) => form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
}

/** One inspection: the on-site record, findings with evidence, transfers, and 整改通知书 issued on chosen findings. */
export function InspectionDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useI18n();
  const q = useQuery(inspectionQuery(id));
  const d = q.data;
  return (
    <Drawer open width={900} title={d ? `${d.enterpriseName}（${d.regionName}）` : ''} onClose={onClose} destroyOnHidden>
      {q.error && <Alert type="error" message={String(q.error.message)} />}
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <RecordForm d={d} />
          <Findings d={d} />
          {d.orders.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.orders}
              columns={[
                { title: t('supervision.field.orderNo'), dataIndex: 'orderNo' },
                { title: t('supervision.field.deadline'), dataIndex: 'deadline' },
                { title: t('supervision.field.status'), render: (_: unknown, o) => <>{t(`supervision.order.status.${o.status}` as MessageKey)} {o.overdue && <Tag color="red">{t('supervision.order.overdue')}</Tag>}</> },
              ]}
            />
          )}
          {d.transfers.length > 0 && (
            <List
              header={t('supervision.transfers.title')}
              dataSource={d.transfers}
              renderItem={(x) => (
                <List.Item>
                  {x.toDepartmentName}：{x.reason} — {t(`supervision.transfer.status.${x.status}` as MessageKey)} {x.answer ?? ''}
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}

function RecordForm({ d }: { d: InspectionDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const record = useRecordInspection(d.id);
  const onError = useFormErrors();
  return (
    <Form
      form={form}
      name="inspection-record"
      layout="inline"
      onValuesChange={clearErrorsOnChange(form)}
      initialValues={{ inspectedOn: d.inspectedOn ? dayjs(d.inspectedOn) : null, inspectors: d.inspectors, summary: d.summary }}
      onFinish={(v: { inspectedOn: Dayjs | null; inspectors?: string; summary: string }) => record.mutate({ inspectedOn: day(v.inspectedOn) ?? '', inspectors: v.inspectors ?? '', summary: v.summary }, { onSuccess: () => form.setFields(['inspectedOn', 'inspectors', 'summary'].map((name) => ({ name, errors: [] }))), onError: (e) => onError(form, ['inspectedOn', 'inspectors', 'summary'], e) })}
    >
      <Form.Item name="inspectedOn" label={t('supervision.field.inspectedOn')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="inspectors" label={t('supervision.field.inspectors')}>
        <Input />
      </Form.Item>
      <Form.Item name="summary" label={t('supervision.field.summary')}>
        <Input.TextArea autoSize style={{ width: 280 }} />
      </Form.Item>
      <Button htmlType="submit" loading={record.isPending}>
        {t('supervision.inspections.record')}
      </Button>
    </Form>
  );
}

function Findings({ d }: { d: InspectionDetail }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [ordering, setOrdering] = useState(false);
  const [transferring, setTransferring] = useState<number | null>(null);
  const evidence = useFindingEvidence();
  return (
    <>
      <Space>
        <Button type="primary" onClick={() => setAdding(true)} disabled={d.status === 'planned'}>
          {t('supervision.findings.add')}
        </Button>
        <Button onClick={() => setOrdering(true)} disabled={!selected.length}>
          {t('supervision.orders.issue')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.findings}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
        columns={[
          { title: t('supervision.field.topic'), render: (_: unknown, f) => t(`supervision.topic.${f.topic}` as MessageKey) },
          { title: t('supervision.field.description'), render: (_: unknown, f) => <>{f.description}{f.highEnergyProjectName && <Tag>{f.highEnergyProjectName}</Tag>}</> },
          { title: t('supervision.field.severity'), render: (_: unknown, f) => <Tag color={f.severity === 'major' ? 'red' : 'orange'}>{t(`supervision.severity.${f.severity}` as MessageKey)}</Tag> },
          { title: t('supervision.field.legalBasis'), dataIndex: 'legalBasis' },
          {
            title: t('supervision.field.evidence'),
            render: (_: unknown, f) => (
              <Space direction="vertical">
                {f.evidence.map((e) => (
                  <a key={e.id} href={evidenceUrl(e.id)} target="_blank" rel="noreferrer">
                    {e.fileName}
                  </a>
                ))}
                <EvidenceUploadButton send={(file, cb) => evidence.mutate({ findingId: f.id, file }, cb)} pending={evidence.isPending} label={t('supervision.findings.upload')} uploaded={(n) => `${t('supervision.common.saved')}：${n}`} />
              </Space>
            ),
          },
          { title: '', render: (_: unknown, f) => <Button size="small" onClick={() => setTransferring(f.id)}>{t('supervision.findings.transfer')}</Button> },
        ]}
      />
      {adding && <FindingDialog d={d} onClose={() => setAdding(false)} />}
      {ordering && <OrderDialog d={d} findingIds={selected} onClose={() => (setOrdering(false), setSelected([]))} />}
      {transferring !== null && <TransferDialog findingId={transferring} onClose={() => setTransferring(null)} />}
    </>
  );
}

function FindingDialog({ d, onClose }: { d: InspectionDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const add = useAddFinding(d.id);
  const onError = useFormErrors();
  const fields = ['topic', 'description', 'severity', 'legalBasis', 'highEnergyProjectId'] as const;
  return (
    <Modal open title={t('supervision.findings.add')} okText={t('supervision.common.save')} cancelText={t('supervision.common.cancel')} confirmLoading={add.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} name="finding" layout="vertical" onValuesChange={clearErrorsOnChange(form)} initialValues={{ topic: d.topics[0], severity: 'minor' }} onFinish={(v) => add.mutate({ ...v, description: v.description ?? '', highEnergyProjectId: v.highEnergyProjectId ?? null }, { onSuccess: onClose, onError: (e) => onError(form, fields, e) })}>
        <Form.Item name="topic" label={t('supervision.field.topic')}>
          <Select options={INSPECTION_TOPICS.map((k) => ({ value: k, label: t(`supervision.topic.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('supervision.field.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="severity" label={t('supervision.field.severity')}>
          <Select options={(['minor', 'major'] as const).map((k) => ({ value: k, label: t(`supervision.severity.${k}`) }))} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('supervision.field.legalBasis')}>
          <Input />
        </Form.Item>
        <Form.Item name="highEnergyProjectId" label={t('supervision.field.project')}>
          <Select allowClear options={d.projects.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OrderDialog({ d, findingIds, onClose }: { d: InspectionDetail; findingIds: number[]; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const issue = useIssueOrder(d.id);
  const onError = useFormErrors();
  return (
    <Modal open title={t('supervision.orders.issue')} okText={t('supervision.common.submit')} cancelText={t('supervision.common.cancel')} confirmLoading={issue.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <Descriptions size="small" column={1} items={d.findings.filter((f) => findingIds.includes(f.id)).map((f) => ({ key: f.id, label: t(`supervision.severity.${f.severity}` as MessageKey), children: f.description }))} />
      <Form form={form} name="order" layout="vertical" onValuesChange={clearErrorsOnChange(form)} onFinish={(v: { requirement?: string; deadline?: Dayjs | null }) => issue.mutate({ findingIds, requirement: v.requirement ?? '', deadline: day(v.deadline) }, { onSuccess: onClose, onError: (e) => onError(form, ['requirement', 'deadline'], e) })}>
        <Form.Item name="requirement" label={t('supervision.field.requirement')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="deadline" label={t('supervision.field.deadline')} extra={t('supervision.field.deadlineHint')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TransferDialog({ findingId, onClose }: { findingId: number; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const departments = useQuery(departmentsQuery());
  const transfer = useTransfer();
  const onError = useFormErrors();
  return (
    <Modal open title={t('supervision.findings.transfer')} okText={t('supervision.common.submit')} cancelText={t('supervision.common.cancel')} confirmLoading={transfer.isPending} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} name="transfer" layout="vertical" onValuesChange={clearErrorsOnChange(form)} onFinish={(v: { departmentId: number; reason?: string }) => transfer.mutate({ findingId, ...v, reason: v.reason ?? '' }, { onSuccess: onClose, onError: (e) => onError(form, ['departmentId', 'reason'], e) })}>
        <Form.Item name="departmentId" label={t('supervision.field.department')}>
          <Select showSearch optionFilterProp="label" options={departments.data?.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('supervision.field.reason')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
