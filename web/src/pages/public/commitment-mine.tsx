import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { QueryError } from '../../components/QueryError';
import { type ManagedCommitment, myCommitmentsQuery, useAddCommitmentUpdate, useMakeCommitment } from './commitment-api';
import { CommitmentTable } from './commitment-table';

const NEW_FIELDS = ['title', 'content', 'indicator', 'unit', 'baselineValue', 'targetValue', 'dueDate'] as const;
type NewValues = { title: string; content: string; indicator: string; unit: string; baselineValue: number; targetValue: number; dueDate: Dayjs };
const UPDATE_FIELDS = ['value', 'asOf', 'note'] as const;
type UpdateValues = { value: number; asOf: Dayjs; note?: string };

function ProblemAlert({ error, shown }: { error: Error | null; shown: boolean }) {
  if (!shown || !(error instanceof ApiError)) return null;
  return <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />;
}

function NewCommitmentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewValues>();
  const make = useMakeCommitment();
  const onFinish = (v: NewValues) =>
    make.mutate(
      { ...v, dueDate: v.dueDate.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          void message.success(t('commitments.status.pending'));
          form.resetFields();
          onClose();
        },
        onError: (e) => e instanceof ApiError && form.setFields(problemToFields(e, NEW_FIELDS)),
      },
    );
  const unplaced = make.error instanceof ApiError && problemToFields(make.error, NEW_FIELDS).length === 0;
  return (
    <Modal open={open} title={t('commitments.new')} okText={t('commitments.save')} cancelText={t('commitments.cancel')} confirmLoading={make.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ProblemAlert error={make.error} shown={unplaced} />
      <Form form={form} name="new-commitment" layout="vertical" onFinish={onFinish}>
        <Form.Item name="title" label={t('commitments.field.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label={t('commitments.field.content')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="indicator" label={t('commitments.field.indicator')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="unit" label={t('commitments.field.unit')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="baselineValue" label={t('commitments.field.baselineValue')} rules={[{ required: true }]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="targetValue" label={t('commitments.field.targetValue')} rules={[{ required: true }]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('commitments.field.dueDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UpdateModal({ commitment, onClose }: { commitment: ManagedCommitment | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateValues>();
  const add = useAddCommitmentUpdate();
  const onFinish = (v: UpdateValues) =>
    add.mutate(
      { id: commitment!.id, value: v.value, asOf: v.asOf.format('YYYY-MM-DD'), note: v.note ?? '' },
      {
        onSuccess: () => {
          void message.success(t('commitments.updateSaved'));
          form.resetFields();
          onClose();
        },
        onError: (e) => e instanceof ApiError && form.setFields(problemToFields(e, UPDATE_FIELDS)),
      },
    );
  const unplaced = add.error instanceof ApiError && problemToFields(add.error, UPDATE_FIELDS).length === 0;
  return (
    <Modal
      open={commitment !== null}
      title={`${t('commitments.addUpdate')}：${commitment?.title ?? ''}`}
      okText={t('commitments.save')}
      cancelText={t('commitments.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={add.error} shown={unplaced} />
      <Form form={form} name="commitment-update" layout="vertical" onFinish={onFinish}>
        <Form.Item name="value" label={`${t('commitments.field.value')}（${commitment?.unit ?? ''}）`} rules={[{ required: true }]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="asOf" label={t('commitments.field.asOf')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('commitments.field.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 我的自愿承诺 (an enterprise user): its enterprise's commitments in every status with the review's word; a new one
 * waits for the steering office; progress updates for pending and published ones. Shown by PublicAdminPage for the
 * enterprise role.
 */
export function MyCommitments() {
  const { t } = useI18n();
  const mine = useQuery(myCommitmentsQuery());
  const [creating, setCreating] = useState(false);
  const [updating, setUpdating] = useState<ManagedCommitment | null>(null);
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const canUpdate = (c: ManagedCommitment) => c.status === 'pending' || c.status === 'published';
  return (
    <section aria-labelledby="my-commitments">
      <Typography.Title level={2} id="my-commitments" style={{ fontSize: 18 }}>
        {t('commitments.mine')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('commitments.mineHint')}</Typography.Paragraph>
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
        {t('commitments.new')}
      </Button>
      <CommitmentTable
        rows={mine.data}
        actions={(c) =>
          canUpdate(c) && (
            <Button size="small" onClick={() => setUpdating(c)}>
              {t('commitments.addUpdate')}
            </Button>
          )
        }
      />
      <NewCommitmentModal open={creating} onClose={() => setCreating(false)} />
      <UpdateModal commitment={updating} onClose={() => setUpdating(null)} />
    </section>
  );
}
