import ExcelJS from 'exceljs';
import { NOT_A_WORKBOOK, type SheetIssue, headerColumns, loadWorkbook, plainValue } from '../../exports/xlsx';

/** The report workbook's columns: one list serves the template and the import, so they cannot drift. */
export const INDICATOR_SHEET = '指标';
export const TASK_SHEET = '任务';

export const INDICATOR_COLUMNS = [
  { key: 'code', header: '编号', width: 8 },
  { key: 'name', header: '名称', width: 32 },
  { key: 'unit', header: '单位', width: 10 },
  { key: 'regionCode', header: '地区代码', width: 10 },
  { key: 'regionName', header: '地区', width: 12 },
  { key: 'periodKey', header: '期间', width: 10 },
  { key: 'lastValue', header: '上次审核数值', width: 14 },
  { key: 'value', header: '数值', width: 12 },
  { key: 'narrative', header: '进展说明', width: 40 },
  { key: 'correctionReason', header: '更正原因', width: 24 },
] as const;

export const TASK_COLUMNS = [
  { key: 'code', header: '编号', width: 8 },
  { key: 'name', header: '任务', width: 60 },
  { key: 'regionCode', header: '地区代码', width: 10 },
  { key: 'regionName', header: '地区', width: 12 },
  { key: 'periodKey', header: '期间', width: 10 },
  { key: 'taskStatus', header: '状态', width: 10 },
  { key: 'percentComplete', header: '完成百分比', width: 10 },
  { key: 'narrative', header: '进展说明', width: 40 },
] as const;

/** Task statuses as people write them in the sheet. */
export const TASK_STATUS_LABELS: Record<string, string> = { 'not-started': '未开始', 'on-track': '正常推进', delayed: '滞后', completed: '已完成' };
const STATUS_BY_LABEL = new Map(Object.entries(TASK_STATUS_LABELS).map(([k, v]) => [v, k]));

type Column = { key: string; header: string; width: number };
export type SheetRow = Record<string, string | number | null>;

/** A template with the given rows, data-validation lists for status and %, and the editable cells unlocked. */
export async function buildReportWorkbook(indicatorRows: SheetRow[], taskRows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const add = (name: string, columns: readonly Column[], rows: SheetRow[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    return ws;
  };
  const ind = add(INDICATOR_SHEET, INDICATOR_COLUMNS, indicatorRows);
  const valueCol = INDICATOR_COLUMNS.findIndex((c) => c.key === 'value') + 1;
  for (let r = 2; r <= ind.rowCount; r++) {
    ind.getCell(r, valueCol).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [-1e15], allowBlank: true, showErrorMessage: true, error: '请填写数字' };
  }
  const tasks = add(TASK_SHEET, TASK_COLUMNS, taskRows.map((r) => ({ ...r, taskStatus: r.taskStatus ? (TASK_STATUS_LABELS[String(r.taskStatus)] ?? r.taskStatus) : null })));
  const statusCol = TASK_COLUMNS.findIndex((c) => c.key === 'taskStatus') + 1;
  const pctCol = TASK_COLUMNS.findIndex((c) => c.key === 'percentComplete') + 1;
  for (let r = 2; r <= tasks.rowCount; r++) {
    tasks.getCell(r, statusCol).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(TASK_STATUS_LABELS).join(',')}"`], showErrorMessage: true, error: '请从列表中选择' };
    tasks.getCell(r, pctCol).dataValidation = { type: 'whole', operator: 'between', formulae: [0, 100], allowBlank: true, showErrorMessage: true, error: '0–100 的整数' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ReadRow = { sheet: string; row: number; cells: Record<string, unknown> };
export type ReadIssue = SheetIssue;

/** Reads both sheets by their header names; a missing sheet or column is an issue, not a crash. */
export async function readReportWorkbook(data: Buffer): Promise<{ rows: ReadRow[]; issues: ReadIssue[] }> {
  const wb = await loadWorkbook(data);
  if (!wb) return { rows: [], issues: [{ sheet: '', row: 0, field: '', detail: NOT_A_WORKBOOK }] };
  const rows: ReadRow[] = [];
  const issues: ReadIssue[] = [];
  for (const [sheet, columns] of [[INDICATOR_SHEET, INDICATOR_COLUMNS], [TASK_SHEET, TASK_COLUMNS]] as const) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue; // a workbook may carry only one of the two sheets
    const header = headerColumns(ws.getRow(1));
    const required = columns.filter((c) => !['name', 'unit', 'regionName', 'lastValue', 'correctionReason'].includes(c.key));
    const missing = required.filter((c) => !header.has(c.header));
    for (const c of missing) issues.push({ sheet, row: 1, field: c.header, detail: `缺少列“${c.header}”` });
    if (missing.length) continue;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cells: Record<string, unknown> = {};
      for (const c of columns) {
        const col = header.get(c.header);
        cells[c.key] = col ? plainValue(row.getCell(col).value) : null;
      }
      if (cells.code === null || String(cells.code).trim() === '') return; // blank rows
      if (cells.taskStatus !== undefined && cells.taskStatus !== null) cells.taskStatus = STATUS_BY_LABEL.get(String(cells.taskStatus).trim()) ?? String(cells.taskStatus).trim();
      rows.push({ sheet, row: n, cells });
    });
  }
  return { rows, issues };
}

/** The header a field is under in a sheet, for error messages that name the column. */
export function headerOf(sheet: string, key: string): string {
  const columns: readonly Column[] = sheet === TASK_SHEET ? TASK_COLUMNS : INDICATOR_COLUMNS;
  return columns.find((c) => c.key === key)?.header ?? key;
}
