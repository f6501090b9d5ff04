import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import { beijingDate } from '../../domain/reporting/calendar';
import { issuerPrefix } from '../../domain/supervision/inspection-orders';
import { renderPdf } from '../../exports/pdf';
import { officialSheet } from '../../exports/xlsx';
import { type MessageKey, translate } from '../../i18n/index';
import type { Ctx } from '../../server/context';
import * as orgRepo from '../org/repo';
import { requireInspector, scopeOf } from './inspections.access';
import * as repo from './inspections.repo';
import { getOrder, orderRow } from './orders.service';

// The documents go out in Chinese, whatever the reader's language: labels from the zh-CN catalog.
const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const topic = (t: string) => zh(`supervision.topic.${t}` as MessageKey);

const LEDGER_COLS = ['no', 'region', 'enterprise', 'plan', 'topics', 'date', 'inspectors', 'findings', 'orders', 'status'] as const;

/** 节能监察台账: one row per inspection of the year in the reader's scope, with its findings and its orders' state. */
export async function ledgerXlsx(ctx: Ctx, year: number) {
  const r = await requireInspector(ctx);
  const scope = scopeOf(r);
  const inspections = await repo.listInspections(ctx.db, scope, { year });
  const ids = inspections.map((i) => i.inspection.id);
  const findings = await repo.listFindings(ctx.db, { inspectionIds: ids });
  const orders = (await repo.listOrders(ctx.db, scope, { inspectionIds: ids })).map((o) => orderRow(o, r.today));
  const unit = 'all' in scope ? zh('supervision.ledger.unitCity') : ((await orgRepo.findRegion(ctx.db, scope.regionCode))?.name ?? scope.regionCode);
  const title = zh('supervision.ledger.title', { year });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const { ws, head } = officialSheet(wb, zh('supervision.ledger.sheet'), LEDGER_COLS.length, title, zh('supervision.ledger.filled', { unit, date: r.today }));
  LEDGER_COLS.forEach((c, k) => head(3, k + 1, zh(`supervision.ledger.col.${c}` as MessageKey), 4));
  for (const [n, x] of [...inspections].reverse().entries()) {
    const i = x.inspection;
    const own = findings.filter((f) => f.finding.inspectionId === i.id);
    const ownOrders = orders.filter((o) => o.inspectionId === i.id);
    const row = ws.addRow([
      n + 1,
      x.regionName,
      x.enterpriseName,
      i.planId === null ? zh('supervision.ledger.adHoc') : zh('supervision.ledger.planned'),
      i.topics.map(topic).join('、'),
      i.inspectedOn ?? (i.plannedDate ? zh('supervision.ledger.plannedOn', { date: i.plannedDate }) : ''),
      i.inspectors,
      own.map((f, k) => `${k + 1}. [${zh(`supervision.severity.${f.finding.severity}` as MessageKey)}] ${f.finding.description}`).join('\n'),
      ownOrders.map((o) => `${o.orderNo}：${zh(`supervision.order.status.${o.status}` as MessageKey)}${o.overdue ? zh('supervision.ledger.overdue') : ''}（${zh('supervision.ledger.deadline', { date: o.deadline })}）`).join('\n'),
      zh(`supervision.inspection.status.${i.status}` as MessageKey),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  const border = { style: 'thin' as const };
  for (let rr = 3; rr <= 4 + inspections.length; rr++) for (let c = 1; c <= LEDGER_COLS.length; c++) ws.getCell(rr, c).border = { top: border, left: border, bottom: border, right: border };
  [6, 10, 24, 8, 20, 12, 14, 48, 36, 8].forEach((w, k) => (ws.getColumn(k + 1).width = w));
  return { fileName: `${title}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** The issuing body printed on the notice: the county's, or the city's, 节能监察 body. */
async function issuingBody(ctx: Ctx, orderNo: string) {
  const regions = await orgRepo.listRegions(ctx.db);
  const city = regions.find((g) => g.kind === 'city');
  const county = regions.find((g) => g.kind !== 'city' && orderNo.startsWith(`${issuerPrefix(g)}节监整`));
  return zh('supervision.notice.issuer', { region: county?.fullName ?? county?.name ?? city?.fullName ?? city?.name ?? '' });
}

/** 整改通知书 as a PDF: number, enterprise, findings with legal basis, requirement, deadline, issuing body and date. */
export async function noticePdf(ctx: Ctx, id: number) {
  const o = await getOrder(ctx, id);
  const title = zh('supervision.notice.title');
  const h = (text: string): Content => ({ text, bold: true, margin: [0, 10, 0, 4] });
  const issuedOn = beijingDate(o.issuedAt);
  const content: Content[] = [
    { text: title, fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
    { text: o.orderNo, alignment: 'center', margin: [0, 0, 0, 14] },
    { text: `${o.enterpriseName}：`, bold: true },
    { text: zh('supervision.notice.opening', { region: o.regionName }), margin: [0, 6, 0, 0] },
    h(zh('supervision.notice.findings')),
    {
      table: {
        headerRows: 1,
        widths: ['auto', 'auto', '*', '*'],
        body: [
          ['no', 'severity', 'description', 'legalBasis'].map((k) => ({ text: zh(`supervision.notice.col.${k}` as MessageKey), bold: true })),
          ...o.findings.map((f, k) => [String(k + 1), zh(`supervision.severity.${f.severity}` as MessageKey), `${topic(f.topic)}：${f.description}${f.highEnergyProjectName ? `（${f.highEnergyProjectName}）` : ''}`, f.legalBasis || '—']),
        ],
      },
      fontSize: 9,
    },
    h(zh('supervision.notice.requirement')),
    { text: o.requirement },
    h(zh('supervision.notice.deadline')),
    { text: zh('supervision.notice.deadlineText', { date: o.deadline }) },
    { text: zh('supervision.notice.closing'), margin: [0, 10, 0, 0] },
    { text: await issuingBody(ctx, o.orderNo), alignment: 'right', margin: [0, 30, 0, 0] },
    { text: issuedOn, alignment: 'right' },
  ];
  const pdf = await renderPdf({ pageSize: 'A4', defaultStyle: { fontSize: 11 }, info: { title: `${title} ${o.orderNo}`, creator: 'ECER' }, content });
  return { fileName: `${title}-${o.orderNo}.pdf`, content: pdf };
}
