import { Alert, App, Form, Input, Modal } from 'antd';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { type Account, useReviewAccount } from './queries';

const FIELDS = ['comment'] as const;
type Values = { comment?: string };

/** The city approves (comment optional) or returns (comment required) a county's submitted figures. */
export function ReviewModal({ account, action, onClose }: { account: Account | null; action: 'approve' | 'return'; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const review = useReviewAccount();
  const isReturn = action === 'return';

  const onFinish = ({ comment }: Values) => {
    if (!account) return;
    review.mutate(
      { id: account.id, action, comment: comment?.trim() || null },
      {
        onSuccess: () => {
          void message.success(isReturn ? t('energy.review.returned') : t('energy.review.approved'));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields(problemToFields(e, FIELDS));
        },
      },
    );
  };
  const error = review.error instanceof ApiError ? review.error : null;
  return (
    <Modal
      open={account !== null}
      title={isReturn ? t('energy.review.return') : t('energy.review.approve')}
      okText={isReturn ? t('energy.review.return') : t('energy.review.approve')}
      okButtonProps={{ danger: isReturn }}
      cancelText={t('common.cancel')}
      confirmLoading={review.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => review.reset()}
      destroyOnHidden
    >
      {error && problemToFields(error, FIELDS).length === 0 && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name={`energy-${action}`} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          label={isReturn ? t('energy.review.returnComment') : t('energy.review.comment')}
          name="comment"
          rules={isReturn ? [{ required: true, whitespace: true, message: t('energy.review.returnCommentRequired') }] : []}
        >
          <Input.TextArea rows={4} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
