import { useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { Dayjs } from 'dayjs';
import { Period } from '../../../../src/modules/assessment/schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { schemesQuery, useOpenAssessment } from './queries';

type Values = { schemeId: number; period: string; cutoff: Dayjs; title?: string };
const FIELDS = ['schemeId', 'period', 'cutoff', 'title'] as const;

/** 新建考核 (the steering office): a scheme version, the period and the cut-off date of the metrics snapshot. */
export function OpenAssessmentModal({ open, onClose }: { open: boolean; onClose: (created: number | null) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const schemes = useQuery({ ...schemesQuery(), enabled: open });
  const create = useOpenAssessment();
  const error = create.error instanceof ApiError ? create.error : null;
  // The usual choice first: the latest version of the county scheme .
  const preferred = schemes.data?.filter((s) => s.subject === 'region').sort((a, b) => b.version - a.version)[0];
  useEffect(() => {
    if (preferred && form.getFieldValue('schemeId') === undefined) form.setFieldValue('schemeId', preferred.id);
  }, [preferred, form]);

  const submit = (v: Values) =>
    create.mutate(
      { schemeId: v.schemeId, period: v.period.trim(), cutoff: v.cutoff.format('YYYY-MM-DD'), title: v.title?.trim() || undefined },
      {
        onSuccess: (a) => {
          void message.success(t('assessment.open.done', { title: a.title }));
          form.resetFields();
          onClose(a.id);
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields(problemToFields(e, FIELDS));
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('assessment.open')}
      okText={t('assessment.open.ok')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose(null)}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="schemeId" label={t('assessment.open.scheme')} rules={[{ required: true, message: t('assessment.open.schemeRequired') }]}>
          <Select
            loading={schemes.isLoading}
            options={(schemes.data ?? []).map((s) => ({ value: s.id, label: t('assessment.schemeVersion', { name: s.name, version: s.version }) }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('assessment.open.period')}
          extra={t('assessment.open.periodHint')}
          rules={[{ required: true, validator: async (_, v: unknown) => { const r = Period.safeParse(typeof v === 'string' ? v.trim() : v); if (!r.success) throw new Error(r.error.issues[0]?.message); } }]}
        >
          <Input placeholder="2025" />
        </Form.Item>
        <Form.Item name="cutoff" label={t('assessment.open.cutoff')} rules={[{ required: true, message: t('assessment.open.cutoffRequired') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label={t('assessment.open.titleField')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} />}
    </Modal>
  );
}
