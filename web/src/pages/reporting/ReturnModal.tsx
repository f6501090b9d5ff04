import { App, Form, Input, Modal } from 'antd';
import { FormProblem } from '../../components/FormProblem';
import { createSchemaFieldRule } from 'antd-zod';
import { ReviewBody } from '../../../../src/modules/reporting/schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { type Report, useReviewReport } from './queries';

const FIELDS = ['comment'] as const;
const rule = createSchemaFieldRule(ReviewBody);
type Values = { comment: string };

/** Returns a report to its submitter with what to fix (the comment is required). */
export function ReturnModal({ report, onClose }: { report: Report | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const review = useReviewReport();

  const onFinish = ({ comment }: Values) => {
    if (!report) return;
    review.mutate(
      { id: report.id, action: 'return', comment: comment.trim() },
      {
        onSuccess: () => {
          void message.success(t('reporting.returnedMessage'));
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
      open={report !== null}
      title={t('reporting.return')}
      okText={t('reporting.return')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={review.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => review.reset()}
      destroyOnHidden
    >
      <FormProblem error={error} fields={FIELDS} />
      <Form<Values> form={form} name="return" layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          label={t('reporting.returnComment')}
          name="comment"
          validateFirst
          rules={[{ required: true, whitespace: true, message: t('reporting.returnCommentRequired') }, rule]}
        >
          <Input.TextArea rows={4} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
