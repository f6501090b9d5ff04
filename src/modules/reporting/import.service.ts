import { createHash } from 'node:crypto';
import { type ItemResponsibility, canSubmitReport } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { Comparison } from '../../domain/plan/plan-file';
import { beijingDate, periodFromKey } from '../../domain/reporting/calendar';
import { type Revision, SUBMISSION_PROBLEMS, decideSubmission } from '../../domain/reporting/lifecycle';
import { type ReportInput, validateReport } from '../../domain/reporting/validate';
import { indicatorRegionProblem } from '../../domain/reporting/allocation';
import type { Ctx } from '../../server/context';
import { sheetErrors } from '../../exports/xlsx';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { getPlanTree } from '../plan/service';
import { getCalendar, threadKey } from './calendar.service';
import { INDICATOR_SHEET, type ReadIssue, TASK_SHEET, buildReportWorkbook, headerOf, readReportWorkbook } from './excel';
import * as repo from './repo';
import { cadenceLookup } from './service';

/** A pre-filled workbook of what the actor still owes in a year, with the last approved values. */
export async function buildTemplate(ctx: Ctx, planCode: string, year: number): Promise<Buffer> {
  const { entries } = await getCalendar(ctx, planCode, year);
  const { tree } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  const units = new Map(tree.chapters.flatMap((c) => c.sections.flatMap((s) => s.indicators.map((x) => [x.id, x.unit]))));
  const regionName = new Map((await orgRepo.listRegions(ctx.db)).map((r) => [r.code, r.name]));
  const approved = new Map(
    (await repo.listRevisionsOfYears(ctx.db, [year])).filter((r) => r.status === 'approved').map((r) => [threadKey(r), r.value]),
  );
  const open = entries.flatMap((e) => e.periods.filter((p) => p.state !== 'upcoming' && p.state !== 'submitted').map((p) => ({ e, p })));
  const base = ({ e, p }: (typeof open)[number]) => ({ code: e.code, name: e.name, regionCode: e.regionCode, regionName: regionName.get(e.regionCode) ?? '', periodKey: p.key });
  const indicatorRows = open
    .filter(({ e }) => e.kind === 'indicator')
    .map((x) => ({ ...base(x), unit: units.get(x.e.itemId) ?? '', lastValue: approved.get(threadKey({ indicatorId: x.e.itemId, taskId: null, periodKey: x.p.key, regionCode: x.e.regionCode })) ?? null, value: null, narrative: '' }));
  const taskRows = open.filter(({ e }) => e.kind === 'task').map((x) => ({ ...base(x), taskStatus: null, percentComplete: null, narrative: '' }));
  return buildReportWorkbook(indicatorRows, taskRows);
}

const asNumber = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,，\s]/g, ''));
  return Number.isFinite(n) ? n : Number.NaN;
};
const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/**
 * Imports a filled workbook: validates every row first (sheet, row and column of each error),
 * then stores all rows as new revisions in one transaction, or nothing at all.
 */
export async function importReports(ctx: Ctx, planCode: string, data: Buffer) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const { rows, issues } = await readReportWorkbook(data);
  const { tree } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  const items = new Map<string, { kind: 'indicator' | 'task'; id: number; comparison: Comparison | null; resp: ItemResponsibility }>();
  for (const s of tree.chapters.flatMap((c) => c.sections)) {
    for (const x of s.indicators) items.set(`${INDICATOR_SHEET}:${x.code}`, { kind: 'indicator', id: x.id, comparison: x.comparison, resp: { responsible: x.departments.map((d) => d.id), involved: x.departments.map((d) => d.id) } });
    for (const t of s.tasks) items.set(`${TASK_SHEET}:${t.code}`, { kind: 'task', id: t.id, comparison: null, resp: { responsible: t.lead.map((d) => d.id), involved: [...t.lead, ...t.cooperating].map((d) => d.id) } });
  }
  const regions = new Set((await orgRepo.listRegions(ctx.db)).map((r) => r.code));
  const allocatedTo = new Map<number, Set<string>>();
  for (const s of await repo.listAllocations(ctx.db, {})) allocatedTo.set(s.indicatorId, (allocatedTo.get(s.indicatorId) ?? new Set()).add(s.regionCode));
  const today = beijingDate(ctx.now);
  const cadenceOf = await cadenceLookup(ctx.db, today);
  const years = [...new Set(rows.map((r) => periodFromKey(asText(r.cells.periodKey), 0)?.year).filter((y): y is number => y !== undefined))];
  const threads = new Map<string, Revision[]>();
  for (const r of await repo.listRevisionsOfYears(ctx.db, years)) {
    const k = threadKey(r);
    threads.set(k, [...(threads.get(k) ?? []), r as Revision]);
  }

  const errors: ReadIssue[] = [...issues];
  const fail = (sheet: string, row: number, key: string, detail: string) => errors.push({ sheet, row, field: headerOf(sheet, key), detail });
  const accepted: Array<{ sheet: string; row: number; kind: 'indicator' | 'task'; itemId: number; regionCode: string; input: ReportInput; correctionReason: string | null; revision: number }> = [];
  const seen = new Set<string>();
  for (const { sheet, row, cells } of rows) {
    // A template row left unfilled is not a report: people fill what they have and leave the rest.
    if (['value', 'taskStatus', 'percentComplete', 'narrative', 'correctionReason'].every((k) => asText(cells[k]) === '')) continue;
    const item = items.get(`${sheet}:${asText(cells.code)}`);
    if (!item) {
      fail(sheet, row, 'code', `编号 ${asText(cells.code)} 不是本方案的${sheet}`);
      continue;
    }
    const regionCode = asText(cells.regionCode);
    if (!regions.has(regionCode)) {
      fail(sheet, row, 'regionCode', `地区代码 ${regionCode || '（空）'} 不存在`);
      continue;
    }
    if (!canSubmitReport(a, item.resp, regionCode, tree.regionCode)) {
      fail(sheet, row, 'regionCode', `无权报送 ${asText(cells.code)} 在 ${regionCode} 的进展`);
      continue;
    }
    const notAllocated = item.kind === 'indicator' ? indicatorRegionProblem(asText(cells.code), regionCode, tree.regionCode, allocatedTo.get(item.id) ?? new Set()) : null;
    if (notAllocated) {
      fail(sheet, row, 'regionCode', notAllocated);
      continue;
    }
    const value = asNumber(cells.value);
    const percent = asNumber(cells.percentComplete);
    if (Number.isNaN(value)) fail(sheet, row, 'value', `“${asText(cells.value)}”不是数字`);
    if (Number.isNaN(percent)) fail(sheet, row, 'percentComplete', `“${asText(cells.percentComplete)}”不是数字`);
    if (Number.isNaN(value) || Number.isNaN(percent)) continue;
    const input: ReportInput = { periodKey: asText(cells.periodKey), value, taskStatus: cells.taskStatus ? asText(cells.taskStatus) : null, percentComplete: percent, narrative: asText(cells.narrative) };
    const invalid = validateReport({ kind: item.kind, code: asText(cells.code), comparison: item.comparison, periodStart: tree.periodStart, periodEnd: tree.periodEnd, cadence: cadenceOf(item.kind, item.id) }, input, today);
    if (invalid) {
      fail(sheet, row, invalid.field, invalid.message);
      continue;
    }
    const key = threadKey({ indicatorId: item.kind === 'indicator' ? item.id : null, taskId: item.kind === 'task' ? item.id : null, periodKey: input.periodKey, regionCode });
    if (seen.has(key)) {
      fail(sheet, row, 'periodKey', `同一项目、地区和期间在文件中出现两次`);
      continue;
    }
    seen.add(key);
    const correctionReason = asText(cells.correctionReason) || null;
    const decision = decideSubmission(threads.get(key) ?? [], correctionReason);
    if (!decision.ok) {
      const [, why, field] = SUBMISSION_PROBLEMS[decision.code];
      fail(sheet, row, field ?? 'periodKey', why);
      continue;
    }
    accepted.push({ sheet, row, kind: item.kind, itemId: item.id, regionCode, input, correctionReason: decision.isCorrection ? correctionReason : null, revision: decision.revision });
  }
  if (errors.length) throw sheetErrors(errors);
  if (!accepted.length) throw new AppError('validation', '文件中没有可导入的行');
  const sha256 = createHash('sha256').update(data).digest('hex');
  return ctx.db.transaction(async (tx) => {
    const ids = await repo.insertReports(
      tx,
      accepted.map((r) => ({
        indicatorId: r.kind === 'indicator' ? r.itemId : null,
        taskId: r.kind === 'task' ? r.itemId : null,
        periodKey: r.input.periodKey,
        regionCode: r.regionCode,
        revision: r.revision,
        value: r.kind === 'indicator' ? r.input.value : null,
        taskStatus: r.kind === 'task' ? r.input.taskStatus : null,
        percentComplete: r.kind === 'task' ? r.input.percentComplete : null,
        narrative: r.input.narrative,
        correctionReason: r.correctionReason,
      })),
      { userId: a.userId, departmentId: a.departmentId, at: ctx.now },
    );
    await repo.insertSubmitEvents(tx, { firstId: ids[0]!, lastId: ids.at(-1)!, userId: a.userId, at: ctx.now });
    // One audit event for the batch (the file's hash and what it created), not one per row.
    await recordAudit(tx, ctx, { action: 'importReports', entity: 'progress_report', entityId: sha256.slice(0, 16), after: { sha256, rows: ids.length, firstId: ids[0], lastId: ids.at(-1) } });
    return { imported: ids.length, sha256 };
  });
}
