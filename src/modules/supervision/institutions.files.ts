import ExcelJS from 'exceljs';
import { INSTITUTION_KINDS, INSTITUTION_LEVELS, QUOTA_KINDS, QUOTA_UNITS, type QuotaKind } from '../../domain/supervision/reference';
import { NOT_A_WORKBOOK, type SheetIssue, headerColumns, loadWorkbook, officialSheet, plainValue } from '../../exports/xlsx';
import { DEMONSTRATION_LEVELS, ECONOMY_STATUSES, InstitutionBody, type InstitutionRowOut } from './institutions.schemas';

/** 公共机构 as workbooks: the registry's import template (read back all or nothing) and the quota table (定额执行情况表). */

export const REGISTRY_SHEET = '公共机构名录';
const LEVEL_LABEL: Record<(typeof INSTITUTION_LEVELS)[number], string> = { city: '市级', county: '县级', township: '乡镇级' };
const KIND_LABEL: Record<(typeof INSTITUTION_KINDS)[number], string> = { organ: '机关', school: '学校', hospital: '医院', 'culture-sports': '文体场馆', other: '其他' };
const ECONOMY_LABEL: Record<(typeof ECONOMY_STATUSES)[number], string> = { none: '未创建', creating: '创建中', accepted: '已建成' };
const DEMO_LABEL: Record<(typeof DEMONSTRATION_LEVELS)[number], string> = { none: '无', provincial: '省级', national: '国家级' };
const YES_NO = { 是: true, 否: false } as const;

/** Template columns and the body field each fills (errors name the column). */
const COLUMNS = [
  ['名称', 'name'],
  ['所在地区（市本级或县市区名称）', 'regionCode'],
  ['层级（市级/县级/乡镇级）', 'level'],
  ['类别（机关/学校/医院/文体场馆/其他）', 'kind'],
  ['用能人数', 'staff'],
  ['建筑面积（m²）', 'floorAreaM2'],
  ['节约型机关（未创建/创建中/已建成）', 'economyStatus'],
  ['建成年份', 'economyYear'],
  ['绿色低碳示范单位（无/省级/国家级）', 'demonstration'],
  ['节能现场教学点（是/否）', 'teachingPoint'],
] as const;
type Field = (typeof COLUMNS)[number][1];
const COLUMN_OF = Object.fromEntries(COLUMNS.map(([h, f]) => [f, h])) as Record<Field, string>;

/** The registry template with one example row (to be replaced) and the labels allowed in each column. */
export async function registryTemplate(regionNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const ws = wb.addWorksheet(REGISTRY_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getCell('A1').value = `公共机构名录导入模板（第 2 行为表头，自第 3 行起每行一个单位；所在地区填：${regionNames.join('、')}）`;
  ws.getCell('A1').font = { bold: true };
  ws.getRow(2).values = COLUMNS.map(([h]) => h);
  ws.getRow(2).font = { bold: true };
  COLUMNS.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 32 : 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v instanceof Date ? v.toISOString().slice(0, 10) : v).trim());
const num = (v: unknown): number | null | undefined => {
  const s = text(v).replace(/[,，\s]/g, '');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};
const byLabel = <K extends string>(labels: Record<K, string>, v: string): K | undefined => (Object.keys(labels) as K[]).find((k) => labels[k] === v);

export type RegistryRow = { row: number; body: InstitutionBody };

/**
 * Reads a filled template: each row becomes an institution body checked by the route's own schema; every bad cell is
 * an issue naming the row and column. `regionOf` maps a region name or code to its code.
 */
export async function readRegistryWorkbook(data: Buffer, regionOf: (nameOrCode: string) => string | undefined): Promise<{ rows: RegistryRow[]; issues: SheetIssue[] }> {
  const wb = await loadWorkbook(data);
  if (!wb) return { rows: [], issues: [{ sheet: '', row: 0, field: '', detail: NOT_A_WORKBOOK }] };
  const ws = wb.getWorksheet(REGISTRY_SHEET);
  if (!ws) return { rows: [], issues: [{ sheet: REGISTRY_SHEET, row: 0, field: '', detail: `缺少工作表“${REGISTRY_SHEET}”` }] };
  const header = headerColumns(ws.getRow(2));
  const missing = COLUMNS.filter(([h]) => !header.has(h));
  if (missing.length) return { rows: [], issues: missing.map(([h]) => ({ sheet: REGISTRY_SHEET, row: 2, field: h, detail: `缺少列“${h}”` })) };
  const issues: SheetIssue[] = [];
  const rows: RegistryRow[] = [];
  ws.eachRow((r, n) => {
    if (n <= 2) return;
    const cell = (f: Field) => plainValue(r.getCell(header.get(COLUMN_OF[f])!).value);
    if (COLUMNS.every(([, f]) => text(cell(f)) === '')) return; // a blank row
    const bad = (f: Field, detail: string) => issues.push({ sheet: REGISTRY_SHEET, row: n, field: COLUMN_OF[f], detail });
    const label = <K extends string>(f: Field, labels: Record<K, string>, fallback?: K): K | undefined => {
      const v = text(cell(f));
      if (v === '' && fallback) return fallback;
      const k = byLabel(labels, v);
      if (!k) bad(f, `“${v}”应为 ${Object.values(labels).join('、')} 之一`);
      return k;
    };
    const number = (f: Field) => {
      const v = num(cell(f));
      if (v === undefined) bad(f, `“${text(cell(f))}”不是数字`);
      return v;
    };
    const regionText = text(cell('regionCode'));
    const regionCode = regionOf(regionText);
    if (!regionCode) bad('regionCode', regionText ? `没有名为“${regionText}”的地区` : '请填写所在地区');
    const teaching = text(cell('teachingPoint'));
    if (teaching !== '' && !(teaching in YES_NO)) bad('teachingPoint', `“${teaching}”应为 是 或 否`);
    const candidate = {
      name: text(cell('name')),
      regionCode: regionCode ?? '',
      level: label('level', LEVEL_LABEL),
      kind: label('kind', KIND_LABEL),
      staff: number('staff'),
      floorAreaM2: number('floorAreaM2'),
      economyStatus: label('economyStatus', ECONOMY_LABEL, 'none'),
      economyYear: number('economyYear'),
      demonstration: label('demonstration', DEMO_LABEL, 'none'),
      teachingPoint: YES_NO[teaching as keyof typeof YES_NO] ?? false,
    };
    if (issues.some((i) => i.row === n)) return;
    const parsed = InstitutionBody.safeParse(candidate);
    if (!parsed.success) for (const i of parsed.error.issues) bad((i.path[0] as Field | undefined) ?? 'name', i.message);
    else rows.push({ row: n, body: parsed.data });
  });
  if (!rows.length && !issues.length) issues.push({ sheet: REGISTRY_SHEET, row: 0, field: '', detail: '没有填写任何公共机构' });
  return { rows, issues };
}

const LEVEL_TEXT = { ok: '正常', warn: '预警', over: '超定额' } as const;
const round = (x: number | null | undefined, d: number) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

/**
 * 公共机构能耗定额执行情况表 in the provincial layout: one row per institution with the year's use, each indicator
 * (annualised for a partial year), its quota and ratio, and the worst level.
 */
export async function quotaTable(rows: InstitutionRowOut[], year: number, filledLine: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const fixed = ['序号', '单位名称', '所在地区', '层级', '类别', '用能人数', '建筑面积（m²）', '统计月数', '综合能耗（kgce）', '用水量（m³）'];
  const cols = fixed.length + QUOTA_KINDS.length * 3 + 1;
  const { ws, head } = officialSheet(wb, `${year}年定额执行`, cols, `${year} 年公共机构能耗定额执行情况表`, filledLine);
  fixed.forEach((h, i) => head(3, i + 1, h, 4, i + 1));
  const GROUP: Record<QuotaKind, string> = { 'energy-per-capita': '人均综合能耗', 'energy-per-area': '单位建筑面积能耗', 'water-per-capita': '人均用水量' };
  QUOTA_KINDS.forEach((k, i) => {
    const c = fixed.length + 1 + i * 3;
    head(3, c, `${GROUP[k]}（${QUOTA_UNITS[k]}）`, 3, c + 2);
    head(4, c, '实际（年化）');
    head(4, c + 1, '定额');
    head(4, c + 2, '实际/定额');
  });
  head(3, cols, '执行情况', 4, cols);
  rows.forEach((r, i) => {
    const u = r.use;
    const values: unknown[] = [i + 1, r.name, r.regionName, LEVEL_LABEL[r.level], KIND_LABEL[r.kind], u?.staff ?? r.staff, u?.floorAreaM2 ?? r.floorAreaM2, u?.months ?? null, u?.energyKgce ?? null, u?.waterM3 ?? null];
    for (const k of QUOTA_KINDS) {
      const e = u?.evaluations.find((x) => x.kind === k);
      values.push(round(e?.annualIndicator, 2), e?.quota ?? null, e?.ratio === null || e?.ratio === undefined ? null : round(e.ratio, 3));
    }
    values.push(u ? (u.level ? LEVEL_TEXT[u.level] : '无法评价') : '未填报');
    ws.getRow(5 + i).values = values as ExcelJS.CellValue[];
  });
  ws.getColumn(2).width = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
