import { Alert, App, Button, Descriptions, Flex, Form, type FormItemProps, Input, InputNumber, Select, Space, Switch } from 'antd';
import { createSchemaFieldRule } from 'antd-zod';
import { useState } from 'react';
import { TaskStatus } from '../../../../src/modules/reporting/schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { type Report, useSubmitReport } from './queries';
import { formValuesOf, REPORT_FIELDS, ReportFormSchema, type ReportFormValues, type ReportTarget, toReportBody } from './report-form';
import { formatReportContent, type ItemInfo, type ThreadState } from './report-format';

const rule = createSchemaFieldRule(ReportFormSchema);

type NumberProps = { name: 'value' | 'percentComplete'; unit: string | null; rules: FormItemProps['rules']; min?: number; max?: number; precision?: number };

/** A number with its unit after it (the plan's unit, or %); the outer Form.Item shows the label and errors. */
function NumberWithUnit({ name, unit, rules, ...limits }: NumberProps) {
  return (
    <Space.Compact block>
      <Form.Item name={name} noStyle validateFirst rules={rules}>
        <InputNumber style={{ width: '100%' }} {...limits} />
      </Form.Item>
      {unit && <Space.Addon>{unit}</Space.Addon>}
    </Space.Compact>
  );
}

type Props = {
  target: ReportTarget;
  /** The item as the plan describes it (unit, qualitative or not); unknown while the plan loads. */
  info: ItemInfo | undefined;
  thread: ThreadState;
  onSubmitted: (report: Report) => void;
};

/** Fills in a period's report: a value (indicator) or status and % (task), with notes; corrects an approved one. */
export function ReportForm({ target, info, thread, onSubmitted }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFormValues>();
  const [correcting, setCorrecting] = useState(false);
  const submit = useSubmitReport();
  const isTask = target.item.kind === 'task';
  const isQualitative = info?.isQualitative ?? false;
  const isLocked = thread.approved !== null && !thread.isPending;
  const canSubmit = !thread.isPending && (!isLocked || correcting);
  const required = (key: Parameters<typeof t>[0]) => ({ required: true, message: t(key) });

  const onFinish = (v: ReportFormValues) =>
    submit.mutate(toReportBody(target, v, isLocked && correcting), {
      onSuccess: (report) => {
        void message.success(t('reporting.submitted'));
        onSubmitted(report);
      },
      onError: (e) => {
        if (e instanceof ApiError) form.setFields(problemToFields(e, REPORT_FIELDS));
      },
    });

  const error = submit.error instanceof ApiError ? submit.error : null;
  const unmapped = error && problemToFields(error, REPORT_FIELDS).length === 0;
  return (
    <>
      {thread.isPending && thread.latest && (
        <Alert type="info" showIcon message={t('reporting.pendingHint', { revision: thread.latest.revision })} style={{ marginBottom: 16 }} />
      )}
      {thread.latest?.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          message={t('reporting.returnedHint', { revision: thread.latest.revision })}
          description={thread.returnComment ? t('reporting.returnCommentText', { comment: thread.returnComment }) : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      {isLocked && thread.approved && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('reporting.lockedValue')}>{formatReportContent(thread.approved, info?.unit ?? null, t, locale)}</Descriptions.Item>
          </Descriptions>
          <Alert type="success" showIcon message={t('reporting.lockedHint')} style={{ marginBottom: 12 }} />
          <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
            {/* A <label> around the switch would click it a second time: name it with htmlFor instead. */}
            <Switch id="report-correct" checked={correcting} onChange={setCorrecting} />
            <label htmlFor="report-correct">{t('reporting.correct')}</label>
          </Flex>
        </>
      )}
      <Form<ReportFormValues>
        form={form}
        name="report"
        layout="vertical"
        disabled={!canSubmit}
        initialValues={formValuesOf(thread.prefill)}
        onFinish={onFinish}
      >
        {!isTask && !isQualitative && (
          <Form.Item label={t('reporting.value')} htmlFor="report_value" required>
            <NumberWithUnit name="value" unit={info?.unit ?? null} rules={[required('reporting.valueRequired'), rule]} />
          </Form.Item>
        )}
        {isTask && (
          <>
            <Form.Item label={t('reporting.taskStatus')} name="taskStatus" rules={[required('reporting.taskStatusRequired')]}>
              <Select options={TaskStatus.options.map((s) => ({ value: s, label: t(`reporting.taskStatus.${s}`) }))} />
            </Form.Item>
            <Form.Item label={t('reporting.percentComplete')} htmlFor="report_percentComplete" required>
              <NumberWithUnit name="percentComplete" unit="%" rules={[required('reporting.percentRequired'), rule]} min={0} max={100} precision={0} />
            </Form.Item>
          </>
        )}
        <Form.Item
          label={t('reporting.narrative')}
          name="narrative"
          validateFirst
          rules={isQualitative ? [{ ...required('reporting.narrativeRequired'), whitespace: true }, rule] : [rule]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        {isLocked && correcting && (
          <Form.Item
            label={t('reporting.correctionReason')}
            name="correctionReason"
            validateFirst
            rules={[{ ...required('reporting.correctionReasonRequired'), whitespace: true }, rule]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {/* Beside the button that was pressed, so that a refusal (403, 409) is seen where the user looks. */}
        {unmapped && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={submit.isPending} disabled={!canSubmit}>
          {t('reporting.submit')}
        </Button>
      </Form>
    </>
  );
}
