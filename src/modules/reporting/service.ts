import { canReadReport, canReviewReport, canSubmitReport } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { REVIEW_PROBLEMS, type Revision, type ReviewAction, SUBMISSION_PROBLEMS, decideReview, decideSubmission, lifecycleError } from '../../domain/reporting/lifecycle';
import type { Comparison } from '../../domain/plan/plan-file';
import { beijingDate } from '../../domain/reporting/calendar';
import { validateReport } from '../../domain/reporting/validate';
import { indicatorRegionProblem } from '../../domain/reporting/allocation';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { noticeReviewed } from '../notifications/service';
import * as orgRepo from '../org/repo';
import { reportingReference } from './reference';
import * as repo from './repo';
import type { ReportBody, ReportOut } from './schemas';

type ReportRow = NonNullable<Awaited<ReturnType<typeof repo.findReport>>>;

export const reportOut = (r: ReportRow): ReportOut => ({
  id: r.id,
  indicatorId: r.indicatorId,
  taskId: r.taskId,
  periodKey: r.periodKey,
  regionCode: r.regionCode,
  revision: r.revision,
  status: r.status as ReportOut['status'],
  value: r.value,
  taskStatus: r.taskStatus as ReportOut['taskStatus'],
  percentComplete: r.percentComplete,
  narrative: r.narrative,
  correctionReason: r.correctionReason,
  submittedBy: r.submittedBy,
  submittedAt: r.submittedAt,
});

const itemRef = (r: { indicatorId: number | null; taskId: number | null }): repo.ItemRef =>
  r.indicatorId !== null ? { indicatorId: r.indicatorId } : { taskId: r.taskId! };

export type Cadence = { frequency: string; dueDays: number };

/** The cadence of an item: its own rule, else the default for its kind in force on `date`. */
export async function cadenceOf(db: Ctx['db'], item: repo.ItemRef, date: string): Promise<Cadence> {
  const defaults = (await reportingReference(db, date)).reporting;
  return cadenceFrom(await repo.findRule(db, item), defaults[item.indicatorId !== undefined ? 'indicator' : 'task']);
}

/** Every item's cadence from one query, for calendars and overviews that walk all items. */
export async function cadenceLookup(db: Ctx['db'], date: string): Promise<(kind: 'indicator' | 'task', itemId: number) => Cadence> {
  const defaults = (await reportingReference(db, date)).reporting;
  const rules = await repo.listRules(db);
  const byKey = new Map(rules.map((r) => [r.indicatorId !== null ? `indicator:${r.indicatorId}` : `task:${r.taskId}`, r]));
  return (kind, itemId) => cadenceFrom(byKey.get(`${kind}:${itemId}`) ?? null, defaults[kind]);
}

const cadenceFrom = (rule: Cadence | null, fallback: Cadence): Cadence => ({ frequency: (rule ?? fallback).frequency, dueDays: (rule ?? fallback).dueDays });


/** Submits (or resubmits, or corrects) a report; a new revision every time, nothing overwritten. */
export async function submitReport(ctx: Ctx, body: ReportBody): Promise<ReportOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const ref: repo.ItemRef = body.indicatorId !== undefined ? { indicatorId: body.indicatorId } : { taskId: body.taskId! };
  const item = await repo.findItem(ctx.db, ref);
  if (!item) throw new AppError('not-found', `${body.indicatorId !== undefined ? '指标' : '任务'}不存在`);
  if (!(await orgRepo.findRegion(ctx.db, body.regionCode))) {
    throw new AppError('validation', `行政区划 ${body.regionCode} 不存在`, { pointer: '#/regionCode', field: 'regionCode' });
  }
  if (!canSubmitReport(a, item, body.regionCode, item.cityCode)) throw new AppError('forbidden', `无权报送 ${item.code} 在 ${body.regionCode} 的进展`);
  if (item.kind === 'indicator') {
    const allocatedTo = new Set((await repo.listAllocations(ctx.db, { indicatorId: item.id })).map((s) => s.regionCode));
    const problem = indicatorRegionProblem(item.code, body.regionCode, item.cityCode, allocatedTo);
    if (problem) throw new AppError('validation', problem, { pointer: '#/regionCode', field: 'regionCode' });
  }
  const invalid = validateReport({ ...item, comparison: item.comparison as Comparison | null, cadence: await cadenceOf(ctx.db, ref, beijingDate(ctx.now)) }, body, beijingDate(ctx.now));
  if (invalid) throw new AppError('validation', invalid.message, { pointer: `#/${invalid.field}`, field: invalid.field });
  return ctx.db.transaction(async (tx) => {
    const revisions = await repo.listRevisions(tx, ref, body.periodKey, body.regionCode);
    const decision = decideSubmission(revisions as Revision[], body.correctionReason);
    if (!decision.ok) {
      throw lifecycleError(SUBMISSION_PROBLEMS[decision.code]);
    }
    const row = await repo.insertReport(tx, {
      indicatorId: ref.indicatorId ?? null,
      taskId: ref.taskId ?? null,
      periodKey: body.periodKey,
      regionCode: body.regionCode,
      revision: decision.revision,
      status: 'submitted',
      value: item.kind === 'indicator' ? body.value : null,
      taskStatus: item.kind === 'task' ? body.taskStatus : null,
      percentComplete: item.kind === 'task' ? body.percentComplete : null,
      narrative: body.narrative,
      correctionReason: decision.isCorrection ? body.correctionReason : null,
      submittedBy: a.userId,
      submittedByDepartmentId: a.departmentId,
      submittedAt: ctx.now,
    });
    const action = decision.isCorrection ? 'correct' : 'submit';
    await repo.insertEvent(tx, { reportId: row.id, action, comment: body.correctionReason, actorUserId: a.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: `${action}Report`, entity: 'progress_report', entityId: row.id, after: row });
    return reportOut(row);
  });
}


/** Approves or returns the latest submitted revision, keeping every step in the history. */
export async function reviewReport(ctx: Ctx, id: number, action: ReviewAction, comment: string | null): Promise<ReportOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  return ctx.db.transaction(async (tx) => {
    const report = await repo.findReport(tx, id);
    const item = report && (await repo.findItem(tx, itemRef(report)));
    if (!report || !item || !canReadReport(a, item, report.regionCode)) throw new AppError('not-found', `报告 ${id} 不存在`);
    if (!canReviewReport(a, item, report.submittedBy)) throw new AppError('forbidden', '无权审核该报告（须为牵头部门或市节能减排办，且不能审核本人报送的报告）');
    const revisions = await repo.listRevisions(tx, itemRef(report), report.periodKey, report.regionCode);
    const decision = decideReview(revisions as Revision[], id, action, comment);
    if (!decision.ok) {
      throw lifecycleError(REVIEW_PROBLEMS[decision.code]);
    }
    await repo.setStatus(tx, decision.supersede, 'superseded');
    await repo.setStatus(tx, [id], decision.status);
    await repo.insertEvent(tx, { reportId: id, action, comment, actorUserId: a.userId, at: ctx.now });
    const label = `${item.code} ${report.periodKey} ${report.regionCode}`;
    await noticeReviewed(tx, { submittedBy: report.submittedBy, reportId: id, label, action, comment, at: ctx.now });
    const after = { ...report, status: decision.status };
    await recordAudit(tx, ctx, { action: `${action}Report`, entity: 'progress_report', entityId: id, before: report, after: { ...after, comment, superseded: decision.supersede } });
    return reportOut(after);
  });
}

/** A report with every revision of its thread and the whole history. */
export async function getReportThread(ctx: Ctx, id: number) {
  const report = await repo.findReport(ctx.db, id);
  const item = report && (await repo.findItem(ctx.db, itemRef(report)));
  if (!report || !item || !canReadReport(ctx.actor, item, report.regionCode)) throw new AppError('not-found', `报告 ${id} 不存在`);
  const revisions = await repo.listRevisions(ctx.db, itemRef(report), report.periodKey, report.regionCode);
  const history = await repo.listEvents(ctx.db, revisions.map((r) => r.id));
  return { report: reportOut(report), revisions: revisions.map(reportOut), history };
}

/** Reports within the actor's scope: the city all, a department its items', a county its own. */
export async function listReports(ctx: Ctx, f: repo.ReportFilter & { limit: number }) {
  const { limit, ...filter } = f;
  return (await repo.listReports(ctx.db, scopeOf(ctx), filter, limit)).map(reportOut);
}

export function scopeOf(ctx: Ctx): repo.ReportScope {
  const a = ctx.actor;
  if (a.kind !== 'user') return { none: true };
  if (a.role === 'admin' || a.role === 'steering') return { all: true };
  if (a.role === 'department' && a.departmentId !== null) return { departmentId: a.departmentId };
  if (a.role === 'county' && a.regionCode) return { regionCode: a.regionCode };
  return { none: true };
}
