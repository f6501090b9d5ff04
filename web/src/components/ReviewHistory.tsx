import { Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../app/i18n-context';

/** One step taken on a submission under review (报送, 更正, 审核通过, 退回…). */
export type ReviewStep = { id: number; action: string; actorName: string; comment: string | null; at: string };

// 'county-approve' occurs only in the enterprises' two-stage review.
const ACTION_COLOR: Record<string, string> = { submit: 'blue', correct: 'blue', 'county-approve': 'cyan', approve: 'green', return: 'red' };

/** A heading inside a thread (result, revisions, history). */
export function ThreadHeading({ children }: { children: string }) {
  return (
    <Typography.Title level={3} style={{ fontSize: 15, margin: '20px 0 8px' }}>
      {children}
    </Typography.Title>
  );
}

/** Every step taken on a submission, oldest first: who, what (labelled by the caller's catalog), on which revision, when, and the comment. */
export function ReviewHistory<S extends ReviewStep>({ steps, actionLabel, revisionLabel }: { steps: S[]; actionLabel: (action: string) => string; revisionLabel: (step: S) => string }) {
  const { locale } = useI18n();
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }), [locale]);
  return (
    <Timeline
      items={steps.map((h) => ({
        key: h.id,
        color: ACTION_COLOR[h.action] ?? 'gray',
        children: (
          <>
            <Typography.Text strong>{h.actorName}</Typography.Text> {actionLabel(h.action)}
            <Typography.Text type="secondary">
              {' · '}
              {revisionLabel(h)} · {time.format(new Date(h.at))}
            </Typography.Text>
            {h.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{h.comment}</div>}
          </>
        ),
      }))}
    />
  );
}
