import type { ProblemFieldError } from '../../api/client';
import { withQuery } from '../../api/client';

/** The media type the import route reads a workbook as. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSX_ACCEPT = `.xlsx,${XLSX_TYPE}`;

/** Where the pre-filled template of what the user still owes in a year downloads from (a plain link: the session cookie goes along). */
export const templateUrl = (plan: string, year: number) => withQuery('/api/reporting/template.xlsx', { plan, year });

/** One refused cell of an imported workbook: its sheet, row and column header, and why. */
export type ImportRowError = { sheet: string; row: number; field: string; detail: string };

/** What a successful import answers. */
export type ImportResult = { imported: number; sha256: string };

/** The rows of the error table, from the problem's `errors` (a file-level error has no sheet, row or column). */
export function importRowErrors(errors: readonly ProblemFieldError[]): ImportRowError[] {
  return errors.map((e) => ({ sheet: e.sheet ?? '', row: e.row ?? 0, field: e.field ?? '', detail: e.detail }));
}

/** A cell of the error table: a file-level error (not a workbook at all) has no sheet, row or column. */
export const cellText = (v: string | number): string => (v === '' || v === 0 ? '—' : String(v));
