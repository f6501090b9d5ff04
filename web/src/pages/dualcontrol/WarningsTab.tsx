import { useQueries, useQuery } from '@tanstack/react-query';
import { Skeleton, Table } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { TableTitle } from '../dashboard/TableTitle';
import { explainIntensity, explainTotal } from './explain';
import { LevelTag } from './LevelTag';
import { isWarning, levelColours, levelLabelKey, warningSince } from './levels';
import { barometerQuery, type BarometerRegion, type Evaluation, seriesQuery } from './queries';
import { type RatedRegion, ratedFromYear } from './rating';
import { regionNameColumn } from './region-columns';

type WarningRow = { regionCode: string; name: string; evaluation: Evaluation; rated: RatedRegion; since: number | null | undefined };

/** 预警: the regions at level 1 or 2 in the year, why (the deciding numbers) and since when (from their series). */
export function WarningsTab({ year, onOpen }: { year: number; onOpen: (code: string) => void }) {
  const { t } = useI18n();
  const barometer = useQuery(barometerQuery(year));
  const colours = useMemo(() => levelColours(barometer.data?.rules?.colours), [barometer.data]);
  const warned = useMemo(
    () => (barometer.data?.regions ?? []).filter((r): r is BarometerRegion & { evaluation: Evaluation } => r.evaluation !== null && isWarning(r.evaluation.level.overall)),
    [barometer.data],
  );
  const series = useQueries({ queries: warned.map((r) => seriesQuery(r.regionCode)) });
  const rows: WarningRow[] = warned
    .map((r, i) => {
      const s = series[i]?.data;
      return { regionCode: r.regionCode, name: r.name, evaluation: r.evaluation, rated: ratedFromYear(r), since: s ? warningSince(s.rows, year) : undefined };
    })
    .sort((a, b) => (a.evaluation.level.overall ?? 9) - (b.evaluation.level.overall ?? 9));

  if (barometer.isError) return <QueryError error={barometer.error} onRetry={() => void barometer.refetch()} />;
  if (!barometer.data) return <Skeleton active paragraph={{ rows: 6 }} />;

  const intensityText = (r: WarningRow) => (r.rated.intensity ? explainIntensity(r.rated.intensity, t) : '—');
  const totalText = (r: WarningRow) => (r.rated.total ? explainTotal(r.rated.total, r.rated.exemptFromTotal, t) : '—');
  const sinceText = (r: WarningRow) => (r.since === undefined ? '…' : r.since === null ? '—' : t('energy.warn.sinceYear', { year: r.since }));
  const columns: ExportColumn<WarningRow>[] = [
    regionNameColumn(t, onOpen),
    { title: t('energy.warn.level'), key: 'level', width: 100, render: (_, r) => <LevelTag level={r.evaluation.level.overall} colours={colours} />, exportValue: (r) => t(levelLabelKey(r.evaluation.level.overall)) },
    // The server's figures behind each level (rating), not a required reduction recomputed from the targets here.
    { title: t('energy.warn.intensity'), key: 'intensity', render: (_, r) => intensityText(r), exportValue: intensityText },
    { title: t('energy.warn.total'), key: 'total', render: (_, r) => totalText(r), exportValue: totalText },
    { title: t('energy.warn.since'), key: 'since', width: 110, render: (_, r) => sinceText(r), exportValue: (r) => (r.since ?? null) },
  ];
  const name = t('energy.warningsOf', { year });
  return (
    <Table<WarningRow>
      rowKey="regionCode"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('energy.warn.none', { year }) }}
      title={() => <TableTitle extra={<ExportButton name={name} columns={columns} rows={rows} />}>{name}</TableTitle>}
    />
  );
}
