import { useQuery } from '@tanstack/react-query';
import { Progress, Table, Tag } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { TableTitle } from '../dashboard/TableTitle';
import { type EconomySummary, economyQuery } from './institution-queries';

type Share = EconomySummary['regions'][number];

/** 节约型机关 per county (and 市本级) against the plan's 80 % goal, a progress bar each, the city's total last. */
export function EconomyTable({ year }: { year: number }) {
  const { t } = useI18n();
  const q = useQuery(economyQuery(year));
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const goalPercent = Math.round((s?.goal ?? 0.8) * 100);
  const rows: Share[] = s ? [...s.regions.filter((r) => r.organs > 0), { ...s.city, regionCode: 'total', regionName: t('supervision.inst.cityTotal') }] : [];
  return (
    <Table<Share>
      rowKey="regionCode"
      size="small"
      loading={q.isPending}
      dataSource={rows}
      pagination={false}
      title={() => <TableTitle extra={null}>{t('supervision.inst.economyGoal', { year: s?.goalYear ?? 2025, goal: `${goalPercent}%` })}</TableTitle>}
      columns={[
        { title: t('supervision.inst.region'), dataIndex: 'regionName', width: 120, render: (v: string, r) => (r.regionCode === s?.city.regionCode ? t('supervision.inst.cityOwn') : v) },
        { title: t('supervision.inst.organs'), dataIndex: 'organs', width: 110, align: 'right' },
        { title: t('supervision.inst.accepted'), dataIndex: 'accepted', width: 80, align: 'right' },
        { title: t('supervision.inst.creating'), dataIndex: 'creating', width: 80, align: 'right' },
        {
          title: t('supervision.inst.share'),
          key: 'share',
          width: 240,
          render: (_: unknown, r) => (
            <Progress
              percent={Math.round((r.share ?? 0) * 1000) / 10}
              status={r.meetsGoal ? 'success' : 'normal'}
              aria-label={`${r.regionName} ${t('supervision.inst.share')}`}
              format={(p) => `${p}% / ${goalPercent}%`}
            />
          ),
        },
        { title: t('supervision.inst.needed'), dataIndex: 'needed', width: 90, align: 'right', render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : <Tag color="green">0</Tag>) },
      ]}
    />
  );
}
