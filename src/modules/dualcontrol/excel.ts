import ExcelJS from 'exceljs';
import { NOT_A_WORKBOOK, type SheetIssue, headerColumns, loadWorkbook, plainValue } from '../../exports/xlsx';

/**
 * 统计局报表格式: one sheet, a title, the period in B2 ("2024年" or "2024年1-6月"), the header in row 3 and
 * one row per county, zone and the city. Percentages as people type them (5.2 = 5.2 %).
 */
export const SHEET = '能源消费';
const HEADER_ROW = 3;

export const COLUMNS = [
  { key: 'regionName', header: '地区', width: 12 },
  { key: 'regionCode', header: '地区代码', width: 10 },
  { key: 'gdpCurrent', header: '地区生产总值（现价，亿元）', width: 16 },
  { key: 'gdpGrowthPct', header: '地区生产总值增速（%，可比价）', width: 16 },
  { key: 'energy', header: '能源消费总量（万吨标准煤）', width: 16 },
  { key: 'coal', header: '煤炭消费量（万吨标准煤）', width: 14 },
  { key: 'nonFossil', header: '非化石能源消费量（万吨标准煤）', width: 16 },
  { key: 'renewableElectricity', header: '可再生能源电力消费量（亿千瓦时）', width: 16 },
  { key: 'feedstock', header: '原料用能（万吨标准煤）', width: 14 },
  { key: 'listedProjects', header: '国家重大项目单列能耗（万吨标准煤）', width: 16 },
  { key: 'note', header: '备注', width: 24 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const headerOf = (key: string) => COLUMNS.find((c) => c.key === key)?.header ?? key;

/** "2024", "2024年", "2024年1-6月", "2024年1—6月" or "2024-M06" → the period key, or null. */
export function periodFromLabel(label: string): string | null {
  const s = label.replace(/\s/g, '');
  const annual = /^(\d{4})年?$/.exec(s);
  if (annual) return annual[1]!;
  const ytd = /^(\d{4})年1[-—–~至](\d{1,2})月$/.exec(s) ?? /^(\d{4})-M(\d{2})$/.exec(s);
  if (ytd && Number(ytd[2]) >= 1 && Number(ytd[2]) <= 12) return Number(ytd[2]) === 12 && !s.includes('-M') ? ytd[1]! : `${ytd[1]}-M${ytd[2]!.padStart(2, '0')}`;
  return null;
}

export const periodLabel = (key: string) => (key.length === 4 ? `${key}年` : `${key.slice(0, 4)}年1-${Number(key.slice(6))}月`);

/** A template with the regions filled in, for a period. */
export async function buildAccountsTemplate(periodKey: string, regions: Array<{ code: string; name: string }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 1 }] });
  ws.getCell('A1').value = '赣州市各县（市、区）能源消费及地区生产总值统计表';
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = '统计期';
  ws.getCell('B2').value = periodLabel(periodKey);
  ws.getRow(HEADER_ROW).values = COLUMNS.map((c) => c.header);
  ws.getRow(HEADER_ROW).font = { bold: true };
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const r of regions) ws.addRow([r.name, r.code]);
  for (let row = HEADER_ROW + 1; row <= ws.rowCount; row++) {
    for (let col = 3; col <= 10; col++) ws.getCell(row, col).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [-100], allowBlank: true, showErrorMessage: true, error: '请填写数字' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type AccountRow = { row: number; cells: Record<ColumnKey, unknown> };

/** Reads the period and the rows by header name; a missing sheet, period or column is an issue, not a crash. */
export async function readAccountsWorkbook(data: Buffer): Promise<{ periodKey: string | null; rows: AccountRow[]; issues: SheetIssue[] }> {
  const wb = await loadWorkbook(data);
  if (!wb) return { periodKey: null, rows: [], issues: [{ sheet: '', row: 0, field: '', detail: NOT_A_WORKBOOK }] };
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) return { periodKey: null, rows: [], issues: [{ sheet: SHEET, row: 0, field: '', detail: `缺少工作表“${SHEET}”` }] };
  const issues: SheetIssue[] = [];
  const label = String(plainValue(ws.getCell('B2').value) ?? '').trim();
  const periodKey = periodFromLabel(label);
  if (!periodKey) issues.push({ sheet: ws.name, row: 2, field: '统计期', detail: `统计期“${label || '（空）'}”应写作 2024年 或 2024年1-6月` });
  const header = headerColumns(ws.getRow(HEADER_ROW));
  const missing = COLUMNS.filter((c) => c.key !== 'note' && c.key !== 'regionName' && !header.has(c.header));
  for (const c of missing) issues.push({ sheet: ws.name, row: HEADER_ROW, field: c.header, detail: `缺少列“${c.header}”` });
  if (missing.length) return { periodKey, rows: [], issues };
  const rows: AccountRow[] = [];
  ws.eachRow((row, n) => {
    if (n <= HEADER_ROW) return;
    const cells = Object.fromEntries(COLUMNS.map((c) => [c.key, header.has(c.header) ? plainValue(row.getCell(header.get(c.header)!).value) : null])) as Record<ColumnKey, unknown>;
    rows.push({ row: n, cells });
  });
  return { periodKey, rows, issues };
}
