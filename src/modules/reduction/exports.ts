import ExcelJS from 'exceljs';
import { officialSheet } from '../../exports/xlsx';
import type { Content } from 'pdfmake/interfaces';
import type { UserActor } from '../../domain/access';
import { beijingDate } from '../../domain/reporting/calendar';
import { type MeasureType, POLLUTANTS, type Pollutant } from '../../domain/reduction/index';
import { renderBulletin } from '../../exports/pdf';
import { type MessageKey, translate } from '../../i18n/index';
import type { Ctx } from '../../server/context';
import * as orgRepo from '../org/repo';
import { dispatchTable } from './dispatch.service';
import { getProgress } from './progress.service';
import * as repo from './repo';
import type { DispatchOut, ProjectOut } from './schemas';

// The documents go to the bureau in Chinese, whatever the reader's language: labels from the zh-CN catalog.
const zh = (key: MessageKey) => translate('zh-CN', key);
const POLLUTANT_LABEL = (p: Pollutant) => zh(`reduction.pollutant.${p}`);
const TYPE_LABEL = (t: MeasureType) => zh(`reduction.type.${t}`);
const STATUS_LABEL = (s: ProjectOut['status']) => zh(`reduction.status.${s}`);
const REVIEW_LABEL = (s: DispatchOut['status']) => zh(`reduction.dispatchStatus.${s}`);
const LEVEL_LABEL = (l: 'green' | 'yellow' | 'red' | 'none') => (l === 'none' ? '—' : zh(`reduction.level.${l}`));

const monthTitle = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
const t3 = (x: number | null | undefined) => (x === null || x === undefined ? '' : x.toFixed(3));
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);

/** The tonnes that count from a dispatch's accounting per pollutant (a rejected pollutant counts 0), and the reasons. */
function counted(d: DispatchOut | null) {
  const t = new Map<Pollutant, number>();
  const reasons: string[] = [];
  for (const x of d?.accounting.pollutants ?? []) {
    t.set(x.pollutant, x.rejection ? 0 : x.countable_t);
    if (x.rejection) reasons.push(`${POLLUTANT_LABEL(x.pollutant)}：${x.rejection.reason}`);
  }
  if (d?.accounting.rejection && !reasons.length) reasons.push(d.accounting.rejection.reason);
  return { t, reasons };
}

/**
 * 重点减排工程调度表 for a month (reduction.md §6) as a provincial bureau lays it out: title, 填报单位 and date,
 * a two-row header with units, one row per project, a totals row, and the 填表人/审核人 footer.
 */
export async function dispatchXlsx(ctx: Ctx, month: string, regionCode: string | undefined) {
  const table = await dispatchTable(ctx, month, regionCode);
  const regions = new Map((await orgRepo.listRegions(ctx.db)).map((r) => [r.code, r.name]));
  const a = ctx.actor as UserActor;
  const unitName = a.role === 'county' ? (regions.get(a.regionCode ?? '') ?? '') : regionCode ? (regions.get(regionCode) ?? regionCode) : '赣州市生态环境局';
  const title = `赣州市主要污染物重点减排工程调度表（${monthTitle(month)}）`;

  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const single = ['序号', '县（市、区）', '项目编号', '项目名称', '工程类型', '企业（设施）名称', '统一社会信用代码', '排放口编号', '涉及污染物'];
  const cols = 22;
  const { ws, head } = officialSheet(wb, '调度表', cols, title, `填报单位：${unitName}　　　　填报日期：${beijingDate(ctx.now)}　　　　截止日期：${table.dueDate}　　　　单位：吨`);
  single.forEach((h, i) => head(3, i + 1, h, 4));
  head(3, 10, '计划时间', 3, 11);
  head(4, 10, '开工');
  head(4, 11, '建成');
  head(3, 12, '实际时间', 3, 14);
  head(4, 12, '开工');
  head(4, 13, '建成');
  head(4, 14, '稳定运行');
  head(3, 15, '工程状态', 4);
  head(3, 16, '形象进度', 4);
  head(3, 17, '核算削减量（吨）', 3, 20);
  POLLUTANTS.forEach((p, i) => head(4, 17 + i, p === 'COD' ? 'COD' : POLLUTANT_LABEL(p)));
  head(3, 21, '核查状态', 4);
  head(3, 22, '备注', 4);

  const totals = new Map<Pollutant, number>();
  table.rows.forEach((r, i) => {
    const d = r.dispatch;
    const c = counted(d);
    const progress = [d?.progressPct != null ? `${d.progressPct}%` : '', d?.progressNote ?? ''].filter(Boolean).join(' ');
    const review = d ? REVIEW_LABEL(d.status) : r.overdue ? '逾期未报' : '未填报';
    const notes = [d?.status === 'returned' ? '退回待修改' : '', ...c.reasons, r.project.note].filter(Boolean).join('；');
    const row = ws.addRow([
      i + 1,
      regions.get(r.project.regionCode) ?? r.project.regionCode,
      r.project.code,
      r.project.name,
      TYPE_LABEL(r.project.measureType),
      r.project.facilityName,
      r.project.uscc,
      r.project.outlet,
      r.project.pollutants.map((p) => POLLUTANT_LABEL(p)).join('、'),
      r.project.plannedStart ?? '',
      r.project.plannedCompletion ?? '',
      d?.dates.actualStart ?? '',
      d?.dates.completion ?? '',
      d?.dates.eventDate ?? '',
      STATUS_LABEL(d?.projectStatus ?? r.project.status),
      progress,
      ...POLLUTANTS.map((p) => (r.project.pollutants.includes(p) && c.t.has(p) ? c.t.get(p)! : null)),
      review,
      notes,
    ]);
    for (const p of POLLUTANTS) if (c.t.has(p) && r.project.pollutants.includes(p)) totals.set(p, (totals.get(p) ?? 0) + c.t.get(p)!);
    for (let k = 17; k <= 20; k++) row.getCell(k).numFmt = '0.000';
  });
  const total = ws.addRow(['合计', '', `${table.rows.length} 项`, ...Array(13).fill(''), ...POLLUTANTS.map((p) => Math.round((totals.get(p) ?? 0) * 1000) / 1000), '', '']);
  total.font = { bold: true };
  for (let k = 17; k <= 20; k++) total.getCell(k).numFmt = '0.000';
  ws.addRow([]);
  ws.addRow(['注：核算削减量为当年相对 2020 年的削减量（重点工程减排量，扣除区域削减替代量）；已核查的为核查后数值，其余为填报核算值；被剔除的计 0，原因见备注。']);
  ws.addRow([`填表人：　　　　　　　　联系电话：　　　　　　　　审核人：　　　　　　　　（盖章）`]);
  const border = { style: 'thin' as const };
  for (let r = 3; r <= 4 + table.rows.length + 1; r++) for (let c = 1; c <= cols; c++) ws.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  [6, 12, 16, 24, 18, 24, 22, 10, 16, 11, 11, 11, 11, 11, 10, 18, 11, 11, 11, 11, 10, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return { fileName: `${title}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

export type Bulletin = Awaited<ReturnType<typeof bulletinData>>;

/** 月度调度通报: progress per pollutant against target and expected, per region, overdue, returned and rejected. */
export async function bulletinData(ctx: Ctx, month: string) {
  const year = Number(month.slice(0, 4));
  const [progress, table, regionList] = await Promise.all([getProgress(ctx, year), dispatchTable(ctx, month, undefined), orgRepo.listRegions(ctx.db)]);
  const regions = new Map(regionList.map((r) => [r.code, r.name]));
  const name = (code: string) => regions.get(code) ?? code;
  const returned = table.rows.filter((r) => r.dispatch?.status === 'returned');
  const comments = new Map<number, string>();
  for (const e of await repo.listEvents(ctx.db, returned.map((r) => r.dispatch!.id))) if (e.action === 'return') comments.set(e.dispatchId, e.comment ?? '');
  return {
    title: `赣州市重点减排工程月度调度通报（${monthTitle(month)}）`,
    generated: beijingDate(ctx.now),
    dueDate: table.dueDate,
    expected: progress.expected,
    pollutants: progress.pollutants.map((p) => [POLLUTANT_LABEL(p.pollutant), t3(p.target), t3(p.verified_t), t3(p.pending_t), pct(p.completion), pct(progress.expected), LEVEL_LABEL(p.level)]),
    regions: progress.regions.map((r) => [name(r.regionCode), ...POLLUTANTS.map((p) => {
      const x = r.pollutants.find((y) => y.pollutant === p)!;
      return x.allocation === null ? `${t3(x.verified_t)} / —` : `${t3(x.verified_t)} / ${t3(x.allocation)}（${pct(x.completion)}）`;
    }), String(r.projects), String(r.overdue)]),
    overdueRegions: progress.regions.filter((r) => r.overdue > 0).map((r) => `${name(r.regionCode)}（${r.overdue} 项）`),
    overdueProjects: table.rows.filter((r) => r.overdue).map((r) => `${name(r.project.regionCode)} ${r.project.code} ${r.project.name}`),
    returned: returned.map((r) => `${name(r.project.regionCode)} ${r.project.code} ${r.project.name}：${comments.get(r.dispatch!.id) || '（无意见）'}`),
    rejections: table.rows
      .filter((r) => r.dispatch && r.dispatch.status !== 'returned')
      .flatMap((r) => counted(r.dispatch).reasons.map((reason) => `${name(r.project.regionCode)} ${r.project.code} ${r.project.name}：${reason}`)),
  };
}

/** The bulletin as a PDF in Chinese (pdfmake with the embedded Noto Sans Hans). */
export async function bulletinPdf(b: Bulletin): Promise<Buffer> {
  const list = (items: string[]): Content => (items.length ? { ul: items, margin: [0, 2, 0, 0] } : { text: '无。', margin: [0, 2, 0, 0] });
  const h = (text: string): Content => ({ text, bold: true, fontSize: 11, margin: [0, 10, 0, 4] });
  return renderBulletin(b.title, `生成日期：${b.generated}　本月调度截止：${b.dueDate}　序时进度：${pct(b.expected)}`, [
    h('一、主要污染物重点工程减排量完成情况（单位：吨）'),
    { table: { headerRows: 1, widths: ['*', '*', '*', '*', '*', '*', '*'], body: [['污染物', '目标', '已核查', '待核查', '完成率', '序时进度', '进度状态'].map((t) => ({ text: t, bold: true })), ...b.pollutants] } },
    h('二、各县（市、区）完成情况（已核查 / 分解目标，吨）'),
    { table: { headerRows: 1, widths: ['auto', '*', '*', '*', '*', 'auto', 'auto'], body: [['地区', 'COD', '氨氮', '氮氧化物', '挥发性有机物', '工程数', '逾期'].map((t) => ({ text: t, bold: true })), ...b.regions] } },
    h('三、逾期未报送调度的地区和工程'),
    list(b.overdueRegions),
    list(b.overdueProjects),
    h('四、退回修改的调度'),
    list(b.returned),
    h('五、核算剔除的减排量及原因'),
    list(b.rejections),
    { text: '注：减排量为当年相对 2020 年的重点工程减排量，只计已核查数值；完成率 = 已核查 / 目标；进度状态为平台规则（达到序时进度 / 略低于序时进度 / 明显滞后）。', fontSize: 8, margin: [0, 10, 0, 0] },
  ]);
}
