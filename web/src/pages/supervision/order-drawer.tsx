import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, List, Space, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import type { MessageKey } from '../../../../src/i18n/index';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { EvidenceUploadButton } from '../../components/EvidenceUploadButton';
import { problemToFields } from '../../components/form-errors';
import { clearErrorsOnChange } from './inspection-drawer';
import { evidenceUrl, noticeUrl, orderQuery, useOrderAction, useOrderEvidence } from './inspection-queries';

/** One 整改通知书: findings, requirement, deadline, its steps; the enterprise answers, the inspectors close, return or extend. */
export function OrderDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const q = useQuery(orderQuery(id));
  const act = useOrderAction(id);
  const evidence = useOrderEvidence(id);
  const [form] = Form.useForm();
  const o = q.data;
  const run = (body: Parameters<typeof act.mutate>[0]) =>
    act.mutate(body, {
      onSuccess: () => form.resetFields(),
      onError: (e) => {
        const entries = e instanceof ApiError ? problemToFields(e, ['comment', 'deadline'] as const) : [];
        if (entries.length) form.setFields(entries);
        else void message.error(e instanceof ApiError ? e.detail || e.title : String(e));
      },
    });
  const comment = () => String(form.getFieldValue('comment') ?? '');
  return (
    <Drawer open width={760} title={o?.orderNo} onClose={onClose} destroyOnHidden>
      {o && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'e', label: t('supervision.field.enterprise'), children: o.enterpriseName },
              { key: 'r', label: t('supervision.field.requirement'), children: o.requirement },
              { key: 'd', label: t('supervision.field.deadline'), children: <>{o.deadline} {o.overdue && <Tag color="red">{t('supervision.order.overdue')}</Tag>}</> },
              { key: 's', label: t('supervision.field.status'), children: t(`supervision.order.status.${o.status}` as MessageKey) },
            ]}
          />
          <List header={t('supervision.findings.title')} size="small" dataSource={o.findings} renderItem={(f) => <List.Item>{`[${t(`supervision.severity.${f.severity}` as MessageKey)}] ${f.description}${f.legalBasis ? `（${f.legalBasis}）` : ''}`}</List.Item>} />
          <Button href={noticeUrl(o.id)}>{t('supervision.orders.notice')}</Button>
          <List
            header={t('supervision.field.evidence')}
            size="small"
            dataSource={o.evidence}
            renderItem={(e) => (
              <List.Item>
                <a href={evidenceUrl(e.id)} target="_blank" rel="noreferrer">
                  {e.fileName}
                </a>
              </List.Item>
            )}
          />
          {(o.can.answer || o.can.extend) && <EvidenceUploadButton send={(file, cb) => evidence.mutate(file, cb)} pending={evidence.isPending} label={t('supervision.orders.upload')} uploaded={(n) => `${t('supervision.common.saved')}：${n}`} />}
          {(o.can.answer || o.can.review || o.can.extend) && (
            <Form form={form} name="order-action" layout="vertical" onValuesChange={clearErrorsOnChange(form)}>
              <Form.Item name="comment" label={o.can.answer ? t('supervision.orders.answerText') : t('supervision.field.comment')}>
                <Input.TextArea rows={3} />
              </Form.Item>
              {o.can.extend && (
                <Form.Item name="deadline" label={t('supervision.field.newDeadline')}>
                  <DatePicker />
                </Form.Item>
              )}
              <Space>
                {o.can.answer && (
                  <Button type="primary" loading={act.isPending} onClick={() => run({ action: 'answer', comment: comment() })}>
                    {t('supervision.orders.answer')}
                  </Button>
                )}
                {o.can.review && (
                  <>
                    <Button type="primary" loading={act.isPending} onClick={() => run({ action: 'close', comment: comment() })}>
                      {t('supervision.orders.close')}
                    </Button>
                    <Button danger loading={act.isPending} onClick={() => run({ action: 'return', comment: comment() })}>
                      {t('supervision.orders.return')}
                    </Button>
                  </>
                )}
                {o.can.extend && (
                  <Button loading={act.isPending} onClick={() => run({ action: 'extend', comment: comment(), deadline: (form.getFieldValue('deadline') as Dayjs | undefined)?.format('YYYY-MM-DD') ?? '' })}>
                    {t('supervision.orders.extend')}
                  </Button>
                )}
              </Space>
            </Form>
          )}
          <div role="heading" aria-level={3} style={{ marginTop: 8 }}>
            {t('supervision.orders.history')}
          </div>
          <Timeline
            items={o.events.map((e) => ({ children: `${new Date(e.at).toLocaleString('zh-CN')} ${t(`supervision.event.${e.action}` as MessageKey)}（${e.actorName}）${e.comment ? `：${e.comment}` : ''}` }))}
          />
        </Space>
      )}
    </Drawer>
  );
}
