import type { UseMutationResult } from '@tanstack/react-query';
import { FormProblem } from './FormProblem';
import { App, Form, Input, Modal } from 'antd';
import { ApiError } from '../api/client';
import { useI18n } from '../app/i18n-context';
import { problemToFields } from './form-errors';

const FIELDS = ['comment'] as const;
type Values = { comment?: string };

/**
 * Approve (comment optional) or return (comment required) a submission under review: energy accounts, annual
 * energy reports. The caller gives the review mutation and how a comment becomes its variables; the server's
 * field errors land on the comment, any other problem above the form.
 */
export function ReviewModal<V>({
  open,
  action,
  title,
  name,
  mutation,
  toVars,
  onClose,
}: {
  open: boolean;
  action: 'approve' | 'return';
  title: string;
  /** The form's name, unique on the page (label ids derive from it). */
  name: string;
  mutation: UseMutationResult<unknown, Error, V>;
  toVars: (comment: string | null) => V;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const isReturn = action === 'return';
  const onFinish = ({ comment }: Values) =>
    mutation.mutate(toVars(comment?.trim() || null), {
      onSuccess: () => {
        void message.success(t(isReturn ? 'review.returned' : 'review.approved'));
        onClose();
      },
      onError: (e) => {
        if (e instanceof ApiError) form.setFields(problemToFields(e, FIELDS));
      },
    });
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  return (
    <Modal
      open={open}
      title={title}
      okText={t(isReturn ? 'review.return' : 'review.approve')}
      okButtonProps={{ danger: isReturn }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => mutation.reset()}
      destroyOnHidden
    >
      <FormProblem error={error} fields={FIELDS} />
      <Form<Values> form={form} name={name} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item label={t(isReturn ? 'review.returnComment' : 'review.comment')} name="comment" rules={isReturn ? [{ required: true, whitespace: true, message: t('review.returnCommentRequired') }] : []}>
          <Input.TextArea rows={4} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
