import { type Actor, canReadEnterprise, canWriteEnterprise } from '../../domain/access';
import { checkAnnualReport, unitConsumption } from '../../domain/energy/annual-report';
import { type Carrier, keyUnitClass } from '../../domain/energy/conversion';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { effectiveAt } from '../../domain/reference/versions';
import {
  type ReviewAction,
  type ReviewStage,
  type StagedRevision,
  STAGED_REVIEW_PROBLEMS,
  SUBMISSION_PROBLEMS,
  decideStagedReview,
  decideStagedSubmission,
  lifecycleError,
} from '../../domain/reporting/lifecycle';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { referenceVersions } from '../reference/service';
import * as orgRepo from '../org/repo';
import * as repo from './repo';
import { ENERGY_SHEET, LINE_FIELD_COLUMN, readReportWorkbook, reportPdf, reportTemplate } from './report-files';
import { sheetErrors } from '../../exports/xlsx';
import type { ReportBody, ReportOut } from './schemas';

const reportOut = (r: repo.ReportRow): ReportOut => ({
  id: r.id,
  enterpriseId: r.enterpriseId,
  year: r.year,
  revision: r.revision,
  status: r.status as ReportOut['status'],
  lines: r.lines as ReportOut['lines'],
  products: r.products as ReportOut['products'],
  savingProjects: r.savingProjects as ReportOut['savingProjects'],
  tceEquivalent: r.tceEquivalent,
  tceEquivalentInput: r.tceEquivalentInput,
  changeReason: r.changeReason,
  correctionReason: r.correctionReason,
  submittedBy: r.submittedBy,
  submittedAt: r.submittedAt,
});

async function enterpriseFor(ctx: Ctx, id: number) {
  const e = await repo.findEnterprise(ctx.db, id);
  if (!e || !canReadEnterprise(ctx.actor, e)) throw new AppError('not-found', `企业 ${id} 不存在`);
  return e;
}

/** The coefficients, 等价值 and report rules in force at the end of the report's year, with their version ids. */
async function referenceFor(ctx: Ctx, year: number) {
  const versions = await referenceVersions(ctx.db, ctx.now.getTime());
  const at = `${year}-12-31`;
  const table = effectiveAt(versions, 'energy-coefficients', at);
  const input = effectiveAt(versions, 'electricity-equivalent-input', at);
  const rules = effectiveAt(versions, 'energy-report-rules', at);
  if (!table || !input || !rules) throw new AppError('validation', `${year} 年没有生效的折标准煤系数`, { pointer: '#/year', field: 'year' });
  return {
    carriers: new Map((table.value as { carriers: Carrier[] }).carriers.map((c) => [c.code, c])),
    kgcePerKwh: (input.value as { kgcePerKwh: number }).kgcePerKwh,
    changeThreshold: (rules.value as { changeThreshold: number }).changeThreshold,
    ids: { coefficients: table.id, equivalentInput: input.id, rules: rules.id },
  };
}

/**
 * An enterprise files (or resubmits, or corrects) its annual energy report: converted to tce by GB/T 2589 with the
 * coefficients of its year, checked, stored as a new revision awaiting the county's review.
 */
export async function submitReport(ctx: Ctx, enterpriseId: number, body: ReportBody): Promise<ReportOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const e = await enterpriseFor(ctx, enterpriseId);
  if (!canWriteEnterprise(a, e)) throw new AppError('forbidden', `无权填报 ${e.name} 的能源利用状况报告`);
  const ref = await referenceFor(ctx, body.year);
  const last = await repo.findApproved(ctx.db, enterpriseId, body.year - 1);
  const check = checkAnnualReport(body, ref.carriers, ref.kgcePerKwh, last?.tceEquivalent ?? null, { changeThreshold: ref.changeThreshold });
  if (!check.ok) throw new AppError('validation', check.problem.message, { pointer: check.problem.pointer, field: check.problem.pointer.slice(2).replace(/\//g, '.') });
  return ctx.db.transaction(async (tx) => {
    const revisions = await repo.listRevisions(tx, enterpriseId, body.year);
    const decision = decideStagedSubmission(revisions as StagedRevision[], body.correctionReason);
    if (!decision.ok) throw lifecycleError(SUBMISSION_PROBLEMS[decision.code]);
    const row = await repo.insertReport(tx, {
      enterpriseId,
      year: body.year,
      revision: decision.revision,
      status: 'submitted',
      lines: check.totals.lines,
      products: body.products.map((p) => ({ ...p, unitConsumption: unitConsumption(p) })),
      savingProjects: body.savingProjects,
      tceEquivalent: check.totals.totalEquivalent,
      tceEquivalentInput: check.totals.totalEquivalentInput,
      coefficientVersions: ref.ids,
      changeReason: body.changeReason,
      correctionReason: decision.isCorrection ? body.correctionReason : null,
      submittedBy: a.userId,
      submittedAt: ctx.now,
    });
    const action = decision.isCorrection ? 'correct' : 'submit';
    await repo.insertEvent(tx, { reportId: row.id, action, comment: body.correctionReason, actorUserId: a.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: `${action}EnergyReport`, entity: 'energy_report', entityId: row.id, after: row });
    return reportOut(row);
  });
}

/** Which review stage an actor acts at: the enterprise's county, then the city; never on one's own report. */
function stageOf(a: Actor, e: { regionCode: string }, submittedBy: number): ReviewStage | null {
  if (a.kind !== 'user' || a.userId === submittedBy) return null;
  if (a.role === 'county' && a.regionCode === e.regionCode) return 'county';
  if (a.role === 'admin' || a.role === 'steering') return 'city';
  return null;
}

export async function reviewReport(ctx: Ctx, id: number, action: ReviewAction, comment: string | null): Promise<ReportOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  return ctx.db.transaction(async (tx) => {
    const report = await repo.findReport(tx, id);
    const e = report && (await repo.findEnterprise(tx, report.enterpriseId));
    if (!report || !e || !canReadEnterprise(a, e)) throw new AppError('not-found', `报告 ${id} 不存在`);
    const stage = stageOf(a, e, report.submittedBy);
    if (!stage) throw new AppError('forbidden', '无权审核（县级由企业所在县（市、区）审核，市级由市节能减排办审核，且不能审核本人填报的报告）');
    const decision = decideStagedReview((await repo.listRevisions(tx, report.enterpriseId, report.year)) as StagedRevision[], id, stage, action, comment);
    if (!decision.ok) throw lifecycleError(STAGED_REVIEW_PROBLEMS[decision.code]);
    await repo.setStatus(tx, decision.supersede, 'superseded');
    await repo.setStatus(tx, [id], decision.status);
    const step = action === 'return' ? 'return' : stage === 'county' ? 'county-approve' : 'approve';
    await repo.insertEvent(tx, { reportId: id, action: step, comment, actorUserId: a.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: `${step}EnergyReport`, entity: 'energy_report', entityId: id, before: { status: report.status }, after: { status: decision.status, comment, superseded: decision.supersede } });
    if (decision.status === 'approved') await classifyKeyUnit(tx, ctx, e, report);
    return reportOut({ ...report, status: decision.status });
  });
}

/**
 * An approved report of ≥ 10 000 tce (by the method the thresholds name) makes the enterprise a key energy-using
 * unit by law (节约能源法 art. 52); 5 000–10 000 tce needs a designation, so it is left to the authorities. Audited.
 */
async function classifyKeyUnit(tx: Db, ctx: Ctx, e: NonNullable<Awaited<ReturnType<typeof repo.findEnterprise>>>, report: repo.ReportRow) {
  const v = effectiveAt(await referenceVersions(tx, ctx.now.getTime()), 'key-unit-thresholds', `${report.year}-12-31`);
  if (!v) return;
  const t = v.value as { key: number; designatable: number; method: 'equivalent' | 'equivalent-input' };
  const tce = t.method === 'equivalent' ? report.tceEquivalent : report.tceEquivalentInput;
  if (keyUnitClass(tce, t) !== 'key' || e.keyUnitClass === 'key') return;
  const after = await orgRepo.updateEnterprise(tx, e.id, { isKeyEnergyUnit: true, keyUnitClass: 'key', updatedAt: ctx.now });
  await recordAudit(tx, ctx, { action: 'classifyKeyEnergyUnit', entity: 'enterprise', entityId: e.id, before: { keyUnitClass: e.keyUnitClass }, after: { keyUnitClass: after?.keyUnitClass, tce, year: report.year, method: t.method } });
}

/**
 * 待我审核: the reports awaiting the actor's stage across its scope: a county those of its region's enterprises
 * awaiting the county, the city those the counties approved. One's own submissions are left out.
 */
export async function reviewQueue(ctx: Ctx) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const status = a.role === 'county' ? 'submitted' : a.role === 'admin' || a.role === 'steering' ? 'county-approved' : null;
  if (!status) return [];
  return (await repo.listReportsInStatus(ctx.db, [status]))
    .filter(({ report, enterprise }) => stageOf(a, enterprise, report.submittedBy) !== null && canReadEnterprise(a, enterprise))
    .map(({ report, enterprise }) => ({ ...reportOut(report), enterpriseName: enterprise.name, regionCode: enterprise.regionCode }));
}

export async function listReports(ctx: Ctx, enterpriseId: number) {
  await enterpriseFor(ctx, enterpriseId);
  return (await repo.listReports(ctx.db, enterpriseId)).map(reportOut);
}

export async function getReportThread(ctx: Ctx, id: number) {
  const report = await repo.findReport(ctx.db, id);
  const e = report && (await repo.findEnterprise(ctx.db, report.enterpriseId));
  if (!report || !e || !canReadEnterprise(ctx.actor, e)) throw new AppError('not-found', `报告 ${id} 不存在`);
  const revisions = await repo.listRevisions(ctx.db, report.enterpriseId, report.year);
  return { report: reportOut(report), revisions: revisions.map(reportOut), history: await repo.listEvents(ctx.db, revisions.map((r) => r.id)) };
}

/** The Excel template of a year's report for an enterprise, listing every carrier in force that year. */
export async function reportTemplateFor(ctx: Ctx, enterpriseId: number, year: number): Promise<Buffer> {
  const e = await enterpriseFor(ctx, enterpriseId);
  const ref = await referenceFor(ctx, year);
  return reportTemplate(year, e.name, [...ref.carriers.values()]);
}

/** Files a report from a filled template: errors by sheet, row and column, nothing stored unless all is well. */
export async function importReport(ctx: Ctx, enterpriseId: number, year: number, data: Buffer): Promise<ReportOut> {
  const { body, issues, lineRows } = await readReportWorkbook(data, year);
  if (!body) throw sheetErrors(issues);
  try {
    return await submitReport(ctx, enterpriseId, body);
  } catch (err) {
    // A line the checks refused: point at its cell in the sheet rather than at the JSON it became.
    const m = err instanceof AppError ? /^#\/lines\/(\d+)\/(\w+)$/.exec(err.where?.pointer ?? '') : null;
    if (!m) throw err;
    const column = LINE_FIELD_COLUMN[m[2] as keyof typeof LINE_FIELD_COLUMN] ?? m[2]!;
    throw sheetErrors([{ sheet: ENERGY_SHEET, row: lineRows[Number(m[1])] ?? 0, field: column, detail: (err as AppError).detail }]);
  }
}

/** A filed report as a printable PDF. */
export async function reportPdfFor(ctx: Ctx, id: number) {
  const { report } = await getReportThread(ctx, id);
  const e = (await repo.findEnterprise(ctx.db, report.enterpriseId))!;
  const region = await orgRepo.findRegion(ctx.db, e.regionCode);
  return { fileName: `${e.name}-${report.year}年能源利用状况报告.pdf`, pdf: await reportPdf(report, { name: e.name, uscc: e.uscc, regionName: region?.name ?? e.regionCode }) };
}
