import { App, Button, Flex, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemDetail } from '../../components/problem-text';
import type { Me } from '../auth/queries';
import { actionKey, allowedActions, isSteering } from './labels';
import { type Action, type Assessment, useAssessmentAction, useRecompute } from './queries';

/** The process steps the viewer's role allows now; a return asks for the comment, the others for a confirmation. */
export function ActionButtons({ me, assessment }: { me: Me; assessment: Assessment }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const act = useAssessmentAction(assessment.id);
  const recompute = useRecompute(assessment.id);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const actions = allowedActions(me, assessment);
  const mayRecompute = isSteering(me) && (assessment.status === 'self' || assessment.status === 'review');

  const fail = (e: Error) => void message.error(e instanceof ApiError ? [e.title, problemDetail(e)].filter(Boolean).join('：') : e.message);
  const run = (action: Action, extra: { comment?: string } = {}) =>
    act.mutate(
      { action, ...extra, ...(action === 'submit-self' && assessment.ownSubjectKey ? { subjectKey: assessment.ownSubjectKey } : {}) },
      {
        onSuccess: () => {
          void message.success(t('assessment.action.done', { action: t(actionKey(action)) }));
          setReturning(false);
          setComment('');
        },
        onError: fail,
      },
    );

  if (actions.length === 0 && !mayRecompute) return null;
  return (
    <Flex gap={8} wrap>
      {actions.map((a) =>
        a === 'return' ? (
          <Button key={a} danger onClick={() => setReturning(true)}>
            {t(actionKey(a))}
          </Button>
        ) : (
          <Popconfirm key={a} title={t('assessment.action.confirm', { action: t(actionKey(a)) })} onConfirm={() => run(a)}>
            <Button type="primary" loading={act.isPending && act.variables?.action === a}>
              {t(actionKey(a))}
            </Button>
          </Popconfirm>
        ),
      )}
      {mayRecompute && (
        <Button loading={recompute.isPending} onClick={() => recompute.mutate(undefined, { onSuccess: () => void message.success(t('assessment.action.done', { action: t('assessment.action.recompute') })), onError: fail })}>
          {t('assessment.action.recompute')}
        </Button>
      )}
      <Modal
        open={returning}
        title={t('assessment.action.return')}
        okButtonProps={{ danger: true, disabled: comment.trim() === '' }}
        okText={t('assessment.action.return')}
        confirmLoading={act.isPending}
        onOk={() => run('return', { comment: comment.trim() })}
        onCancel={() => setReturning(false)}
      >
        <label htmlFor="assessment-return-comment">{t('assessment.action.comment')}</label>
        <Input.TextArea id="assessment-return-comment" rows={4} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('assessment.action.commentRequired')} />
      </Modal>
    </Flex>
  );
}
