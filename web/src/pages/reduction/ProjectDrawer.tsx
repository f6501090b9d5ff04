import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Skeleton, Table, Tag } from 'antd';
import type { Pollutant } from '../../../../src/domain/reduction/model';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { ReviewHistory, ThreadHeading } from '../../components/ReviewHistory';
import type { Me } from '../auth/queries';
import { AccountingTable } from './AccountingTable';
import { formatMonth, formatTonnes } from './format';
import { DISPATCH_TAG, dispatchStatusKey, historyLabelKey, methodKey, pollutantKey, STATUS_TAG, statusKey, typeKey } from './labels';
import { EvidenceSection } from './EvidenceSection';
import { type Dispatch, type ProjectDetail, projectQuery } from './queries';
import { canEditProject } from './roles';

type Monitoring = NonNullable<ProjectDetail['monitoring']>;

/** 在线监测比对: measured before/after means beside the claimed ones, contradictions flagged (reduction.md §5); says so while the monitoring module is absent. */
function MonitoringCheck({ monitoring }: { monitoring: Monitoring }) {
  const { t } = useI18n();
  const num = (v: number | null) => (v === null ? '—' : String(v));
  return (
    <section>
      <ThreadHeading>{t('reduction.drawer.monitoring', { mn: monitoring.stationMn })}</ThreadHeading>
      {!monitoring.available && <Alert type="info" showIcon message={t('reduction.drawer.monitoringNotConnected')} style={{ marginBottom: 8 }} />}
      <Table
        rowKey="pollutant"
        size="small"
        pagination={false}
        dataSource={monitoring.rows}
        columns={[
          { title: t('reduction.acc.pollutant'), dataIndex: 'pollutant', render: (p: Pollutant) => t(pollutantKey(p)) },
          { title: t('reduction.drawer.claimedBefore'), key: 'cb', render: (_, r) => `${num(r.claimedBefore)} ${r.unit}` },
          { title: t('reduction.drawer.claimedAfter'), key: 'ca', render: (_, r) => `${num(r.claimedAfter)} ${r.unit}` },
          { title: t('reduction.drawer.measuredBefore'), key: 'mb', render: (_, r) => `${num(r.measuredBefore)} ${r.unit}` },
          { title: t('reduction.drawer.measuredAfter'), key: 'ma', render: (_, r) => `${num(r.measuredAfter)} ${r.unit}` },
          {
            title: t('reduction.acc.result'),
            key: 'c',
            render: (_, r) => (r.measuredAfter === null && r.measuredBefore === null ? '—' : <Tag color={r.contradiction ? 'red' : 'green'}>{t(r.contradiction ? 'reduction.drawer.contradiction' : 'reduction.drawer.consistent')}</Tag>),
          },
        ]}
      />
    </section>
  );
}

function Body({ me, detail }: { me: Me; detail: ProjectDetail }) {
  const { t, locale } = useI18n();
  const p = detail.project;
  // The newest filing first; its accounting is the project's current figure.
  const dispatches = [...detail.dispatches].sort((a, b) => b.month.localeCompare(a.month) || b.revision - a.revision);
  const latest = dispatches[0];
  const tonnes = (m: Partial<Record<Pollutant, number>>) => p.pollutants.map((x) => `${t(pollutantKey(x))} ${formatTonnes(m[x], locale)}`).join('；');
  return (
    <>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('reduction.project.type')}>{t(typeKey(p.measureType))}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.project.method')}>{t(methodKey(p.method))}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.project.facility')}>{p.facilityName}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.project.uscc')}>{p.uscc || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.project.outlet')}>{p.outlet || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.project.status')}>
          {p.registered ? <Tag color={STATUS_TAG[p.status]}>{t(statusKey(p.status))}</Tag> : <Tag>{t('reduction.project.draft')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('reduction.project.plannedStart')}>{p.plannedStart ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.project.plannedCompletion')}>{p.plannedCompletion ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.project.baseline')}>{tonnes(p.baseline_t)}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.project.planned')}>{tonnes(p.planned_t)}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.project.verifiedT')} span={2}>
          {p.verifiedYear ? `${p.verifiedYear}：${tonnes(p.verified_t)}` : '—'}
        </Descriptions.Item>
      </Descriptions>
      {latest ? (
        <section>
          <ThreadHeading>{t('reduction.drawer.accounting', { year: latest.accounting.year })}</ThreadHeading>
          <AccountingTable accounting={latest.accounting} label={t('reduction.drawer.accounting', { year: latest.accounting.year })} />
        </section>
      ) : (
        <Alert type="info" showIcon message={t('reduction.drawer.noDispatch')} style={{ marginTop: 16 }} />
      )}
      {dispatches.length > 0 && (
        <section>
          <ThreadHeading>{t('reduction.drawer.dispatches')}</ThreadHeading>
          <Table<Dispatch>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={dispatches}
            columns={[
              { title: t('reduction.queue.month'), key: 'm', render: (_, d) => t('reduction.drawer.revision', { month: formatMonth(d.month, locale), revision: d.revision }) },
              { title: t('reduction.dispatch.projectStatus'), dataIndex: 'projectStatus', render: (s: Dispatch['projectStatus']) => t(statusKey(s)) },
              { title: t('reduction.dispatch.status'), dataIndex: 'status', render: (s: Dispatch['status']) => <Tag color={DISPATCH_TAG[s]}>{t(dispatchStatusKey(s))}</Tag> },
              { title: t('reduction.acc.countable'), key: 'c', render: (_, d) => d.accounting.pollutants.map((x) => `${t(pollutantKey(x.pollutant))} ${formatTonnes(x.countable_t, locale)}`).join('；') },
            ]}
          />
          <ThreadHeading>{t('reduction.drawer.history')}</ThreadHeading>
          <ReviewHistory
            steps={detail.history}
            actionLabel={(a) => t(historyLabelKey(a))}
            revisionLabel={(h) => {
              const d = detail.dispatches.find((x) => x.id === h.dispatchId);
              return d ? t('reduction.drawer.revision', { month: formatMonth(d.month, locale), revision: d.revision }) : '';
            }}
          />
        </section>
      )}
      <EvidenceSection projectId={p.id} method={p.method} evidence={detail.evidence} missing={p.missingEvidence} canUpload={canEditProject(me, p)} />
      {detail.monitoring && <MonitoringCheck monitoring={detail.monitoring} />}
    </>
  );
}

/** A project's file: what it is, its latest accounting with the reasons, its dispatches and their verification, evidence and the monitoring cross-check. */
export function ProjectDrawer({ me, id, onClose }: { me: Me; id: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useQuery({ ...projectQuery(id ?? 0), enabled: id !== null });
  const p = detail.data?.project;
  return (
    <Drawer open={id !== null} width={920} onClose={onClose} title={p ? t('reduction.drawer.title', { code: p.code, name: p.name }) : ' '} destroyOnHidden>
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : detail.data ? <Body me={me} detail={detail.data} /> : <Skeleton active paragraph={{ rows: 12 }} />}
    </Drawer>
  );
}
