import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { TRAINING_AUDIENCES } from '../../../../src/modules/supervision/capacity.schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { departmentsQuery } from '../org/queries';
import { type TrainingEvent, useSaveEvent } from './training-queries';

type Values = { title: string; audience: TrainingEvent['audience']; startsOn: Dayjs; hours: number; location?: string; organiserDepartmentId?: number | null };
const FIELDS = ['title', 'audience', 'startsOn', 'hours', 'location', 'organiserDepartmentId'] as const;

/** 新增/编辑培训 (the managers): title, audience, date, hours, place and the organising department. */
export function TrainingEventModal({ event, open, onClose }: { event: TrainingEvent | null; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const departments = useQuery({ ...departmentsQuery(), enabled: open });
  const save = useSaveEvent();
  useEffect(() => {
    if (open) form.setFieldsValue(event ? { ...event, startsOn: dayjs(event.startsOn) } : { audience: 'mixed', hours: 4 });
  }, [open, event, form]);
  const submit = (v: Values) =>
    save.mutate(
      { id: event?.id ?? null, body: { ...v, startsOn: v.startsOn.format('YYYY-MM-DD'), organiserDepartmentId: v.organiserDepartmentId ?? null } },
      { onSuccess: () => onClose(), onError: (e) => e instanceof ApiError && form.setFields(problemToFields(e, FIELDS)) },
    );
  return (
    <Modal open={open} title={t('supervision.capacity.training.add')} okText={t('supervision.capacity.save')} cancelText={t('supervision.capacity.cancel')} confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={t('supervision.capacity.training.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="audience" label={t('supervision.capacity.training.audience')}>
          <Select options={TRAINING_AUDIENCES.map((a) => ({ value: a, label: t(`supervision.capacity.audience.${a}`) }))} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('supervision.capacity.training.startsOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="hours" label={t('supervision.capacity.training.hours')} rules={[{ required: true }]}>
          <InputNumber min={0.5} max={500} step={0.5} />
        </Form.Item>
        <Form.Item name="location" label={t('supervision.capacity.training.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="organiserDepartmentId" label={t('supervision.capacity.training.organiser')}>
          <Select allowClear showSearch optionFilterProp="label" options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
