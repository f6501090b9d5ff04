import { useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { EXPERT_FIELDS } from '../../../../src/modules/supervision/capacity.schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { localRegions, regionsQuery } from '../org/queries';
import { type Expert, type NewExpert, useSaveExpert } from './expert-queries';

const FIELDS = ['name', 'fields', 'title', 'organisation', 'regionCode', 'phone', 'available', 'note'] as const;
type Values = { name: string; fields: string[]; title?: string; organisation?: string; regionCode?: string | null; phone?: string | null; available: boolean; note?: string };

/** 新增/编辑专家 (the pool's managers): fields from the usual list or typed in; the server's errors at their fields. */
export function ExpertFormModal({ expert, open, onClose }: { expert: Expert | null; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const regions = useQuery(regionsQuery());
  const save = useSaveExpert();
  useEffect(() => {
    if (open) form.setFieldsValue(expert ? { ...expert } : { name: '', fields: [], available: true });
  }, [open, expert, form]);

  const submit = (v: Values) => {
    const body: NewExpert = { ...v, regionCode: v.regionCode || null, phone: v.phone?.trim() || null };
    save.mutate(
      { id: expert?.id ?? null, body },
      { onSuccess: () => onClose(), onError: (e) => e instanceof ApiError && form.setFields(problemToFields(e, FIELDS)) },
    );
  };
  // The form-wide message (“姓名为必填项”) names the field.
  const required = [{ required: true }];
  return (
    <Modal open={open} title={expert ? t('supervision.capacity.expert.edit') : t('supervision.capacity.expert.add')} okText={t('supervision.capacity.save')} cancelText={t('supervision.capacity.cancel')} confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('supervision.capacity.expert.name')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="fields" label={t('supervision.capacity.expert.fields')} rules={required}>
          <Select mode="tags" options={EXPERT_FIELDS.map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Form.Item name="title" label={t('supervision.capacity.expert.title')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="organisation" label={t('supervision.capacity.expert.organisation')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('supervision.capacity.expert.region')}>
          <Select allowClear options={localRegions(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('supervision.capacity.expert.phone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="available" label={t('supervision.capacity.expert.available')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="note" label={t('supervision.capacity.expert.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
