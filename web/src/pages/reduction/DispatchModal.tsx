import { useQuery } from '@tanstack/react-query';
import { Alert, App, Card, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { PROJECT_STATUSES } from '../../../../src/domain/reduction/model';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemDetail } from '../../components/problem-text';
import { AccountingTable } from './AccountingTable';
import { type DispatchFormValues, dispatchFormValues, needsCorrectionReason, toDispatchBody } from './dispatch-form';
import { formatMonth } from './format';
import { eventDateKey, pollutantKey, statusKey } from './labels';
import { hasRequiredParams } from './params';
import { ParamFields } from './ParamFields';
import { problemNamePaths, projectBodyOf } from './project-form';
import { type Dispatch, type NewDispatch, type NewProject, previewQuery, type Project, useSubmitDispatch } from './queries';

const DATE = 'YYYY-MM-DD';

/** A value that settles: the last one after `ms` without change (the preview asks the engine once typing pauses). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

/** 核算预览: the engine's figure for what the form says (POST /preview, nothing saved), with every rejection's reason. */
function Preview({ body, month }: { body: { project: NewProject; dispatch: NewDispatch } | null; month: string }) {
  const { t } = useI18n();
  const preview = useQuery(previewQuery(body));
  let content;
  if (body === null) content = <Typography.Text type="secondary">{t('reduction.dispatch.previewIncomplete')}</Typography.Text>;
  else if (preview.error instanceof ApiError)
    content = (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={preview.error.title}
        description={[problemDetail(preview.error), ...preview.error.errors.map((e) => e.detail)].filter(Boolean).join('；')}
      />
    );
  else if (!preview.data) content = <Skeleton active paragraph={{ rows: 3 }} />;
  else content = <AccountingTable accounting={preview.data} label={`${t('reduction.dispatch.preview')} ${month}`} />;
  return (
    <Card size="small" title={t('reduction.dispatch.preview')} extra={<Typography.Text type="secondary">{t('reduction.dispatch.previewHint')}</Typography.Text>} aria-label={t('reduction.dispatch.preview')} role="region">
      {content}
    </Card>
  );
}

/**
 * 填报 one project's month: status and actual dates (稳定运行 starts the count, T1), progress, the year-to-date inputs
 * prefilled from the project, the claim and any offset, with the engine's figure beside it as it is typed.
 */
export function DispatchModal({
  open,
  project,
  month,
  last,
  onClose,
  afterClose,
}: {
  open: boolean;
  project: Project | null;
  month: string;
  last: Dispatch | null;
  onClose: () => void;
  /** The closing animation is over: the caller may drop the project now (the form stays mounted until then). */
  afterClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DispatchFormValues>();
  const submit = useSubmitDispatch();
  const values = Form.useWatch([], form);
  const correction = needsCorrectionReason(last);

  useEffect(() => {
    if (project) form.setFieldsValue(dispatchFormValues(project, last));
  }, [project, last, form]);

  const draft = useMemo(() => {
    if (!project || !values?.status) return null;
    const dispatch = toDispatchBody(month, project.method, project.pollutants, values);
    if (!hasRequiredParams(project.method, dispatch.params ?? {}, project.pollutants)) return null;
    return { project: projectBodyOf(project), dispatch };
  }, [project, values, month]);
  const settled = useSettled(draft, 400);

  const onFinish = (v: DispatchFormValues) => {
    if (!project) return;
    submit.mutate(
      { projectId: project.id, body: toDispatchBody(month, project.method, project.pollutants, v) },
      {
        onSuccess: () => {
          void message.success(t('reduction.dispatch.submitted', { month: formatMonth(month, locale) }));
          onClose();
        },
        onError: (e) => {
          // The server's pointers name the body's fields, which are the form's; dates sit under `dates` in the body only.
          if (e instanceof ApiError) form.setFields(problemNamePaths(e).map((f) => ({ ...f, name: f.name[0] === 'dates' ? f.name.slice(1) : f.name })) as Parameters<typeof form.setFields>[0]);
        },
      },
    );
  };
  const error = submit.error instanceof ApiError ? submit.error : null;
  const pollutants = project?.pollutants ?? [];
  const date = (name: keyof DispatchFormValues, label: string, extra?: string) => (
    <Col xs={12} md={6}>
      <Form.Item label={label} name={name} tooltip={extra}>
        <DatePicker format={DATE} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <Modal
      open={open}
      width={1280}
      title={project ? t('reduction.dispatch.formTitle', { name: project.name, month: formatMonth(month, locale) }) : ''}
      okText={t('reduction.dispatch.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        submit.reset();
        form.resetFields();
        afterClose();
      }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
      <Row gutter={24}>
        <Col xs={24} lg={15}>
          {project && (
            <Form<DispatchFormValues> form={form} name="reduction-dispatch" layout="vertical" onFinish={onFinish} scrollToFirstError>
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item label={t('reduction.dispatch.projectStatus')} name="status" rules={[{ required: true, message: t('reduction.dispatch.statusRequired') }]}>
                    <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item label={t('reduction.dispatch.progressPct')} name="progressPct">
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('reduction.dispatch.progressNote')} name="progressNote">
                    <Input maxLength={2000} />
                  </Form.Item>
                </Col>
                {date('actualStart', t('reduction.dispatch.actualStart'))}
                {date('completion', t('reduction.dispatch.completion'))}
                {date('acceptance', t('reduction.dispatch.acceptance'))}
                {date('eventDate', t(eventDateKey(project.method)), t('reduction.dispatch.eventDateHelp'))}
                {date('endDate', t('reduction.dispatch.endDate'))}
              </Row>
              <Divider style={{ margin: '4px 0 8px' }} />
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('reduction.dispatch.paramsTitle')}
              </Typography.Paragraph>
              <ParamFields method={project.method} pollutants={pollutants} />
              <Row gutter={16}>
                {pollutants.map((p) => (
                  <Col key={p} xs={24} md={12}>
                    <Form.Item label={`${t('reduction.dispatch.claimed')}：${t(pollutantKey(p))}`} name={['claimed_t', p]}>
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <Typography.Text strong>{t('reduction.dispatch.offsetTitle')}</Typography.Text>
              <Row gutter={16} style={{ marginTop: 8 }}>
                {pollutants.map((p) => (
                  <Col key={p} xs={24} md={12}>
                    <Row gutter={8}>
                      <Col span={10}>
                        <Form.Item label={`${t('reduction.dispatch.offsetT')}：${t(pollutantKey(p))}`} name={['offsets', p, 't']}>
                          <InputNumber min={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={14}>
                        <Form.Item label={`${t('reduction.dispatch.offsetNo')}：${t(pollutantKey(p))}`} name={['offsets', p, 'approvalNo']}>
                          <Input maxLength={100} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Col>
                ))}
              </Row>
              <Row gutter={16}>
                <Col xs={24} md={correction ? 12 : 24}>
                  <Form.Item label={t('reduction.dispatch.baselineExplanation')} name="baselineExplanation">
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                </Col>
                {correction && (
                  <Col xs={24} md={12}>
                    <Form.Item label={t('reduction.dispatch.correctionReason')} name="correctionReason" extra={t('reduction.dispatch.correctionHelp')} rules={[{ required: true, whitespace: true, message: t('reduction.dispatch.correctionHelp') }]}>
                      <Input.TextArea rows={2} maxLength={1000} />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            </Form>
          )}
        </Col>
        <Col xs={24} lg={9}>
          {/* Beside the form and kept in view while it scrolls, so a figure follows each keystroke. */}
          <div style={{ position: 'sticky', top: 0 }}>
            <Preview body={settled} month={month} />
          </div>
        </Col>
      </Row>
    </Modal>
  );
}
