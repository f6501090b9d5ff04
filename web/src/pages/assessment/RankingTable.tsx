import { Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n-context';
import type { ExportColumn } from '../../components/table-export';
import { TableTitle } from '../dashboard/TableTitle';
import { fmt2, GRADE_TAG, gradeKey } from './labels';
import type { RankingRow } from './summary';

type Props = { rows: RankingRow[]; title: string; assessmentId: number; region: boolean; previousPeriod: string | null; extra: ReactNode };

/** 考核结果排名: rank, subject (a link to its drill-down), the three parts, the total, the grade, the veto and the year-over-year change. */
export function RankingTable({ rows, title, assessmentId, region, previousPeriod, extra }: Props) {
  const { t } = useI18n();
  const pts = (v: number | null) => (v === null ? '—' : t('assessment.points', { value: fmt2(v) }));
  const columns: ExportColumn<RankingRow>[] = [
    {
      title: t('assessment.rank.rank'),
      key: 'rank',
      align: 'right',
      width: 96,
      render: (_, r) => (r.rank === null ? <Typography.Text type="secondary">{t('assessment.rank.hidden')}</Typography.Text> : r.rank),
    },
    {
      title: t(region ? 'assessment.rank.county' : 'assessment.rank.subject'),
      key: 'name',
      render: (_, r) => (
        <Link to={`/assessment/${assessmentId}/subjects/${encodeURIComponent(r.key)}`} title={t('assessment.rank.open', { name: r.name })}>
          {r.name}
        </Link>
      ),
    },
    { title: t('assessment.rank.target'), key: 'target', align: 'right', render: (_, r) => pts(r.targetPoints) },
    { title: t('assessment.rank.measures'), key: 'measures', align: 'right', render: (_, r) => pts(r.measurePoints) },
    { title: t('assessment.rank.deductions'), key: 'deductions', align: 'right', render: (_, r) => pts(r.deductions) },
    { title: t('assessment.rank.total'), key: 'total', align: 'right', render: (_, r) => <Typography.Text strong>{pts(r.total)}</Typography.Text> },
    { title: t('assessment.rank.grade'), key: 'grade', render: (_, r) => <Tag color={GRADE_TAG[r.grade]}>{t(gradeKey(r.grade))}</Tag> },
    {
      title: t('assessment.rank.veto'),
      key: 'veto',
      render: (_, r) => (r.vetoed ? <Tag color="red" title={r.vetoes.join('；')}>{t('assessment.rank.vetoed')}</Tag> : '—'),
    },
    {
      title: previousPeriod ? t('assessment.rank.yoy', { period: previousPeriod }) : t('assessment.rank.yoyNone'),
      key: 'yoy',
      align: 'right',
      render: (_, r) => (r.delta === null ? '—' : <Typography.Text type={r.delta < 0 ? 'danger' : r.delta > 0 ? 'success' : undefined}>{`${r.delta > 0 ? '+' : ''}${fmt2(r.delta)}`}</Typography.Text>),
    },
  ];
  return (
    <Table<RankingRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900 }}
      title={() => <TableTitle extra={extra}>{title}</TableTitle>}
    />
  );
}
