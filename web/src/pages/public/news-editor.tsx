import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { CAMPAIGN_TYPES } from '../../../../src/domain/public/news';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { type NewsItem, useSaveNews } from './news-api';

const FIELDS = ['kind', 'campaign', 'title', 'body', 'startDate', 'endDate'] as const;
type Values = { kind: 'news' | 'campaign'; campaign?: (typeof CAMPAIGN_TYPES)[number]; title: string; body: string; startDate?: Dayjs | null; endDate?: Dayjs | null };

const day = (d: string | null) => (d ? dayjs(d) : null);

/** The editor of a news item or campaign event: `item` null for a new draft, undefined when closed. */
export function NewsEditor({ item, onClose }: { item: NewsItem | null | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveNews();
  const kind = Form.useWatch('kind', form);
  const open = item !== undefined;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (item) form.setFieldsValue({ ...item, campaign: item.campaign ?? undefined, startDate: day(item.startDate), endDate: day(item.endDate) });
  }, [open, item, form]);

  const onFinish = (v: Values) =>
    save.mutate(
      {
        id: item?.id ?? null,
        kind: v.kind,
        campaign: v.kind === 'campaign' ? (v.campaign ?? null) : null,
        title: v.title,
        body: v.body,
        startDate: v.startDate?.format('YYYY-MM-DD') ?? null,
        endDate: v.endDate?.format('YYYY-MM-DD') ?? null,
      },
      {
        onSuccess: () => {
          void message.success(t('news.saved'));
          onClose();
        },
        onError: (e) => e instanceof ApiError && form.setFields(problemToFields(e, FIELDS)),
      },
    );
  const unplaced = save.error instanceof ApiError && problemToFields(save.error, FIELDS).length === 0;
  return (
    <Modal open={open} width={720} title={t(item ? 'news.edit' : 'news.new')} okText={t('news.save')} confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose}>
      {unplaced && save.error instanceof ApiError && <Alert type="error" showIcon role="alert" message={save.error.title} description={problemDetail(save.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} name="news-editor" layout="vertical" onFinish={onFinish} initialValues={{ kind: 'news' }}>
        <Form.Item name="kind" label={t('news.field.kind')}>
          <Radio.Group options={(['news', 'campaign'] as const).map((k) => ({ value: k, label: t(`news.kind.${k}`) }))} />
        </Form.Item>
        {kind === 'campaign' && (
          <Form.Item name="campaign" label={t('news.field.campaign')} rules={[{ required: true }]}>
            <Select options={CAMPAIGN_TYPES.map((c) => ({ value: c, label: t(`news.campaign.${c}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('news.field.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="startDate" label={t('news.field.startDate')} rules={[{ required: kind === 'campaign' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endDate" label={t('news.field.endDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="body" label={t('news.field.body')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={10} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
