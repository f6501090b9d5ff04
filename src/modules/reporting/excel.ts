import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

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
export type ReadIssue = { sheet: string; row: number; field: string; detail: string };
type ReadResult = { rows: ReadRow[]; issues: ReadIssue[] };

function plainValue(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object') {
    if ('result' in v) return v.result ?? null; // formula: its cached result
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return v.text; // hyperlink
    if (v instanceof Date) return v;
  }
  return v ?? null;
}

const SHEETS = [[INDICATOR_SHEET, INDICATOR_COLUMNS], [TASK_SHEET, TASK_COLUMNS]] as const;
const OPTIONAL_KEYS: readonly string[] = ['name', 'unit', 'regionName', 'lastValue', 'correctionReason'];
const notXlsx = (): ReadResult => ({ rows: [], issues: [{ sheet: '', row: 0, field: '', detail: '文件不是有效的 Excel (.xlsx) 工作簿' }] });

/** Header text → column number; a repeated header keeps its last column. */
function readHeader(row: ExcelJS.Row | undefined): Map<string, number> {
  const header = new Map<string, number>();
  row?.eachCell((cell, col) => header.set(String(plainValue(cell.value) ?? '').trim(), col));
  return header;
}

function missingColumns(sheet: string, columns: readonly Column[], header: Map<string, number>): ReadIssue[] {
  return columns
    .filter((c) => !OPTIONAL_KEYS.includes(c.key) && !header.has(c.header))
    .map((c) => ({ sheet, row: 1, field: c.header, detail: `缺少列“${c.header}”` }));
}

/** One data row by header name, or null for a row without a code (blank rows). */
function readDataRow(sheet: string, columns: readonly Column[], header: Map<string, number>, row: ExcelJS.Row): ReadRow | null {
  const cells: Record<string, unknown> = {};
  for (const c of columns) {
    const col = header.get(c.header);
    cells[c.key] = col ? plainValue(row.getCell(col).value) : null;
  }
  if (cells.code === null || String(cells.code).trim() === '') return null;
  if (cells.taskStatus !== undefined && cells.taskStatus !== null) cells.taskStatus = STATUS_BY_LABEL.get(String(cells.taskStatus).trim()) ?? String(cells.taskStatus).trim();
  return { sheet, row: row.number, cells };
}

/**
 * Reads both sheets by their header names; a missing sheet or column is an issue, not a crash.
 * Rows are streamed (exceljs WorkbookReader) so the workbook is never held as cell objects; a file the
 * streaming reader cannot read exactly as the in-memory one would (see readStreaming) is read in memory.
 */
export async function readReportWorkbook(data: Buffer): Promise<ReadResult> {
  const zip = await checkZip(data);
  if (zip === 'none') return notXlsx(); // not a zip, or cut short: the in-memory reader fails on it too
  if (zip === 'intact') {
    try {
      const streamed = await readStreaming(data);
      if (streamed) return streamed;
    } catch {
      // the in-memory reader below decides whether the file is readable at all
    }
  }
  return readInMemory(data);
}

const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const DATA_DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

type ZipEntry = { flags: number; method: number; crc: number; packed: number; size: number; name: Buffer; local: number };

/**
 * The streaming reader walks the zip's local headers from the front, trusts them and checks no CRC, so on a
 * damaged file it can hang or hand back what it read before the damage. It is given only a zip whose central
 * directory (what the in-memory reader goes by) lists entries lying back to back from byte 0, each local header
 * agreeing with it and each entry inflating to its recorded size and CRC-32.
 * 'none': no end-of-central-directory record anywhere (JSZip looks everywhere), so no reader can open the file;
 * 'damaged' (or just unusual: zip64, encryption) is left to the in-memory reader to accept or refuse, as before.
 */
async function checkZip(data: Buffer): Promise<'none' | 'damaged' | 'intact'> {
  const end = data.lastIndexOf(END_OF_CENTRAL_DIRECTORY);
  if (end < 0) return 'none';
  const entries = end + 22 <= data.length && end + 22 + data.readUInt16LE(end + 20) <= data.length ? readCentralDirectory(data, end) : null;
  if (!entries?.length) return 'damaged';
  let next = 0; // where the next local header must start
  for (const entry of entries) {
    const start = entry.local === next ? localDataStart(data, entry, end) : null;
    if (start === null || !(await inflatesToRecord(data.subarray(start, start + entry.packed), entry))) return 'damaged';
    next = start + entry.packed;
    if (entry.flags & 0x08) {
      // unzipper finds the data's end by the descriptor's signature, then reads crc and sizes after it
      if (data.subarray(start, next).includes(DATA_DESCRIPTOR) || next + 16 > end || !data.subarray(next, next + 4).equals(DATA_DESCRIPTOR)) return 'damaged';
      if (data.readUInt32LE(next + 4) !== entry.crc || data.readUInt32LE(next + 8) !== entry.packed || data.readUInt32LE(next + 12) !== entry.size) return 'damaged';
      next += 16;
    }
  }
  return next === data.readUInt32LE(end + 16) ? 'intact' : 'damaged';
}

function readCentralDirectory(data: Buffer, end: number): ZipEntry[] | null {
  let at = data.readUInt32LE(end + 16);
  if (at + data.readUInt32LE(end + 12) !== end) return null;
  const entries: ZipEntry[] = [];
  for (let i = data.readUInt16LE(end + 10); i > 0; i--) {
    if (at + 46 > end || data.readUInt32LE(at) !== 0x02014b50) return null;
    const entry = {
      flags: data.readUInt16LE(at + 8),
      method: data.readUInt16LE(at + 10),
      crc: data.readUInt32LE(at + 16),
      packed: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      name: data.subarray(at + 46, at + 46 + data.readUInt16LE(at + 28)),
      local: data.readUInt32LE(at + 42),
    };
    // JSZip refuses encrypted entries and takes a DOS directory attribute as "no content": leave those to it
    const isDirectory = (data.readUInt32LE(at + 38) & 0x10) !== 0;
    if (entry.flags & 0x01 || isDirectory !== (entry.name.at(-1) === 0x2f)) return null;
    if ([entry.packed, entry.size, entry.local].includes(0xffffffff)) return null; // zip64
    entries.push(entry);
    at += 46 + entry.name.length + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return at === end ? entries : null;
}

/** Where an entry's data starts, if its local header says what the directory says; null otherwise. */
function localDataStart(data: Buffer, entry: ZipEntry, end: number): number | null {
  const at = entry.local;
  if (at + 30 > end || data.readUInt32LE(at) !== 0x04034b50) return null;
  const flags = data.readUInt16LE(at + 6);
  const [crc, packed, size] = [data.readUInt32LE(at + 14), data.readUInt32LE(at + 18), data.readUInt32LE(at + 22)];
  if ((flags & 0x09) !== (entry.flags & 0x09) || data.readUInt16LE(at + 8) !== entry.method) return null;
  // with a data descriptor the local sizes must be 0, or unzipper would read the descriptor as the next header
  const recorded = entry.flags & 0x08 ? [0, 0] : [entry.packed, entry.size];
  if (packed !== recorded[0] || size !== recorded[1] || (!(entry.flags & 0x08) && crc !== entry.crc)) return null;
  const nameLength = data.readUInt16LE(at + 26);
  if (!data.subarray(at + 30, at + 30 + nameLength).equals(entry.name)) return null;
  const start = at + 30 + nameLength + data.readUInt16LE(at + 28);
  return start + entry.packed <= end ? start : null;
}

async function inflatesToRecord(packed: Buffer, entry: { method: number; crc: number; size: number }): Promise<boolean> {
  if (entry.method === 0) return packed.length === entry.size && zlib.crc32(packed) === entry.crc;
  if (entry.method !== 8) return false;
  let crc = 0;
  let size = 0;
  try {
    for await (const chunk of Readable.from([packed]).pipe(zlib.createInflateRaw()) as AsyncIterable<Buffer>) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
    }
  } catch {
    return false;
  }
  return size === entry.size && crc === entry.crc;
}

// exceljs's declarations omit what the streaming reader has at run time: it is an EventEmitter, it parses each
// zip entry in a method of its own, and each worksheet reader carries its name and the iterator of its XML.
type StreamingBook = AsyncIterable<StreamingSheet> & {
  on(event: 'entry', listener: (e: { type: string }) => void): void;
  model?: { sheets?: Array<{ name: string }> };
  sharedStrings?: unknown[];
} & Partial<Record<(typeof ENTRY_PARSERS)[number], (entry: Readable, ...rest: unknown[]) => unknown>>;
type StreamingSheet = AsyncIterable<ExcelJS.Row> & { name: string; iterator: AsyncIterable<Buffer | string> };
const ENTRY_PARSERS = ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const;

type SheetState = { sheet: string; columns: readonly Column[]; header: Map<string, number> | null; lastRow: number; rows: ReadRow[]; issues: ReadIssue[] };

/**
 * The streaming read, or null where its result could differ from the in-memory reader's: a sheet with merged
 * cells (exceljs streams them unmerged), rows out of order, styles or the sheet list stored after a worksheet
 * (dates and names need them), or one of our sheets listed but not streamed under its name.
 */
async function readStreaming(data: Buffer): Promise<ReadResult | null> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // number formats tell dates from numbers, as in memory
    worksheets: 'emit',
    entries: 'emit',
  }) as unknown as StreamingBook;
  if (!adaptEntryParsers(reader)) return null;
  const entryOrder: string[] = [];
  reader.on('entry', (e) => entryOrder.push(e.type));
  const states = new Map<string, SheetState>();
  let isExact = true;
  for await (const ws of reader) {
    const xml = decodeSheetXml(ws);
    const target = SHEETS.find(([name]) => name === ws.name);
    if (!target || states.has(ws.name)) {
      for await (const _row of ws); // the reader needs each sheet drained
      continue;
    }
    const state: SheetState = { sheet: target[0], columns: target[1], header: null, lastRow: 0, rows: [], issues: [] };
    states.set(state.sheet, state);
    for await (const row of ws) {
      if (row.number <= state.lastRow) isExact = false;
      if (isExact) acceptRow(state, row);
    }
    if (!state.header) acceptRow(state, undefined);
    if (xml.hasMergedCells) isExact = false;
  }
  const listed = reader.model?.sheets?.map((s) => s.name);
  const firstSheet = entryOrder.indexOf('worksheet');
  const storedLate = (type: string) => firstSheet >= 0 && entryOrder.lastIndexOf(type) > firstSheet;
  if (!isExact || !listed || storedLate('styles') || storedLate('workbook')) return null;
  if (SHEETS.some(([name]) => listed.includes(name) && !states.has(name))) return null;
  const rows: ReadRow[] = [];
  const issues: ReadIssue[] = [];
  for (const [name] of SHEETS) {
    const state = states.get(name);
    if (state) rows.push(...state.rows), issues.push(...state.issues);
  }
  return { rows, issues };
}

/**
 * Two fixes to how exceljs 4.4 streams the workbook's own parts. It decodes each chunk of inflated XML on its
 * own, so a Chinese character split between two chunks turns into U+FFFD: an entry stream set to UTF-8 hands
 * the parsers whole characters (strings pass through). And it reads an empty shared string as null where the
 * in-memory reader reads '' (every blank 进展说明 in our template). False if this exceljs lacks the methods.
 */
function adaptEntryParsers(reader: StreamingBook): boolean {
  for (const name of ENTRY_PARSERS) {
    const parse = reader[name];
    if (typeof parse !== 'function') return false;
    reader[name] =
      name === '_parseSharedStrings'
        ? async function* (this: StreamingBook, entry: Readable, ...rest: unknown[]) {
            entry.setEncoding('utf8');
            yield* parse.call(this, entry, ...rest) as AsyncIterable<unknown>;
            const strings = this.sharedStrings ?? [];
            for (let i = 0; i < strings.length; i++) strings[i] ??= '';
          }
        : function (this: StreamingBook, entry: Readable, ...rest: unknown[]) {
            entry.setEncoding('utf8');
            return parse.call(this, entry, ...rest);
          };
  }
  return true;
}

/** Decodes a worksheet's XML as UTF-8 across chunks (see above), noting whether it declares merged cells. */
function decodeSheetXml(ws: StreamingSheet): { hasMergedCells: boolean } {
  const seen = { hasMergedCells: false };
  const source = ws.iterator;
  ws.iterator = (async function* () {
    const decoder = new StringDecoder('utf8');
    let tail = '';
    for await (const chunk of source) {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      if (!seen.hasMergedCells) {
        seen.hasMergedCells = (tail + text).includes('mergeCell');
        tail = text.slice(-16);
      }
      yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  })();
  return seen;
}

/** Row 1 is the header (absent when the sheet's first row is below it); rows after it are data. */
function acceptRow(state: SheetState, row: ExcelJS.Row | undefined) {
  if (!state.header) {
    state.header = readHeader(row?.number === 1 ? row : undefined);
    state.issues = missingColumns(state.sheet, state.columns, state.header);
    if (row?.number === 1) return void (state.lastRow = 1);
  }
  if (!row) return;
  state.lastRow = row.number;
  if (state.issues.length) return;
  const read = readDataRow(state.sheet, state.columns, state.header, row);
  if (read) state.rows.push(read);
}

/** The whole workbook in memory: the reference the streaming read must match, and its fallback. */
async function readInMemory(data: Buffer): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer); // exceljs types predate the generic Buffer
  } catch {
    return notXlsx();
  }
  const rows: ReadRow[] = [];
  const issues: ReadIssue[] = [];
  for (const [sheet, columns] of SHEETS) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue; // a workbook may carry only one of the two sheets
    const header = readHeader(ws.getRow(1));
    const missing = missingColumns(sheet, columns, header);
    issues.push(...missing);
    if (missing.length) continue;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const read = readDataRow(sheet, columns, header, row);
      if (read) rows.push(read);
    });
  }
  return { rows, issues };
}

/** The header a field is under in a sheet, for error messages that name the column. */
export function headerOf(sheet: string, key: string): string {
  const columns: readonly Column[] = sheet === TASK_SHEET ? TASK_COLUMNS : INDICATOR_COLUMNS;
  return columns.find((c) => c.key === key)?.header ?? key;
}
