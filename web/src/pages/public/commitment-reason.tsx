import { App, Form, Input, Modal } from 'antd';
import { FormProblem } from '../../components/FormProblem';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { type ManagedCommitment, useActOnCommitment } from './commitment-api';

const FIELDS = ['reason'] as const;
export type ReasonAsk = { commitment: ManagedCommitment; action: 'reject' | 'hide' } | null;

/** Reject a pending commitment or hide a published one: the reason is required and kept with the review. */
export function CommitmentReasonModal({ ask, onClose }: { ask: ReasonAsk; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const act = useActOnCommitment();
  const verb = t(ask?.action === 'hide' ? 'commitments.hide' : 'commitments.reject');
  const onFinish = ({ reason }: { reason: string }) =>
    act.mutate(
      { id: ask!.commitment.id, action: ask!.action, reason: reason.trim() },
      {
        onSuccess: (c) => {
          void message.success(t(`commitments.status.${c.status}`));
          onClose();
        },
        onError: (e) => e instanceof ApiError && form.setFields(problemToFields(e, FIELDS)),
      },
    );
  const error = act.error instanceof ApiError ? act.error : null;
  return (
    <Modal
      open={ask !== null}
      title={`${t(ask?.action === 'hide' ? 'commitments.hideTitle' : 'commitments.rejectTitle')}：${ask?.commitment.title ?? ''}`}
      okText={verb}
      okButtonProps={{ danger: true }}
      cancelText={t('commitments.cancel')}
      confirmLoading={act.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => act.reset()}
      destroyOnHidden
    >
      <FormProblem error={error} fields={FIELDS} />
      <Form form={form} name="commitment-reason" layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item name="reason" label={t('commitments.field.reason')} rules={[{ required: true, whitespace: true, message: t('commitments.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
