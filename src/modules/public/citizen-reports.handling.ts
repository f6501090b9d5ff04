import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { type Handler, handlesReport, nextStatus, REPORT_ACTIONS, type ReportAction } from '../../domain/public/citizen-report';
import type { Db } from '../../db/client';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { databaseEvidenceStore as store } from '../reporting/evidence-store';
import * as repo from './citizen-reports.repo';
import { type ReportActionBody, type ReportDetailOut, type ReportListQuery, type ReportRowOut, ReportStatus, ReportType } from './citizen-reports.schemas';

/**
 * The handlers' side of 举报/建议 (issue #10). The bureau — the steering office, admin and 市生态环境局, which the
 * plan (五（三）) charges with public supervision of the environment — sees every report and triages it; a department
 * or a county sees, answers and closes only what is assigned to it. Anything else is a 404, so existence does not leak.
 */
export const BUREAU_DEPARTMENT_CODE = 'sthjj';

export async function handlerOf(db: Db, actor: Actor): Promise<Handler> {
  if (actor.kind !== 'user') return { kind: 'none' };
  if (actor.role === 'admin' || actor.role === 'steering') return { kind: 'bureau' };
  if (actor.role === 'department' && actor.departmentId !== null) {
    const d = await repo.findDepartment(db, actor.departmentId);
    return d?.code === BUREAU_DEPARTMENT_CODE ? { kind: 'bureau' } : { kind: 'department', departmentId: actor.departmentId };
  }
  if (actor.role === 'county' && actor.regionCode) return { kind: 'county', regionCode: actor.regionCode };
  return { kind: 'none' };
}

function scopeOf(h: Handler): repo.ReportScope {
  if (h.kind === 'bureau') return { all: true };
  if (h.kind === 'department') return { departmentId: h.departmentId };
  if (h.kind === 'county') return { regionCode: h.regionCode };
  return { none: true };
}

const toRow = (r: repo.CitizenReportRow): ReportRowOut => ({
  id: r.id,
  trackingNo: r.trackingNo,
  type: ReportType.parse(r.type),
  status: ReportStatus.parse(r.status),
  regionCode: r.regionCode,
  address: r.address,
  description: r.description,
  assignedDepartmentId: r.assignedDepartmentId,
  assignedRegionCode: r.assignedRegionCode,
  submittedAt: r.submittedAt,
  updatedAt: r.updatedAt,
});

export async function listCitizenReports(ctx: Ctx, filter: ReportListQuery) {
  const rows = await repo.listReports(ctx.db, scopeOf(await handlerOf(ctx.db, ctx.actor)), filter);
  return rows.map(toRow);
}

async function handledReport(ctx: Ctx, id: number) {
  const handler = await handlerOf(ctx.db, ctx.actor);
  const report = await repo.findReport(ctx.db, id);
  if (!report || !handlesReport(handler, report)) throw new AppError('not-found', `举报 ${id} 不存在`);
  return { handler, report };
}

export async function getCitizenReport(ctx: Ctx, id: number): Promise<ReportDetailOut> {
  const { handler, report } = await handledReport(ctx, id);
  const status = ReportStatus.parse(report.status);
  const events = await repo.listEvents(ctx.db, id, { visibleToReporterOnly: false });
  const photos = await repo.listPhotos(ctx.db, id, 'original');
  // A step is offered when the rule allows it with some comment (the comment itself is checked on submit).
  const actions = REPORT_ACTIONS.filter((a) => nextStatus(handler, status, a, '-').ok);
  return {
    ...toRow(report),
    lon: report.lon,
    lat: report.lat,
    contactName: report.contactName,
    contactPhone: report.contactPhone,
    events,
    photos: photos.map(({ sha256: _sha, ...p }) => p),
    actions,
  };
}

/** A photo as received, for the report's handlers. */
export async function citizenReportPhoto(ctx: Ctx, id: number, photoId: number) {
  await handledReport(ctx, id);
  const photo = await repo.findPhoto(ctx.db, id, photoId);
  const blob = photo && (await store.get(ctx.db, photo.originalSha256));
  if (!photo || !blob) throw new AppError('not-found', '照片不存在');
  return { fileName: photo.fileName, ...blob };
}

/** Accept, assign, reply, note, close or reject: one event, the new status, one audit record, in one transaction. */
export async function actOnCitizenReport(ctx: Ctx, id: number, body: ReportActionBody) {
  const handler = await handlerOf(ctx.db, ctx.actor);
  const assignment = body.action === 'assign' ? await checkedAssignment(ctx.db, body) : {};
  return ctx.db.transaction(async (tx) => {
    const report = await repo.findReportForUpdate(tx, id);
    if (!report || !handlesReport(handler, report)) throw new AppError('not-found', `举报 ${id} 不存在`);
    const action: ReportAction = body.action;
    const step = nextStatus(handler, ReportStatus.parse(report.status), action, body.comment);
    if (!step.ok) {
      if (step.field) throw new AppError('validation', step.error, { field: step.field, pointer: `#/${step.field}` });
      const triage = action === 'accept' || action === 'assign' || action === 'reject';
      throw new AppError(triage && handler.kind !== 'bureau' ? 'forbidden' : 'conflict', step.error);
    }
    const after = await repo.updateReport(tx, id, { status: step.status, ...assignment, updatedAt: ctx.now });
    await repo.insertEvent(tx, {
      reportId: id,
      action,
      comment: body.comment || null,
      visibleToReporter: step.visibleToReporter,
      actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      at: ctx.now,
    });
    const pick = (r: repo.CitizenReportRow) => ({ status: r.status, assignedDepartmentId: r.assignedDepartmentId, assignedRegionCode: r.assignedRegionCode });
    await recordAudit(tx, ctx, { action: `citizenReport.${action}`, entity: 'citizen_report', entityId: id, before: pick(report), after: { ...pick(after), comment: body.comment } });
    return getCitizenReport({ ...ctx, db: tx }, id);
  });
}

async function checkedAssignment(db: Db, body: ReportActionBody) {
  if (body.departmentId && !(await repo.findDepartment(db, body.departmentId))) {
    throw new AppError('validation', `部门 ${body.departmentId} 不存在`, { field: 'departmentId', pointer: '#/departmentId' });
  }
  if (body.regionCode && !(await repo.regionExists(db, body.regionCode))) {
    throw new AppError('validation', `县（市、区）${body.regionCode} 不存在`, { field: 'regionCode', pointer: '#/regionCode' });
  }
  return { assignedDepartmentId: body.departmentId ?? null, assignedRegionCode: body.regionCode ?? null };
}
