import ExcelJS from 'exceljs';
import { renderBulletin, textOn } from '../../exports/pdf';
import type { Rating } from '../../domain/energy/barometer';
import type { Ctx } from '../../server/context';
import { beijingDate } from '../../domain/reporting/calendar';
import { evaluateQuarter } from './evaluation.service';


const LEVEL_LABEL = { 1: '一级预警（红灯）', 2: '二级预警（黄灯）', 3: '三级预警（绿灯）' } as const;
const NOT_RATED = { 'no-target': '未评价（未设定目标）', 'no-data': '未评价（数据未齐或未审核）' } as const;
const QUARTER = ['', '第一季度', '上半年', '前三季度', '全年'] as const;

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);
const change = (reduction: number | null) => (reduction === null ? '—' : reduction >= 0 ? `下降 ${pct(reduction)}` : `上升 ${pct(-reduction)}`);
const levelText = (r: Rating | undefined) => (r?.level ? LEVEL_LABEL[r.level] : '未评价');

export type Bulletin = Awaited<ReturnType<typeof bulletinData>>;

/** 能耗双控目标完成情况晴雨表 for a quarter: one line per county and zone, the numbers that decide each level. */
export async function bulletinData(ctx: Ctx, year: number, quarter: 1 | 2 | 3 | 4) {
  const q = await evaluateQuarter(ctx, year, quarter);
  const colours = q.rules?.colours;
  return {
    title: `赣州市能耗双控目标完成情况晴雨表（${year} 年${QUARTER[quarter]}）`,
    ruleName: q.rules?.name ?? '（未配置预警规则）',
    ruleSource: q.rules?.source ?? '',
    generated: beijingDate(ctx.now),
    header: ['地区', '能耗强度（同比）', '强度降低要求', '强度预警', '能耗总量增速', '目标允许增速', '总量预警', '综合'],
    rows: q.regions.map((r) => {
      const colour = (l: 1 | 2 | 3 | null | undefined) => (l ? colours?.[`level${l}`] : colours?.unrated) ?? null;
      if (!r.rating) return { cells: [r.name, '—', '—', NOT_RATED[r.notRated!], '—', '—', '—', NOT_RATED[r.notRated!]], colours: [null, null, null, colour(null), null, null, null, colour(null)] };
      const { intensity, total, overall } = r.rating;
      return {
        cells: [r.name, change(intensity.actual), pct(intensity.required), levelText(intensity), total.actual === null ? '—' : pct(total.actual), total.required === null ? '免于考核或无目标' : pct(total.required), levelText(total), overall ? LEVEL_LABEL[overall] : '未评价'],
        colours: [null, null, null, colour(intensity.level), null, null, colour(total.level), colour(overall)],
      };
    }),
    notes: [
      `评价口径：${q.rules?.name ?? '—'}。年初至季末累计数与上年同期相比；强度降低要求为当年年度目标（未设年度目标的按五年基本目标的年均降低率）。`,
      '一级预警：能耗强度不降反升（或与目标差距超过 10%）；二级预警：未达到进度要求；三级预警：达到进度要求。无数据的地区不予评价。',
      `依据：${q.rules?.source ?? '—'}`,
    ],
  };
}

/** The bulletin as an Excel workbook: the table with each level's colour, and the notes. */
export async function bulletinXlsx(b: Bulletin): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const ws = wb.addWorksheet('晴雨表', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.mergeCells(1, 1, 1, b.header.length);
  ws.getCell(1, 1).value = b.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = `生成日期：${b.generated}　评价口径：${b.ruleName}`;
  ws.getRow(3).values = b.header;
  ws.getRow(3).font = { bold: true };
  for (const r of b.rows) {
    const row = ws.addRow(r.cells);
    r.colours.forEach((c, i) => {
      if (!c) return;
      row.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.slice(1).toUpperCase()}` } };
      row.getCell(i + 1).font = { color: { argb: `FF${textOn(c).slice(1).toUpperCase()}` } };
    });
  }
  ws.addRow([]);
  for (const n of b.notes) ws.addRow([n]);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 12 : 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The bulletin as a PDF in Chinese (pdfmake with the embedded Noto Sans Hans). */
export async function bulletinPdf(b: Bulletin): Promise<Buffer> {
  return renderBulletin(b.title, `生成日期：${b.generated}　评价口径：${b.ruleName}`, [
    {
      table: {
        headerRows: 1,
        widths: ['auto', '*', 'auto', '*', 'auto', 'auto', '*', '*'],
        body: [b.header.map((h) => ({ text: h, bold: true })), ...b.rows.map((r) => r.cells.map((c, i) => ({ text: c, fillColor: r.colours[i] ?? undefined, color: textOn(r.colours[i] ?? null) })))],
      },
    },
    ...b.notes.map((n) => ({ text: n, margin: [0, 6, 0, 0] as [number, number, number, number], fontSize: 8 })),
  ]);
}

