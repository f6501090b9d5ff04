import { AppError } from '../domain/errors';
import ExcelJS from 'exceljs';

/** An uploaded workbook, or null when the bytes are not a readable .xlsx (the caller reports it). */
export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer); // exceljs types predate the generic Buffer
    return wb;
  } catch {
    return null;
  }
}

export const NOT_A_WORKBOOK = '文件不是有效的 Excel (.xlsx) 工作簿';

/** A cell as people see it: a formula's cached result, rich text and link text as plain text. */
export function plainValue(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object') {
    if ('result' in v) return v.result ?? null;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return v.text; // hyperlink
    if (v instanceof Date) return v;
  }
  return v ?? null;
}

/** The columns of a header row by their trimmed text. */
export function headerColumns(row: ExcelJS.Row): Map<string, number> {
  const header = new Map<string, number>();
  row.eachCell((cell, col) => header.set(String(plainValue(cell.value) ?? '').trim(), col));
  return header;
}

export type SheetIssue = { sheet: string; row: number; field: string; detail: string };

/** An all-or-nothing import that found errors: one problem listing each by sheet, row and column, nothing stored. */
export function sheetErrors(errors: SheetIssue[]): AppError {
  const sorted = [...errors].sort((x, y) => (x.sheet === y.sheet ? x.row - y.row : x.sheet < y.sheet ? -1 : 1));
  const first = sorted[0]!;
  const where = first.row > 0 ? `${first.sheet} 第 ${first.row} 行“${first.field}”列：` : '';
  return new AppError('validation', `导入失败，共 ${sorted.length} 处错误；首处：${where}${first.detail}。未导入任何数据。`, undefined, {
    errors: sorted.slice(0, 1000).map((e) => ({ sheet: e.sheet, row: e.row, field: e.field, detail: e.detail })),
  });
}

/**
 * The opening of a sheet in the provincial report layout: a landscape A4 sheet fitted to the page width, a bold
 * centred title over `cols` columns (row 1), the 填报 line (row 2), the two header rows (3–4) frozen, and `head` to
 * write a bold, centred, wrapped header cell merged over (r, c)…(r2, c2).
 */
export function officialSheet(wb: ExcelJS.Workbook, name: string, cols: number, title: string, filledLine: string) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, cols);
  ws.getCell(2, 1).value = filledLine;
  const head = (r: number, c: number, text: string, r2 = r, c2 = c) => {
    if (r2 !== r || c2 !== c) ws.mergeCells(r, c, r2, c2);
    const cell = ws.getCell(r, c);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  return { ws, head };
}
