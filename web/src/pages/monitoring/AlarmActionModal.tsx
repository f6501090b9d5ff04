import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { AlarmAction } from '../../../../src/domain/monitoring/model';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { actionKey, factorName, formatValue, kindKey, needsNote } from './labels';
import { type Alarm, useAlarmAction } from './queries';

const FIELDS = ['note'] as const;
type Values = { note?: string };

/** 确认 / 处理 / 关闭 an alarm, with a note (required to handle or close: what was done, why it is closed). */
export function AlarmActionModal({ alarm, action, onClose }: { alarm: Alarm | null; action: AlarmAction | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useAlarmAction();
  const open = alarm !== null && action !== null;
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const onFinish = ({ note }: Values) => {
    if (!alarm || !action) return;
    act.mutate(
      { id: alarm.id, action, note: note?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('monitoring.alarm.done', { action: t(actionKey(action)) }));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields(problemToFields(e, FIELDS));
        },
      },
    );
  };
  const error = act.error instanceof ApiError ? act.error : null;
  const required = action !== null && needsNote(action);
  return (
    <Modal
      open={open}
      title={action ? t('monitoring.alarm.actionTitle', { action: t(actionKey(action)), station: alarm?.stationName ?? '' }) : ''}
      okText={action ? t(actionKey(action)) : ''}
      cancelText={t('common.cancel')}
      confirmLoading={act.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => act.reset()}
      destroyOnHidden
    >
      {alarm && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('monitoring.alarm.kind')}>{t(kindKey(alarm.kind))}</Descriptions.Item>
          {alarm.factor && <Descriptions.Item label={t('monitoring.alarm.factor')}>{factorName(alarm.factor)}</Descriptions.Item>}
          {alarm.value !== null && (
            <Descriptions.Item label={t('monitoring.alarm.valueVsLimit')}>
              {formatValue(alarm.value)} / {formatValue(alarm.limit)}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('monitoring.alarm.message')}>{alarm.message}</Descriptions.Item>
        </Descriptions>
      )}
      {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="monitoring-alarm-action" layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('monitoring.alarm.note')} name="note" rules={required ? [{ required: true, whitespace: true, message: t('monitoring.alarm.noteRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
