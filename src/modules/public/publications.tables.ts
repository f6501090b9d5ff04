import type ExcelJS from 'exceljs';
import type { CsvCell } from '../../domain/public/csv';
import type { Snapshot } from '../../domain/public/publication';
import { type Locale, type MessageKey, translate } from '../../i18n/index';

/** A snapshot as one flat table: what the .csv and .xlsx downloads hold (the .json is the snapshot itself). */
export type Table = { header: string[]; rows: CsvCell[][] };

const LEVEL_NAME: Record<number, string> = { 1: '一级', 2: '二级', 3: '三级' };
const level = (l: 1 | 2 | 3 | null) => (l === null ? '未评价' : LEVEL_NAME[l]!);
const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 100);

/** The table of a snapshot, headers in the locale (zh-CN for downloads); percentages as numbers of percent. */
export function tableOf(s: Snapshot, locale: Locale = 'zh-CN'): Table {
  const t = (k: MessageKey) => translate(locale, k);
  const yesNo = (b: boolean) => t(b ? 'publicData.yes' : 'publicData.no');
  switch (s.dataset) {
    case 'targets': {
      const e = s.energyIntensity;
      const rows: CsvCell[][] = [[t('publicData.section.intensity'), '单位生产总值能源消耗降低率', '%', pct(e.target), pct(e.cumulativeReduction), String(s.year), pct(e.completion), e.onTrack === null ? null : yesNo(e.onTrack)]];
      for (const p of s.pollutants) rows.push([t('publicData.section.pollutant'), p.pollutant, '吨', p.target_t, p.verified_t, String(s.year), pct(p.completion), p.level]);
      for (const x of s.indicators) rows.push([t('publicData.section.indicator'), `${x.code} ${x.name}`, x.unit, x.target ?? x.targetText, x.latest, x.latestPeriod, pct(x.completion), x.status]);
      for (const k of s.keyProjects) rows.push([t('publicData.section.keyProject'), `${k.no}. ${k.title}`, '%', 100, k.percent, String(s.year), null, `${k.completed}/${k.tasks}`]);
      return { header: (['section', 'item', 'unit', 'target', 'actual', 'period', 'completion', 'status'] as const).map((h) => t(`publicData.h.${h}`)), rows };
    }
    case 'barometer':
      return {
        header: (['regionCode', 'region', 'kind', 'intensity', 'total', 'overall'] as const).map((h) => t(`publicData.h.${h}`)),
        rows: s.regions.map((r) => [r.regionCode, r.name, r.kind, level(r.intensity), level(r.total), level(r.overall)]),
      };
    case 'reduction': {
      const rows: CsvCell[][] = s.pollutants.map((p) => ['', t('publicData.city'), p.pollutant, p.target_t, p.verified_t, pct(p.completion), p.level, null]);
      for (const r of s.regions) for (const p of r.pollutants) rows.push([r.regionCode, r.name, p.pollutant, p.allocation_t, p.verified_t, pct(p.completion), p.level, r.projects]);
      return { header: (['regionCode', 'region', 'pollutant', 'allocation', 'verified', 'completion', 'level', 'projects'] as const).map((h) => t(`publicData.h.${h}`)), rows };
    }
    case 'assessment':
      return {
        header: (['rank', 'code', 'name', 'targetPoints', 'measurePoints', 'deductions', 'totalPoints', 'grade', 'vetoed'] as const).map((h) => t(`publicData.h.${h}`)),
        rows: s.results.map((r) => [r.rank, r.key, r.name, r.targetPoints, r.measurePoints, r.deductions, r.total, r.gradeLabel, yesNo(r.vetoed)]),
      };
  }
}

/** The table as a one-sheet workbook: a title row, bold header frozen, columns sized to their text. */
export function fillSheet(wb: ExcelJS.Workbook, title: string, table: Table) {
  const ws = wb.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow(table.header).font = { bold: true };
  for (const r of table.rows) ws.addRow(r.map((c) => (c === null ? null : c)));
  table.header.forEach((h, i) => {
    const widest = Math.max(h.length * 2, ...table.rows.map((r) => String(r[i] ?? '').length * 1.6));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, Math.ceil(widest)));
  });
  return ws;
}
