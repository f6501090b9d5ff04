import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DATASETS } from '../../../../src/domain/public/publication';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemDetail } from '../../components/problem-text';
import { assessmentsQuery } from '../assessment/queries';
import { type Preview, type Publication, periodKeyOf, publicationHistoryQuery, usePreviewPublication, usePublish, useWithdrawPublication } from './publication-queries';

type Values = { dataset: (typeof DATASETS)[number]; year?: number; quarter?: number | null; assessmentId?: number };

/**
 * 信息发布 (issue #10), the steering office's tab: choose a dataset and period, preview exactly what the public will
 * read, publish (a frozen snapshot), withdraw with a reason, and see every publication.
 */
export function PublicationsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const dataset = Form.useWatch('dataset', form);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [withdrawing, setWithdrawing] = useState<Publication | null>(null);
  const history = useQuery(publicationHistoryQuery());
  const assessments = useQuery({ ...assessmentsQuery(), enabled: dataset === 'assessment' });
  const previewer = usePreviewPublication();
  const publisher = usePublish();
  const error = [previewer.error, publisher.error].find((e) => e instanceof ApiError) ?? null;

  // The server points at periodKey; the form shows it as the year or the assessment field.
  const showErrors = (e: unknown) => {
    if (!(e instanceof ApiError)) return;
    const field = form.getFieldValue('dataset') === 'assessment' ? 'assessmentId' : 'year';
    const at = e.errors.filter((x) => x.pointer === '#/periodKey' || x.field === 'periodKey');
    if (at.length) form.setFields([{ name: field, errors: at.map((x) => x.detail) }]);
  };
  const bodyOf = (v: Values) => ({ dataset: v.dataset, periodKey: periodKeyOf(v) });
  const doPreview = async () => {
    const v = await form.validateFields();
    previewer.mutate(bodyOf(v), { onSuccess: setPreview, onError: showErrors });
  };
  const doPublish = async () => {
    const v = await form.validateFields();
    publisher.mutate(bodyOf(v), {
      onSuccess: (p) => {
        void message.success(`${t('publicData.published')}：${p.title}`);
        setPreview(null);
      },
      onError: showErrors,
    });
  };

  const published = (assessments.data ?? []).filter((a) => a.status === 'published');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Form<Values> form={form} layout="inline" initialValues={{ dataset: 'targets', year: new Date().getFullYear() - 1, quarter: null }} onValuesChange={() => setPreview(null)}>
          <Form.Item name="dataset" label={t('publicData.col.dataset')} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={DATASETS.map((d) => ({ value: d, label: t(`publicData.dataset.${d}`) }))} />
          </Form.Item>
          {dataset === 'assessment' ? (
            <Form.Item name="assessmentId" label={t('publicData.period.assessment')} extra={t('publicData.period.assessmentHint')} rules={[{ required: true, message: t('publicData.period.assessmentHint') }]}>
              <Select style={{ width: 280 }} loading={assessments.isLoading} options={published.map((a) => ({ value: a.id, label: `${a.title}（${a.period}）` }))} />
            </Form.Item>
          ) : (
            <Form.Item name="year" label={t('publicData.period.year')} rules={[{ required: true, type: 'integer', min: 2021, max: 2100 }]}>
              <InputNumber style={{ width: 110 }} min={2021} max={2100} />
            </Form.Item>
          )}
          {dataset === 'barometer' && (
            <Form.Item name="quarter" label={t('publicData.period.quarter')}>
              <Select style={{ width: 110 }} options={[{ value: null, label: t('publicData.period.wholeYear') }, ...[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))]} />
            </Form.Item>
          )}
          <Form.Item>
            <Space>
              <Button onClick={() => void doPreview()} loading={previewer.isPending}>
                {t('publicData.preview')}
              </Button>
              <Popconfirm title={t('publicData.publishConfirm')} onConfirm={() => void doPublish()}>
                <Button type="primary" loading={publisher.isPending}>
                  {t('publicData.publish')}
                </Button>
              </Popconfirm>
            </Space>
          </Form.Item>
        </Form>
        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} />}
        {preview ? (
          <section aria-label={t('publicData.preview')} style={{ marginTop: 16 }}>
            <Typography.Title level={5}>{preview.title}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('publicData.previewNote')}</Typography.Paragraph>
            <pre style={{ maxHeight: 360, overflow: 'auto', background: '#fafafa', padding: 12, fontSize: 12 }}>{JSON.stringify(preview.snapshot, null, 2)}</pre>
          </section>
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('publicData.previewEmpty')}
          </Typography.Paragraph>
        )}
      </Card>
      <Card title={t('publicData.history')}>
        <Table<Publication>
          rowKey="id"
          size="small"
          loading={history.isLoading}
          dataSource={history.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('publicData.col.title'), dataIndex: 'title' },
            { title: t('publicData.col.period'), dataIndex: 'periodKey' },
            { title: t('publicData.col.publishedAt'), dataIndex: 'publishedAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
            { title: t('publicData.col.publishedBy'), dataIndex: 'publishedByName' },
            {
              title: t('publicData.col.status'),
              render: (_, p) =>
                p.withdrawnAt ? (
                  <span>
                    <Tag>{t('publicData.withdrawn')}</Tag>
                    {p.withdrawReason}
                  </span>
                ) : (
                  <Tag color="green">{t('publicData.published')}</Tag>
                ),
            },
            {
              title: t('publicData.col.actions'),
              render: (_, p) =>
                p.withdrawnAt ? null : (
                  <Button size="small" danger onClick={() => setWithdrawing(p)}>
                    {t('publicData.withdraw')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <WithdrawModal publication={withdrawing} onClose={() => setWithdrawing(null)} />
    </Space>
  );
}

function WithdrawModal({ publication, onClose }: { publication: Publication | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawPublication();
  const submit = (v: { reason: string }) =>
    withdraw.mutate(
      { id: publication!.id, body: { reason: v.reason.trim() } },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields([{ name: 'reason', errors: [problemDetail(e) ?? e.title] }]);
        },
      },
    );
  return (
    <Modal open={publication !== null} title={publication && t('publicData.withdrawTitle', { title: publication.title })} okText={t('publicData.withdraw')} okButtonProps={{ danger: true }} confirmLoading={withdraw.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('publicData.withdrawReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('publicData.withdrawReason') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
