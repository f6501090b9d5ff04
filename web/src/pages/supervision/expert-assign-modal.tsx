import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { SUBJECT_KINDS } from '../../../../src/modules/supervision/capacity.schemas';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { enterprisesQuery, projectsQuery } from '../enterprises/queries';
import { conflictLabel } from './expert-labels';
import { type ConflictCheck, type Expert, checkAssignment, type NewAssignment, useAssignExpert } from './expert-queries';
import { inspectionsQuery } from './inspection-queries';

type Kind = NewAssignment['subjectKind'];
type Values = { subjectKind: Kind; subjectId: number; purpose: string; overrideReason?: string };
const FIELDS = ['subjectKind', 'subjectId', 'purpose', 'overrideReason'] as const;

/**
 * 指派专家: the subject (an enterprise, a 两高一低 project or an inspection), the conflicts the server finds for it, and
 * when there are any a reason, without which the server refuses (the reason is recorded and audited).
 */
export function ExpertAssignModal({ expert, onClose }: { expert: Expert | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('subjectKind', form) ?? 'enterprise';
  const [check, setCheck] = useState<ConflictCheck | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const enterprises = useQuery({ ...enterprisesQuery({}), enabled: !!expert && kind === 'enterprise' });
  const projects = useQuery({ ...projectsQuery(false), enabled: !!expert && kind === 'high-energy-project' });
  const inspections = useQuery({ ...inspectionsQuery({}), enabled: !!expert && kind === 'inspection' });
  const assign = useAssignExpert();

  const runCheck = async () => {
    const { subjectKind, subjectId } = form.getFieldsValue();
    if (!expert || !subjectId) return;
    setCheckError(null);
    try {
      setCheck(await checkAssignment({ expertId: expert.id, subjectKind: subjectKind ?? 'enterprise', subjectId }));
    } catch (e) {
      setCheck(null);
      setCheckError(e instanceof ApiError ? (problemDetail(e) ?? e.title) : String(e));
    }
  };
  const close = () => {
    form.resetFields();
    setCheck(null);
    onClose();
  };
  const submit = (v: Values) =>
    expert &&
    assign.mutate(
      { expertId: expert.id, subjectKind: v.subjectKind, subjectId: v.subjectId, purpose: v.purpose, overrideReason: v.overrideReason?.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t('supervision.capacity.assign.done'));
          close();
        },
        onError: (e) => {
          if (!(e instanceof ApiError)) return;
          // Refused for a conflict the dialog had not shown yet: show it, and the reason field with it.
          if (e.code === 'conflict') void runCheck();
          form.setFields(problemToFields(e, FIELDS));
        },
      },
    );
  const hasConflicts = (check?.conflicts.length ?? 0) > 0;
  return (
    <Modal open={!!expert} title={`${t('supervision.capacity.assign.title')}：${expert?.name ?? ''}`} okText={t('supervision.capacity.expert.assign')} cancelText={t('supervision.capacity.cancel')} confirmLoading={assign.isPending} onOk={() => form.submit()} onCancel={close} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ subjectKind: 'enterprise' }} onValuesChange={(c) => ('subjectKind' in c || 'subjectId' in c) && setCheck(null)}>
        <Form.Item name="subjectKind" label={t('supervision.capacity.assign.subjectKind')}>
          <Select options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`supervision.capacity.subject.${k}`) }))} onChange={() => form.setFieldValue('subjectId', undefined)} />
        </Form.Item>
        <Form.Item name="subjectId" label={t(`supervision.capacity.subject.${kind}`)} rules={[{ required: true }]}>
          {kind === 'enterprise' ? (
            <Select showSearch optionFilterProp="label" options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))} onChange={() => void runCheck()} />
          ) : kind === 'high-energy-project' ? (
            <Select showSearch optionFilterProp="label" options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))} onChange={() => void runCheck()} />
          ) : (
            <Select showSearch optionFilterProp="label" options={(inspections.data ?? []).map((i) => ({ value: i.id, label: `${i.enterpriseName}（${i.inspectedOn ?? i.plannedDate ?? `#${i.id}`}）` }))} onChange={() => void runCheck()} />
          )}
        </Form.Item>
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Button size="small" onClick={() => void runCheck()}>
            {t('supervision.capacity.assign.check')}
          </Button>
          {checkError && <Alert type="error" showIcon message={checkError} />}
          {check && !hasConflicts && <Alert type="success" showIcon message={t('supervision.capacity.expert.noConflict')} />}
          {check && hasConflicts && (
            <Alert
              type="warning"
              showIcon
              message={t('supervision.capacity.assign.reasonHint')}
              description={check.conflicts.map((c) => (
                <Tag key={c} color="red">
                  {conflictLabel(t, c)}
                </Tag>
              ))}
            />
          )}
        </Space>
        <Form.Item name="purpose" label={t('supervision.capacity.assign.purpose')} rules={[{ required: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        {hasConflicts && (
          <Form.Item name="overrideReason" label={t('supervision.capacity.assign.overrideReason')} rules={[{ required: true, message: t('supervision.capacity.assign.reasonHint') }]}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
