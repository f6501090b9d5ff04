import { useQuery } from '@tanstack/react-query';
import { Drawer, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { QueryError } from '../../components/QueryError';
import { periodLabel } from './calendar';
import { EvidenceList } from './EvidenceList';
import { type Report, type ReportThread as Thread, threadQuery } from './queries';
import type { DrawerTarget } from './report-form';
import { type ItemInfo, threadState } from './report-format';
import { ReportForm } from './ReportForm';
import { ReportThread } from './ReportThread';
import { useNames } from './use-names';

function Title({ target, info }: { target: DrawerTarget; info: ItemInfo | undefined }) {
  const { t } = useI18n();
  const { regionName } = useNames();
  const code = info?.code ?? target.code ?? '';
  const name = info?.name ?? target.name ?? t('reporting.unknownItem', { id: target.item.id });
  return (
    <>
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: name }} style={{ margin: 0, fontWeight: 600 }}>
        {code} {name}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
        {[periodLabel(target.periodKey, t), regionName(target.regionCode), target.due && t('reporting.due', { date: target.due })].filter(Boolean).join(' · ')}
      </Typography.Text>
    </>
  );
}

type BodyProps = { target: DrawerTarget; info: ItemInfo | undefined; readOnly: boolean; thread: Thread | undefined; onSubmitted: (r: Report) => void };

function Body({ target, info, readOnly, thread, onSubmitted }: BodyProps) {
  const me = useMe();
  const state = threadState(thread?.revisions ?? [], thread?.history ?? []);
  const latest = state.latest;
  // Evidence belongs to a revision: the latest one's, added to by its submitter while it awaits review.
  const canAttach = !readOnly && latest !== null && state.isPending && latest.submittedBy === me.id;
  return (
    <>
      {!readOnly && (
        <ReportForm key={`${target.reportId ?? 'new'}-${thread?.revisions.length ?? 0}`} target={target} info={info} thread={state} onSubmitted={onSubmitted} />
      )}
      {latest && <EvidenceList key={latest.id} reportId={latest.id} canAttach={canAttach} />}
      {thread && <ReportThread thread={thread} unit={info?.unit ?? null} />}
    </>
  );
}

type Props = { target: DrawerTarget | null; readOnly?: boolean; onClose: () => void };

/** One period's report: the fill form (unless read-only) and, once anything was submitted, its whole thread. */
export function ReportDrawer({ target, readOnly = false, onClose }: Props) {
  const { item } = useNames();
  // After a submission the drawer stays open on the new revision (to attach evidence to it).
  const [submitted, setSubmitted] = useState<{ target: DrawerTarget; id: number } | null>(null);
  const reportId = submitted && submitted.target === target ? submitted.id : (target?.reportId ?? null);
  const thread = useQuery({ ...threadQuery(reportId ?? 0), enabled: reportId !== null });
  const info = target ? item(target.item.kind, target.item.id) : undefined;

  let body = null;
  if (target) {
    if (reportId !== null && thread.isError) body = <QueryError error={thread.error} onRetry={() => void thread.refetch()} />;
    else if (reportId !== null && thread.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
    else
      body = (
        <Body
          target={{ ...target, reportId }}
          info={info}
          readOnly={readOnly}
          thread={reportId === null ? undefined : thread.data}
          onSubmitted={(r) => setSubmitted({ target, id: r.id })}
        />
      );
  }
  return (
    <Drawer open={target !== null} onClose={onClose} width={640} destroyOnHidden title={target && <Title target={target} info={info} />}>
      {body}
    </Drawer>
  );
}
