import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Form, Image, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { departmentsQuery, localRegions, regionsQuery } from '../org/queries';
import { type CitizenReportAction, citizenPhotoUrl, citizenReportQuery, useCitizenReportAction } from './citizen-queries';
import { useCitizenLabels } from './citizen-labels';

const ACTION_FIELDS = ['action', 'comment', 'departmentId', 'regionCode'] as const;

/** One report for its handler: the facts, the contact, the original photos, the history and the actions allowed now. */
export function CitizenReportDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useCitizenLabels();
  const report = useQuery({ ...citizenReportQuery(id ?? 0), enabled: id !== null });
  const r = report.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width={640} title={r ? t('reports.detail.title', { trackingNo: r.trackingNo }) : ''} destroyOnHidden>
      {report.error && <Alert type="error" showIcon message={report.error.message} />}
      {r && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('reports.col.type')}>{labels.type(r.type)}</Descriptions.Item>
            <Descriptions.Item label={t('reports.col.status')}>
              <Tag color={labels.statusColor(r.status)}>{labels.status(r.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.col.region')}>{r.regionCode ? labels.region(r.regionCode) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('reports.detail.address')}>{r.address || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('reports.detail.point')}>{r.lon !== null && r.lat !== null ? `${r.lon.toFixed(6)}, ${r.lat.toFixed(6)}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('reports.col.description')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.description}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.detail.contact')}>{r.contactName || (r.contactPhone ? '—' : t('reports.detail.noContact'))}</Descriptions.Item>
            <Descriptions.Item label={t('reports.detail.phone')}>{r.contactPhone || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('reports.col.assignee')}>{labels.assignee(r)}</Descriptions.Item>
          </Descriptions>
          {r.photos.length > 0 && (
            <div>
              <Typography.Title level={5}>{t('reports.detail.photos')}</Typography.Title>
              <Image.PreviewGroup>
                <Space wrap>
                  {r.photos.map((p) => (
                    <Image key={p.id} width={120} height={120} style={{ objectFit: 'cover' }} src={citizenPhotoUrl(r.id, p.id)} alt={p.fileName} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('reports.detail.history')}</Typography.Title>
            <Timeline
              items={r.events.map((e) => ({
                key: e.id,
                color: e.visibleToReporter ? 'blue' : 'gray',
                children: (
                  <>
                    <Typography.Text strong>{labels.action(e.action)}</Typography.Text> <Typography.Text type="secondary">{new Date(e.at).toLocaleString()} · {e.actorName ?? t('reports.detail.bySystem')}</Typography.Text>{' '}
                    <Tag>{e.visibleToReporter ? t('reports.detail.public') : t('reports.detail.internal')}</Tag>
                    {e.comment && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.comment}</Typography.Paragraph>}
                  </>
                ),
              }))}
            />
          </div>
          <ActionForm id={r.id} actions={r.actions} />
        </Space>
      )}
    </Drawer>
  );
}

function ActionForm({ id, actions }: { id: number; actions: CitizenReportAction['action'][] }) {
  const { t } = useI18n();
  const labels = useCitizenLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<CitizenReportAction>();
  const act = useCitizenReportAction(id);
  const [unplaced, setUnplaced] = useState<string | null>(null);
  const chosen = Form.useWatch('action', form);
  const regions = useQuery({ ...regionsQuery(), enabled: chosen === 'assign' });
  const departments = useQuery({ ...departmentsQuery(), enabled: chosen === 'assign' });

  async function onFinish(values: CitizenReportAction) {
    setUnplaced(null);
    try {
      await act.mutateAsync(values);
      void message.success(t('reports.act.done'));
      form.resetFields();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = problemToFields(e, ACTION_FIELDS);
      form.setFields(fields);
      if (!fields.length) setUnplaced(e.detail || e.title);
    }
  }

  return (
    <div>
      <Typography.Title level={5}>{t('reports.act.title')}</Typography.Title>
      {actions.length === 1 && actions[0] === 'note' && <Alert type="info" showIcon message={t('reports.act.none')} style={{ marginBottom: 12 }} />}
      {unplaced && <Alert type="error" showIcon message={unplaced} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ action: actions.includes('reply') ? 'reply' : actions[0] }}>
        <Form.Item name="action" label={t('reports.act.action')} rules={[{ required: true }]}>
          <Select options={actions.map((a) => ({ value: a, label: labels.action(a) }))} />
        </Form.Item>
        {chosen === 'assign' && (
          <>
            <Form.Item name="departmentId" label={t('reports.act.department')}>
              <Select allowClear showSearch optionFilterProp="label" options={departments.data?.map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
            <Form.Item name="regionCode" label={t('reports.act.region')}>
              <Select allowClear showSearch optionFilterProp="label" options={localRegions(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="comment" label={t('reports.act.comment')} extra={t('reports.act.commentHint')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={act.isPending}>
          {t('reports.act.submit')}
        </Button>
      </Form>
    </div>
  );
}
