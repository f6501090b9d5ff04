import { useQuery } from '@tanstack/react-query';
import { Button, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import type { SchemeItem } from '../../../../src/domain/assessment/model';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { fmt2, groupKey, isSteering } from './labels';
import { type Scheme, schemesQuery } from './queries';
import { SchemeEditor } from './SchemeEditor';

/** A rule in one line: the steps' thresholds, the proportional rule, the per-case deduction or the barometer levels' points. */
function ruleText(item: SchemeItem): string {
  if (item.kind === 'reviewed') return item.checklist.map((c) => `${c.text}（${fmt2(c.points)}）`).join('；');
  const r = item.rule;
  switch (r.kind) {
    case 'steps':
      return r.steps.map((s) => `≥${s.min}：${s.points}`).join('，') + `，其下 ${r.below}` + (r.bonus ? `；超额每 ${r.bonus.perStep} 加 ${r.bonus.points}，至多 ${r.bonus.cap}` : '');
    case 'linear':
      return '满分 × 完成率';
    case 'per-count':
      return `每次扣 ${r.points}`;
    case 'level':
      return `绿 ${r.points.green} / 黄 ${r.points.yellow} / 红 ${r.points.red}`;
  }
}

function ItemsTable({ scheme }: { scheme: Scheme }) {
  const { t } = useI18n();
  return (
    <Table<SchemeItem>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={scheme.scheme.items}
      columns={[
        { title: t('assessment.subject.group'), key: 'group', render: (_, i) => t(groupKey(i.group)) },
        { title: t('assessment.subject.item'), dataIndex: 'title' },
        { title: t('assessment.kind.reviewed'), key: 'kind', render: (_, i) => <Tag>{t(i.kind === 'computed' ? 'assessment.kind.computed' : 'assessment.kind.reviewed')}</Tag> },
        { title: t('assessment.subject.score'), key: 'max', align: 'right', render: (_, i) => t('assessment.points', { value: fmt2(i.maxPoints) }) },
        { title: t('assessment.schemes.thresholds'), key: 'rule', render: (_, i) => ruleText(i) },
        { title: t('assessment.schemes.reviewers'), key: 'rev', render: (_, i) => (i.kind === 'reviewed' ? i.reviewerDepartments.join('、') : '—') },
      ]}
    />
  );
}

/** 方案: every version of every scheme (its items when expanded); the steering office saves a changed one as a new version. */
export function SchemesTab({ me }: { me: Me }) {
  const { t, locale } = useI18n();
  const schemes = useQuery(schemesQuery());
  const [editing, setEditing] = useState<Scheme | null>(null);
  if (schemes.isError) return <QueryError error={schemes.error} onRetry={() => void schemes.refetch()} />;
  if (!schemes.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <>
      <Table<Scheme>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={schemes.data}
        title={() => <TableTitle extra={null}>{t('assessment.schemes.table')}</TableTitle>}
        expandable={{ expandedRowRender: (s) => <ItemsTable scheme={s} /> }}
        columns={[
          { title: t('assessment.schemes.code'), dataIndex: 'code' },
          { title: t('assessment.schemes.version'), dataIndex: 'version', align: 'right' },
          { title: t('assessment.schemes.name'), dataIndex: 'name' },
          { title: t('assessment.schemes.subject'), key: 'subject', render: (_, s) => t(s.subject === 'region' ? 'assessment.schemes.subject.region' : 'assessment.schemes.subject.department') },
          { title: t('assessment.schemes.inUse'), key: 'inUse', render: (_, s) => <Tag color={s.inUse ? 'blue' : 'default'}>{t(s.inUse ? 'assessment.schemes.inUse' : 'assessment.schemes.unused')}</Tag> },
          { title: t('assessment.schemes.source'), dataIndex: 'source', ellipsis: true },
          { title: t('assessment.schemes.created'), key: 'created', render: (_, s) => new Date(s.createdAt).toLocaleDateString(locale) },
          ...(isSteering(me)
            ? [{ title: '', key: 'edit', render: (_: unknown, s: Scheme) => <Button size="small" onClick={() => setEditing(s)} aria-label={t('assessment.schemes.editOf', { name: s.name, version: s.version })}>{t('assessment.schemes.edit')}</Button> }]
            : []),
        ]}
      />
      <SchemeEditor scheme={editing} onClose={() => setEditing(null)} />
    </>
  );
}
