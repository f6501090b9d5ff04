import { Table } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import type { ExportColumn } from '../../components/table-export';
import { TableTitle } from '../dashboard/TableTitle';
import { explainNotRated, explainTotal } from './explain';
import { LevelTag } from './LevelTag';
import { formatRate, type LevelColours, levelLabelKey } from './levels';
import type { RatedRegion } from './rating';
import { percentCell, regionNameColumn } from './region-columns';

type Props = { title: string; regions: readonly RatedRegion[]; colours: LevelColours; onOpen: (regionCode: string) => void };

/** 季度晴雨表: every region's year-to-date levels and the figures behind them (as the bulletin lists them). */
export function QuarterLevelTable({ title, regions, colours, onOpen }: Props) {
  const { t } = useI18n();
  const rate = (v: number | null | undefined) => formatRate(v ?? null);
  const columns: ExportColumn<RatedRegion>[] = [
    regionNameColumn(t, onOpen, { fixed: 'left' }),
    { title: t('energy.col.overall'), key: 'overall', width: 96, render: (_, r) => <LevelTag level={r.overall} colours={colours} title={r.intensity ? undefined : explainNotRated(r, t)} />, exportValue: (r) => t(levelLabelKey(r.overall)) },
    { title: t('energy.col.intensityLevel'), key: 'intensityLevel', width: 96, render: (_, r) => (r.intensity ? <LevelTag level={r.intensity.level} colours={colours} /> : '—'), exportValue: (r) => (r.intensity ? t(levelLabelKey(r.intensity.level)) : null) },
    { title: t('energy2.col.ytdReduction'), key: 'reduction', width: 110, align: 'right', render: (_, r) => rate(r.intensity?.actual), exportValue: (r) => percentCell(r.intensity?.actual) },
    { title: t('energy.col.required'), key: 'required', width: 90, align: 'right', render: (_, r) => rate(r.intensity?.required), exportValue: (r) => percentCell(r.intensity?.required) },
    { title: t('energy2.col.intensityGap'), key: 'intensityGap', width: 90, align: 'right', render: (_, r) => rate(r.intensity?.gap), exportValue: (r) => percentCell(r.intensity?.gap) },
    { title: t('energy.col.totalLevel'), key: 'totalLevel', width: 96, render: (_, r) => (r.total ? <LevelTag level={r.total.level} colours={colours} /> : '—'), exportValue: (r) => (r.total ? t(levelLabelKey(r.total.level)) : null) },
    { title: t('energy2.col.totalGrowth'), key: 'totalGrowth', width: 110, align: 'right', render: (_, r) => rate(r.total?.actual), exportValue: (r) => percentCell(r.total?.actual) },
    { title: t('energy2.col.allowedGrowth'), key: 'allowedGrowth', width: 110, align: 'right', render: (_, r) => rate(r.total?.required), exportValue: (r) => percentCell(r.total?.required) },
    { title: t('energy2.col.totalGap'), key: 'totalGap', width: 90, align: 'right', render: (_, r) => rate(r.total?.gap), exportValue: (r) => percentCell(r.total?.gap) },
    {
      title: t('energy.col.note'),
      key: 'note',
      width: 220,
      render: (_, r) => (r.total ? (r.total.level === null ? explainTotal(r.total, false, t) : '') : explainNotRated(r, t)),
      exportValue: (r) => (r.total ? (r.total.level === null ? explainTotal(r.total, false, t) : null) : explainNotRated(r, t)),
    },
  ];
  return (
    <Table<RatedRegion>
      rowKey="regionCode"
      size="small"
      columns={columns}
      dataSource={[...regions]}
      pagination={false}
      scroll={{ x: 1300, y: 420 }}
      title={() => <TableTitle extra={<ExportButton name={title} columns={columns} rows={regions} />}>{title}</TableTitle>}
    />
  );
}
