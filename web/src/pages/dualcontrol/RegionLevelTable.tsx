import { Table, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import type { ExportColumn } from '../../components/table-export';
import { TableTitle } from '../dashboard/TableTitle';
import { explainNotRated } from './explain';
import { LevelTag } from './LevelTag';
import { formatAmount, formatRate, type LevelColours, levelLabelKey } from './levels';
import type { BarometerRegion } from './queries';
import { percentCell, regionNameColumn } from './region-columns';

type Props = {
  year: number;
  regions: readonly BarometerRegion[];
  colours: LevelColours;
  onOpen: (regionCode: string) => void;
};

/** Every county, district and zone for the year: both dimensions' levels and the numbers that decide them. */
export function RegionLevelTable({ year, regions, colours, onOpen }: Props) {
  const { t } = useI18n();
  const e = (r: BarometerRegion) => r.evaluation;
  const rate = (v: number | null | undefined) => formatRate(v ?? null);
  const num = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v.toFixed(4)));
  const columns: ExportColumn<BarometerRegion>[] = [
    regionNameColumn(t, onOpen, { fixed: 'left' }),
    { title: t('energy.col.overall'), key: 'overall', width: 96, render: (_, r) => <LevelTag level={e(r)?.level.overall} colours={colours} title={e(r) ? undefined : explainNotRated(r, t)} />, exportValue: (r) => t(levelLabelKey(e(r)?.level.overall)) },
    { title: t('energy.col.intensityLevel'), key: 'intensityLevel', width: 96, render: (_, r) => (e(r) ? <LevelTag level={e(r)!.level.intensity} colours={colours} /> : '—'), exportValue: (r) => (e(r) ? t(levelLabelKey(e(r)!.level.intensity)) : null) },
    { title: t('energy.col.annualReduction'), key: 'annualReduction', width: 110, align: 'right', render: (_, r) => rate(e(r)?.rating.intensity.actual), exportValue: (r) => percentCell(e(r)?.rating.intensity.actual) },
    // The figures behind each level are the server's (rating): the page does not recompute them from the targets.
    { title: t('energy.col.required'), key: 'required', width: 96, align: 'right', render: (_, r) => rate(e(r)?.rating.intensity.required), exportValue: (r) => percentCell(e(r)?.rating.intensity.required) },
    { title: t('energy2.col.intensityGap'), key: 'intensityGap', width: 96, align: 'right', render: (_, r) => rate(e(r)?.rating.intensity.gap), exportValue: (r) => percentCell(e(r)?.rating.intensity.gap) },
    { title: t('energy.col.cumulative'), key: 'cumulative', width: 130, align: 'right', render: (_, r) => (e(r) ? `${rate(e(r)!.cumulativeReduction)} / ${rate(e(r)!.progressTarget)}` : '—'), exportValue: (r) => (e(r) ? `${rate(e(r)!.cumulativeReduction)} / ${rate(e(r)!.progressTarget)}` : null) },
    { title: t('energy.col.intensity'), key: 'intensity', width: 110, align: 'right', render: (_, r) => formatAmount(e(r)?.intensity, 4), exportValue: (r) => num(e(r)?.intensity) },
    {
      title: t('energy.col.totalLevel'),
      key: 'totalLevel',
      width: 110,
      render: (_, r) => (!e(r) ? '—' : e(r)!.exemptFromTotal ? <Typography.Text type="success">{t('energy.exempt')}</Typography.Text> : <LevelTag level={e(r)!.level.total} colours={colours} />),
      exportValue: (r) => (!e(r) ? null : e(r)!.exemptFromTotal ? t('energy.exempt') : t(levelLabelKey(e(r)!.level.total))),
    },
    { title: t('energy2.col.totalGrowth'), key: 'totalGrowth', width: 110, align: 'right', render: (_, r) => rate(e(r)?.rating.total.actual), exportValue: (r) => percentCell(e(r)?.rating.total.actual) },
    { title: t('energy2.col.allowedGrowth'), key: 'allowedGrowth', width: 110, align: 'right', render: (_, r) => rate(e(r)?.rating.total.required), exportValue: (r) => percentCell(e(r)?.rating.total.required) },
    { title: t('energy2.col.totalGap'), key: 'totalGap', width: 96, align: 'right', render: (_, r) => rate(e(r)?.rating.total.gap), exportValue: (r) => percentCell(e(r)?.rating.total.gap) },
    { title: t('energy.col.assessedTotal'), key: 'assessedTotal', width: 110, align: 'right', render: (_, r) => formatAmount(e(r)?.assessedTotal), exportValue: (r) => num(e(r)?.assessedTotal) },
    { title: t('energy.col.totalTarget'), key: 'totalTarget', width: 120, align: 'right', render: (_, r) => formatAmount(e(r)?.totalTarget?.adjusted), exportValue: (r) => num(e(r)?.totalTarget?.adjusted) },
    { title: t('energy.col.energy'), key: 'energy', width: 110, align: 'right', render: (_, r) => formatAmount(e(r)?.energy), exportValue: (r) => num(e(r)?.energy) },
    { title: t('energy.col.nonFossilShare'), key: 'nonFossil', width: 100, align: 'right', render: (_, r) => rate(e(r)?.nonFossilShare), exportValue: (r) => percentCell(e(r)?.nonFossilShare) },
    { title: t('energy.col.note'), key: 'note', width: 200, render: (_, r) => (e(r) ? (e(r)!.onTrack ? t('energy.onTrack') : t('energy.behind')) : explainNotRated(r, t)), exportValue: (r) => (e(r) ? (e(r)!.onTrack ? t('energy.onTrack') : t('energy.behind')) : explainNotRated(r, t)) },
  ];
  const name = t('energy.regionsOf', { year });
  return (
    <Table<BarometerRegion>
      rowKey="regionCode"
      size="small"
      columns={columns}
      dataSource={[...regions]}
      pagination={false}
      scroll={{ x: 1920, y: 420 }}
      title={() => <TableTitle extra={<ExportButton name={name} columns={columns} rows={regions} />}>{name}</TableTitle>}
    />
  );
}
