import ExcelJS from 'exceljs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { type Carrier, REPORT_UNITS, type ReportUnit } from '../../domain/energy/conversion';
import { renderPdf } from '../../exports/pdf';
import { NOT_A_WORKBOOK, type SheetIssue, headerColumns, loadWorkbook, plainValue } from '../../exports/xlsx';
import type { ReportBody, ReportOut } from './schemas';

/**
 * 能源利用状况报告 as files people already use: an Excel template (energy by carrier, products, saving projects)
 * that comes back filled, and a printable PDF of a filed report.
 */
export const ENERGY_SHEET = '能源消费';
export const PRODUCT_SHEET = '产品产量';
export const PROJECT_SHEET = '节能项目';
export const ENERGY_COLUMNS = ['品种代码', '能源品种', '计量单位', '实物消费量', '实测低位发热量（kJ/kg 或 kJ/m³，可空）'] as const;
/** The template column of each report line field, for errors that name the cell. */
export const LINE_FIELD_COLUMN = { carrier: '品种代码', unit: '计量单位', quantity: '实物消费量', measuredLhvKj: ENERGY_COLUMNS[4] } as const;
const PRODUCT_COLUMNS = ['产品名称', '产量', '计量单位', '产品综合能耗（tce，可空）'] as const;
const PROJECT_COLUMNS = ['项目名称', '投资（万元）', '节能量（tce/年）', '状态（计划/在建/完成）'] as const;
const REPORT_UNIT_OF = { kg: 't', m3: '万m3', kWh: '万kWh', MJ: 'GJ' } as const;
const STATUS = { 计划: 'planned', 在建: 'in-progress', 完成: 'completed' } as const;

/** A template for a year: every non-working-medium carrier on its own row, in its usual reporting unit. */
export async function reportTemplate(year: number, enterpriseName: string, carriers: Carrier[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const energy = wb.addWorksheet(ENERGY_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  energy.getCell('A1').value = `${enterpriseName} ${year} 年能源利用状况报告（能源消费结构）`;
  energy.getCell('A1').font = { bold: true };
  energy.getRow(2).values = [...ENERGY_COLUMNS];
  energy.getRow(2).font = { bold: true };
  for (const c of carriers.filter((x) => !x.isWorkingMedium)) energy.addRow([c.code, c.name, REPORT_UNIT_OF[c.baseUnit], null, null]);
  [14, 16, 10, 14, 30].forEach((w, i) => (energy.getColumn(i + 1).width = w));
  for (const [name, cols] of [[PRODUCT_SHEET, PRODUCT_COLUMNS], [PROJECT_SHEET, PROJECT_COLUMNS]] as const) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.getCell('A1').value = `${enterpriseName} ${year} 年${name}`;
    ws.getRow(2).values = [...cols];
    ws.getRow(2).font = { bold: true };
    cols.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 30 : 18));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const num = (v: unknown): number | null => {
  if (v === null || v === undefined || String(v).trim() === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,，\s]/g, ''));
  return Number.isFinite(n) ? n : Number.NaN;
};

/** Reads a filled template into a report body; every bad cell is an issue by sheet, row and column. */
export async function readReportWorkbook(data: Buffer, year: number): Promise<{ body: ReportBody | null; issues: SheetIssue[]; lineRows: number[] }> {
  const wb = await loadWorkbook(data);
  if (!wb) return { body: null, issues: [{ sheet: '', row: 0, field: '', detail: NOT_A_WORKBOOK }], lineRows: [] };
  const issues: SheetIssue[] = [];
  const rows = (sheet: string, cols: readonly string[]) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) {
      if (sheet === ENERGY_SHEET) issues.push({ sheet, row: 0, field: '', detail: `缺少工作表“${sheet}”` });
      return [];
    }
    const header = headerColumns(ws.getRow(2));
    const missing = cols.filter((c) => !header.has(c));
    for (const c of missing) issues.push({ sheet, row: 2, field: c, detail: `缺少列“${c}”` });
    if (missing.length) return [];
    const out: Array<{ row: number; cell: (c: string) => unknown }> = [];
    ws.eachRow((r, n) => {
      if (n > 2) out.push({ row: n, cell: (c) => plainValue(r.getCell(header.get(c)!).value) });
    });
    return out;
  };
  const bad = (sheet: string, row: number, field: string, detail: string) => issues.push({ sheet, row, field, detail });
  const lines: ReportBody['lines'] = [];
  const lineRows: number[] = [];
  for (const { row, cell } of rows(ENERGY_SHEET, ENERGY_COLUMNS)) {
    const q = num(cell('实物消费量'));
    if (q === null) continue; // a carrier not used
    if (Number.isNaN(q) || q < 0) {
      bad(ENERGY_SHEET, row, '实物消费量', `“${String(cell('实物消费量'))}”不是非负数`);
      continue;
    }
    const lhv = num(cell(ENERGY_COLUMNS[4]));
    if (Number.isNaN(lhv) || (lhv !== null && lhv <= 0)) {
      bad(ENERGY_SHEET, row, ENERGY_COLUMNS[4], `“${String(cell(ENERGY_COLUMNS[4]))}”不是正数`);
      continue;
    }
    const unit = String(cell('计量单位') ?? '').trim();
    if (!Object.hasOwn(REPORT_UNITS, unit)) {
      bad(ENERGY_SHEET, row, '计量单位', `计量单位“${unit}”应为 ${Object.keys(REPORT_UNITS).join('、')} 之一`);
      continue;
    }
    lines.push({ carrier: String(cell('品种代码') ?? '').trim(), quantity: q, unit: unit as ReportUnit, measuredLhvKj: lhv });
    lineRows.push(row);
  }
  const products: ReportBody['products'] = [];
  for (const { row, cell } of rows(PRODUCT_SHEET, PRODUCT_COLUMNS)) {
    const name = String(cell('产品名称') ?? '').trim();
    if (!name) continue;
    const output = num(cell('产量'));
    const energyTce = num(cell(PRODUCT_COLUMNS[3]));
    if (output === null || Number.isNaN(output) || output < 0) bad(PRODUCT_SHEET, row, '产量', '须填写非负的产量');
    else if (Number.isNaN(energyTce) || (energyTce !== null && energyTce < 0)) bad(PRODUCT_SHEET, row, PRODUCT_COLUMNS[3], '产品综合能耗应为非负数');
    else products.push({ product: name, output, unit: String(cell('计量单位') ?? '').trim() || '—', energyTce });
  }
  const savingProjects: ReportBody['savingProjects'] = [];
  for (const { row, cell } of rows(PROJECT_SHEET, PROJECT_COLUMNS)) {
    const name = String(cell('项目名称') ?? '').trim();
    if (!name) continue;
    const investment = num(cell('投资（万元）'));
    const savingTce = num(cell('节能量（tce/年）'));
    const status = STATUS[String(cell(PROJECT_COLUMNS[3]) ?? '').trim() as keyof typeof STATUS];
    if (investment === null || Number.isNaN(investment) || investment < 0) bad(PROJECT_SHEET, row, '投资（万元）', '须填写非负的投资额');
    else if (savingTce === null || Number.isNaN(savingTce) || savingTce < 0) bad(PROJECT_SHEET, row, '节能量（tce/年）', '须填写非负的节能量');
    else if (!status) bad(PROJECT_SHEET, row, PROJECT_COLUMNS[3], '状态须为 计划、在建 或 完成');
    else savingProjects.push({ name, investment, savingTce, status });
  }
  if (!lines.length && !issues.length) issues.push({ sheet: ENERGY_SHEET, row: 0, field: '实物消费量', detail: '没有填写任何能源的消费量' });
  return { body: issues.length ? null : { year, lines, products, savingProjects, changeReason: null, correctionReason: null }, issues, lineRows };
}

const STATUS_LABEL: Record<string, string> = { submitted: '待县级审核', 'county-approved': '待市级审核', approved: '已审核', returned: '已退回', superseded: '已被更正' };
const fmt = (x: number | null, d = 2) => (x === null ? '—' : x.toLocaleString('zh-CN', { maximumFractionDigits: d, minimumFractionDigits: d }));

/** A filed report as a printable PDF in Chinese. */
export async function reportPdf(r: ReportOut, enterprise: { name: string; uscc: string; regionName: string }): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    defaultStyle: { fontSize: 9 },
    info: { title: `${enterprise.name} ${r.year} 年能源利用状况报告`, creator: 'ECER' },
    content: [
      { text: `${r.year} 年重点用能单位能源利用状况报告`, fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      { text: `${enterprise.name}（统一社会信用代码 ${enterprise.uscc}，${enterprise.regionName}）　第 ${r.revision} 版，${STATUS_LABEL[r.status] ?? r.status}`, alignment: 'center', margin: [0, 0, 0, 10] },
      { text: '一、能源消费结构（GB/T 2589-2020 折标准煤）', bold: true, margin: [0, 4, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            ['能源品种', '实物量', '单位', '折标系数（kgce）', '当量值（tce）', '等价值（tce）'].map((h) => ({ text: h, bold: true })),
            ...r.lines.map((l) => [l.name, fmt(l.quantity), l.unit, `${l.kgcePerBase}${l.coefficientFrom === 'measured' ? '（实测）' : ''}`, fmt(l.tceEquivalent), fmt(l.tceEquivalentInput)]),
            [{ text: '综合能源消费量', bold: true }, '', '', '', { text: fmt(r.tceEquivalent), bold: true }, { text: fmt(r.tceEquivalentInput), bold: true }],
          ],
        },
      },
      { text: '二、主要产品产量与单位产品综合能耗', bold: true, margin: [0, 10, 0, 4] },
      r.products.length
        ? { table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto', 'auto'], body: [['产品', '产量', '单位', '综合能耗（tce）', '单位产品能耗（tce/单位）'].map((h) => ({ text: h, bold: true })), ...r.products.map((p) => [p.product, fmt(p.output), p.unit, fmt(p.energyTce), fmt(p.unitConsumption, 6)])] } }
        : { text: '（未填报）' },
      { text: '三、节能项目', bold: true, margin: [0, 10, 0, 4] },
      r.savingProjects.length
        ? { table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto'], body: [['项目', '投资（万元）', '节能量（tce/年）', '状态'].map((h) => ({ text: h, bold: true })), ...r.savingProjects.map((p) => [p.name, fmt(p.investment), fmt(p.savingTce), { planned: '计划', 'in-progress': '在建', completed: '完成' }[p.status]])] } }
        : { text: '（未填报）' },
      ...(r.changeReason ? [{ text: `较上年变化说明：${r.changeReason}`, margin: [0, 10, 0, 0] as [number, number, number, number] }] : []),
      ...(r.correctionReason ? [{ text: `更正原因：${r.correctionReason}`, margin: [0, 4, 0, 0] as [number, number, number, number] }] : []),
    ],
  };
  return renderPdf(doc);
}
