import type { TableColumnType } from 'antd';

/** One cell as the sheet holds it: text, a number (kept a number, so Excel can sum it), or empty. */
export type Cell = string | number | null;

/**
 * A table column that also says what it exports (导出 Excel):
 * - `exportValue` gives the cell as people read it (a label, not a code; a number stays a number);
 * - a column with a plain string `dataIndex` and no `render` exports that field as it is;
 * - a column with a `render` and no `exportValue` (buttons, say) is left out.
 * A `hidden` column with an `exportValue` is exported but not shown (the unit beside a bare number, say).
 */
export type ExportColumn<T> = Omit<TableColumnType<T>, 'title'> & { title: string; exportValue?: (row: T) => Cell };

/** What goes into the worksheet: the header row, the data rows and each column's width in characters. */
export type Sheet = { header: string[]; rows: Cell[][]; widths: number[] };

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
// CJK ideographs, kana, hangul and full-width forms take two character cells.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return String(value);
}

/** How wide a text reads in a fixed-width font: CJK characters count twice; the longest line counts. */
export function displayWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => [...line].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0)));
}

function valueOf<T>(column: ExportColumn<T>): ((row: T) => Cell) | null {
  if (column.exportValue) return column.exportValue;
  const field = column.dataIndex;
  if (column.render || typeof field !== 'string') return null;
  return (row) => cellOf((row as Record<string, unknown>)[field]);
}

/** The sheet for the rows as given (already filtered, every page), in the columns' order. */
export function toSheet<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): Sheet {
  const exported = columns.flatMap((c) => {
    const value = valueOf(c);
    return value ? [{ header: c.title, value }] : [];
  });
  const data = rows.map((row) => exported.map((c) => cellOf(c.value(row))));
  const widths = exported.map((c, i) => {
    const widest = Math.max(displayWidth(c.header), ...data.map((r) => (r[i] === null ? 0 : displayWidth(String(r[i])))));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
  return { header: exported.map((c) => c.header), rows: data, widths };
}

/** `指标-2026-11-24.xlsx`: the name (characters file systems refuse replaced) and the local date. */
export function exportFileName(name: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${name.replace(/[\\/:*?"<>|]/g, '_')}-${date}.xlsx`;
}

/** A worksheet name Excel accepts: at most 31 characters, none of []:*?/\. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}
