import ExcelJS from 'exceljs';
import { officialSheet } from '../../exports/xlsx';
import type { Content } from 'pdfmake/interfaces';
import { ITEM_GROUPS, type ItemGroup, METRIC_LABELS } from '../../domain/assessment/index';
import { pointsText } from '../../domain/assessment/rules';
import { beijingDate } from '../../domain/reporting/calendar';
import { renderPdf } from '../../exports/pdf';
import { type MessageKey, translate } from '../../i18n/index';
import type { Ctx } from '../../server/context';
import { loadAssessment, mayViewRank, type SchemeSubject, viewerOf, visibleRanked } from './assessments.service';
import { getSubject } from './scores.service';

// The documents go out in Chinese, whatever the reader's language: labels from the zh-CN catalog.
const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const GROUP_LABEL = (g: ItemGroup) => zh(`assessmentReport.group.${g}`);
const p2 = (x: number) => pointsText(x);

/**
 * 考核结果汇总表: title, 填报 line, a two-row header, one row per subject the reader may see (best rank first):
 * rank, name, target, measures, deductions, total, grade and vetoes, then the note and the signature line.
 */
export async function summaryXlsx(ctx: Ctx, id: number) {
  const a = await viewerOf(ctx);
  const l = await loadAssessment(ctx.db, id);
  const rows = visibleRanked(a, l);
  const showRank = mayViewRank(a, l.a.status, l.scheme.subject as SchemeSubject);
  const title = zh('assessmentReport.summaryTitle', { period: l.a.period });

  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const cols = 8;
  const { ws, head } = officialSheet(wb, '考核结果', cols, title, zh('assessmentReport.filled', { unit: zh('assessmentReport.unit'), date: beijingDate(ctx.now), cutoff: l.a.cutoff, scheme: `${l.scheme.name}（第 ${l.scheme.version} 版）` }));
  head(3, 1, zh('assessmentReport.col.rank'), 4);
  head(3, 2, zh('assessmentReport.col.name'), 4);
  head(3, 3, zh('assessmentReport.col.points'), 3, 6);
  head(4, 3, zh('assessmentReport.col.target'));
  head(4, 4, zh('assessmentReport.col.measures'));
  head(4, 5, zh('assessmentReport.col.deductions'));
  head(4, 6, zh('assessmentReport.col.total'));
  head(3, 7, zh('assessmentReport.col.grade'), 4);
  head(3, 8, zh('assessmentReport.col.veto'), 4);
  for (const r of rows) {
    const veto = r.result.vetoes.map((v) => v.message).join('；') || zh('assessmentReport.noVeto');
    const row = ws.addRow([showRank ? r.rank : zh('assessment.rank.hidden'), r.subject.name, r.result.targetPoints, r.result.measurePoints, r.result.deductions, r.result.total, r.result.gradeLabel, veto]);
    for (let k = 3; k <= 6; k++) row.getCell(k).numFmt = '0.00';
  }
  ws.addRow([]);
  ws.addRow([zh('assessmentReport.note') + (l.subjects.some((s) => s.result === null) ? zh('assessmentReport.status.live') : '')]);
  ws.addRow([zh('assessmentReport.signature')]);
  const border = { style: 'thin' as const };
  for (let r = 3; r <= 4 + rows.length; r++) for (let c = 1; c <= cols; c++) ws.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  [8, 22, 12, 12, 10, 10, 12, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return { fileName: `${title}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** Horizontal bars of points per group against the group's full score, drawn with pdfmake's canvas. */
function groupChart(groups: Array<{ label: string; points: number; max: number; deduction: boolean }>): Content {
  const width = 300;
  const scale = Math.max(1, ...groups.map((g) => Math.max(g.max, Math.abs(g.points))));
  return {
    table: {
      widths: [60, width + 4, '*'],
      body: groups.map((g) => [
        { text: g.label },
        {
          canvas: [
            { type: 'rect', x: 0, y: 2, w: (g.max / scale) * width, h: 10, color: '#e5e7eb' },
            { type: 'rect', x: 0, y: 2, w: Math.max(0.5, (Math.abs(g.points) / scale) * width), h: 10, color: g.points < 0 ? '#dc2626' : '#2563eb' },
          ],
        },
        { text: `${p2(g.points)} / ${g.deduction && g.max > 0 ? '-' : ''}${p2(g.max)}` },
      ]),
    },
    layout: 'noBorders',
  };
}

/** 考核结果报告 of one subject: the items with points and basis, the totals, grade and vetoes, a chart of points by group. */
export async function reportPdf(ctx: Ctx, id: number, key: string) {
  const d = await getSubject(ctx, id, key);
  const l = await loadAssessment(ctx.db, id);
  const r = d.result;
  const title = zh('assessmentReport.reportTitle', { period: l.a.period, name: d.name });
  const items = l.scheme.body.items;
  const maxOf = (g: ItemGroup) => items.filter((i) => i.group === g).reduce((s, i) => s + i.maxPoints, 0);
  const groupPoints = (g: ItemGroup) => (g === 'target' ? r.targetPoints : g === 'measures' ? r.measurePoints : r.deductions);
  const h = (text: string): Content => ({ text, bold: true, fontSize: 11, margin: [0, 10, 0, 4] });
  const list = (xs: string[]): Content => (xs.length ? { ul: xs } : { text: zh('assessmentReport.noVeto') });
  const cell = (text: string, bold = false) => ({ text, bold });
  const content: Content[] = [
    { text: title, fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
    {
      text: zh('assessmentReport.filled', { unit: zh('assessmentReport.unit'), date: beijingDate(ctx.now), cutoff: l.a.cutoff, scheme: `${l.scheme.name}（第 ${l.scheme.version} 版）` }) + (d.frozen ? '' : zh('assessmentReport.status.live')),
      alignment: 'center',
      fontSize: 8,
      margin: [0, 0, 0, 8],
    },
    {
      table: {
        headerRows: 1,
        widths: ['auto', 'auto', 'auto', 'auto', '*'],
        body: [
          ['col.group', 'col.item', 'col.max', 'col.points', 'col.basis'].map((k) => cell(zh(`assessmentReport.${k}` as MessageKey), true)),
          ...r.items.map((i) => [GROUP_LABEL(i.group), i.title, p2(i.maxPoints), p2(i.points), i.basis]),
          [cell(zh('assessmentReport.col.total'), true), '', p2(maxOf('target') + maxOf('measures')), cell(p2(r.total), true), r.gradeLabel],
        ],
      },
      fontSize: 8,
    },
    {
      text: d.rank === null
        ? zh('assessment.report.totalsUnranked', { target: p2(r.targetPoints), measures: p2(r.measurePoints), deductions: p2(r.deductions), total: p2(r.total), grade: r.gradeLabel })
        : zh('assessmentReport.totals', { target: p2(r.targetPoints), measures: p2(r.measurePoints), deductions: p2(r.deductions), total: p2(r.total), grade: r.gradeLabel, rank: d.rank }),
      margin: [0, 8, 0, 0],
    },
    h(zh('assessmentReport.chart')),
    groupChart(ITEM_GROUPS.map((g) => ({ label: GROUP_LABEL(g), points: groupPoints(g), max: maxOf(g), deduction: g === 'deduction' }))),
    h(zh('assessmentReport.vetoes')),
    list(r.vetoes.map((v) => v.message)),
  ];
  if (r.exempted.length) content.push(h(zh('assessmentReport.exempted')), list(r.exempted));
  if (r.missingMetrics.length) content.push(h(zh('assessmentReport.missing')), list(r.missingMetrics.map((m) => METRIC_LABELS[m])));
  content.push({ text: zh('assessmentReport.note'), fontSize: 8, margin: [0, 10, 0, 0] }, { text: zh('assessmentReport.signature'), margin: [0, 16, 0, 0] });
  const pdf = await renderPdf({ pageSize: 'A4', defaultStyle: { fontSize: 9 }, info: { title, creator: 'ECER' }, content });
  return { fileName: `${title}.pdf`, content: pdf };
}
