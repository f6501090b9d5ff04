/**
 * CSV for open data (RFC 4180): CRLF rows, fields quoted when they hold a comma, quote or line break, and a UTF-8
 * byte-order mark so Excel on Windows reads Chinese text correctly.
 */
export type CsvCell = string | number | boolean | null;

const BOM = '\uFEFF';

function field(v: CsvCell): string {
  if (v === null) return '';
  const s = String(v);
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection): text cells get a leading quote mark.
  const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header row and the rows as one CSV text, BOM first. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return BOM + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
