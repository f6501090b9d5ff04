import { Alert, App, Button, Form, Input, Modal, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { VetoRule } from '../../../../src/domain/assessment/model';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { historyKey } from './labels';
import { type Assessment, type SubjectDetail, useSetExemption } from './queries';

type Row = { veto: VetoRule; exempted: boolean };

/** The subject's exemptible vetoes that fire or are exempted: each with its state, and for the city the one change it allows. */
export function exemptionRows(vetoes: readonly VetoRule[], result: Pick<SubjectDetail['result'], 'vetoes' | 'exempted'>): Row[] {
  return vetoes
    .filter((v) => v.exemptible && (result.exempted.includes(v.key) || result.vetoes.some((f) => f.key === v.key)))
    .map((veto): Row => ({ veto, exempted: result.exempted.includes(veto.key) }));
}

/** This subject's entries of the assessment's history: exempt and unexempt events name the subject first. */
export const exemptionHistory = (history: Assessment['history'], name: string) =>
  history.filter((h) => (h.action === 'exempt' || h.action === 'unexempt') && (h.comment ?? '').startsWith(`${name} `));

type Props = { detail: SubjectDetail; vetoes: readonly VetoRule[]; history: Assessment['history']; mayChange: boolean };

/**
 * 否决项豁免: the steering office lifts an exemptible veto that fires for this subject (or withdraws the exemption)
 * with a reason, while the status is self or review; the others see the state. The reason history follows.
 */
export function ExemptionPanel({ detail, vetoes, history, mayChange }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [editing, setEditing] = useState<Row | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const change = useSetExemption(detail.assessmentId, detail.key);
  const rows = exemptionRows(vetoes, detail.result);
  const entries = exemptionHistory(history, detail.name);
  const open = detail.status === 'self' || detail.status === 'review';
  if (rows.length === 0 && entries.length === 0) return null;

  const actionOf = (row: Row) => t(row.exempted ? 'assessment.exemption.unexempt' : 'assessment.exemption.exempt');
  const start = (row: Row) => {
    form.resetFields();
    setFailure(null);
    setEditing(row);
  };
  const submit = () => {
    if (!editing) return;
    const row = editing;
    setFailure(null);
    change.mutate(
      { vetoKey: row.veto.key, exempt: !row.exempted, reason: form.getFieldValue('reason') ?? '' },
      {
        onSuccess: () => {
          void message.success(t('assessment.exemption.done', { action: actionOf(row), veto: row.veto.message }));
          setEditing(null);
        },
        onError: (e) => {
          if (!(e instanceof ApiError)) return void message.error(e.message);
          const fields = problemToFields(e, ['reason'] as const);
          form.setFields(fields);
          if (!fields.length) setFailure(e);
        },
      },
    );
  };

  return (
    <section aria-label={t('assessment.exemption.title')}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('assessment.exemption.title')}
      </Typography.Title>
      {rows.length > 0 && (
        <Table<Row>
          rowKey={(r) => r.veto.key}
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('assessment.exemption.veto'), key: 'veto', render: (_, r) => r.veto.message },
            {
              title: t('assessment.exemption.state'),
              key: 'state',
              width: 120,
              render: (_, r) => <Tag color={r.exempted ? 'orange' : 'red'}>{t(r.exempted ? 'assessment.exemption.exempted' : 'assessment.exemption.fires')}</Tag>,
            },
            ...(mayChange && open
              ? [{ title: t('assessment.action.other'), key: 'change', width: 120, render: (_: unknown, r: Row) => <Button size="small" danger={!r.exempted} onClick={() => start(r)}>{actionOf(r)}</Button> }]
              : []),
          ]}
        />
      )}
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>
        {t('assessment.exemption.history')}
      </Typography.Text>
      {entries.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('assessment.exemption.noHistory')}</Typography.Paragraph>
      ) : (
        <Timeline
          items={entries.map((h, i) => ({
            key: i,
            color: h.action === 'exempt' ? 'orange' : 'gray',
            children: (
              <>
                <Typography.Text strong>{h.actorName}</Typography.Text> {t(historyKey(h.action))}
                <Typography.Text type="secondary"> · {new Date(h.at).toLocaleString(locale, { hour12: false })}</Typography.Text>
                {h.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{h.comment}</div>}
              </>
            ),
          }))}
        />
      )}
      <Modal
        open={editing !== null}
        title={editing ? t('assessment.exemption.modal', { action: actionOf(editing), veto: editing.veto.message }) : ''}
        okText={editing ? actionOf(editing) : ''}
        okButtonProps={{ danger: editing?.exempted === false }}
        confirmLoading={change.isPending}
        onOk={submit}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label={t('assessment.exemption.reason')} required>
            <Input.TextArea rows={4} maxLength={2000} placeholder={t('assessment.exemption.reasonHint')} />
          </Form.Item>
        </Form>
        {failure && <Alert type="error" showIcon role="alert" message={failure.title} description={problemDetail(failure)} />}
      </Modal>
    </section>
  );
}
