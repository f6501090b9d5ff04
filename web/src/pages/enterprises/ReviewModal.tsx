import { Alert, App, Form, Input, Modal } from 'antd';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { type EnergyReport, useReviewReport } from './queries';

const FIELDS = ['comment'] as const;
type Values = { comment?: string };

/** The county (first) or the city (second) approves a report, comment optional, or returns it with a comment. */
export function ReviewModal({ report, action, onClose }: { report: EnergyReport | null; action: 'approve' | 'return'; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const review = useReviewReport();
  const isReturn = action === 'return';
  const onFinish = ({ comment }: Values) => {
    if (!report) return;
    review.mutate(
      { id: report.id, action, comment: comment?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t(isReturn ? 'ent.review.returned' : 'ent.review.approved'));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields(problemToFields(e, FIELDS));
        },
      },
    );
  };
  const error = review.error instanceof ApiError ? review.error : null;
  const label = t(isReturn ? 'ent.review.return' : 'ent.review.approve');
  return (
    <Modal
      open={report !== null}
      title={report ? t('ent.review.titleOf', { action: label, year: report.year, n: report.revision }) : label}
      okText={label}
      okButtonProps={{ danger: isReturn }}
      cancelText={t('common.cancel')}
      confirmLoading={review.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => review.reset()}
      destroyOnHidden
    >
      {error && problemToFields(error, FIELDS).length === 0 && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name={`ent-report-${action}`} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item label={t(isReturn ? 'ent.review.returnComment' : 'ent.review.comment')} name="comment" rules={isReturn ? [{ required: true, whitespace: true, message: t('ent.review.returnCommentRequired') }] : []}>
          <Input.TextArea rows={4} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
