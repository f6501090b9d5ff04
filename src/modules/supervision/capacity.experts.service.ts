import { type ExpertConflict, type ExpertRelationKind, findExpertConflicts } from '../../domain/supervision/expert-conflicts';
import { seesPersonalData } from '../../domain/supervision/capacity-access';
import { AppError } from '../../domain/errors';
import { type MessageKey, translate } from '../../i18n/index';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { requireCapacityRole } from './capacity.access';
import * as repo from './capacity.repo';
import type { ExpertBody, ExpertOut } from './capacity.schemas';

/** 节能专家库 (plan 四（五）: 扩充专家库): the pool, declared relations, and assignments checked for conflicts. */

type Query = { field?: string; regionCode?: string; available?: boolean; forEnterpriseId?: number };
type SubjectKind = 'enterprise' | 'high-energy-project' | 'inspection';

const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

function present(e: repo.ExpertRow, withPhone: boolean, conflicts: ExpertConflict[] | null): ExpertOut {
  return { id: e.id, name: e.name, fields: e.fields, title: e.title, organisation: e.organisation, regionCode: e.regionCode, phone: withPhone ? e.phone : null, available: e.available, note: e.note, updatedAt: e.updatedAt, conflicts };
}

/** The pool as the actor may see it (a county: its region's experts), filtered; with an enterprise, candidates first. */
export async function listExperts(ctx: Ctx, q: Query): Promise<ExpertOut[]> {
  const role = await requireCapacityRole(ctx, ['manager', 'inspector', 'county'], '查看专家库');
  const a = ctx.actor;
  const regionCode = role === 'county' && a.kind === 'user' ? a.regionCode! : q.regionCode;
  if (role === 'county' && q.regionCode && q.regionCode !== regionCode) return [];
  let rows = await repo.listExperts(ctx.db, { regionCode, available: q.available });
  if (q.field) rows = rows.filter((e) => e.fields.includes(q.field!));
  if (!q.forEnterpriseId) return rows.map((e) => present(e, seesPersonalData(role), null));
  const target = await repo.findEnterpriseBrief(ctx.db, q.forEnterpriseId);
  if (!target) throw new AppError('not-found', `企业 ${q.forEnterpriseId} 不存在`, { field: 'forEnterpriseId' });
  const relations = await repo.listRelations(ctx.db, rows.map((e) => e.id));
  const withConflicts = rows.map((e) => present(e, seesPersonalData(role), findExpertConflicts({ ...e, relations: relations.filter((r) => r.expertId === e.id) }, target)));
  // Stable sort: the candidates without a conflict first, in the pool's order.
  return withConflicts.sort((x, y) => Number(x.conflicts!.length > 0) - Number(y.conflicts!.length > 0));
}

export async function getExpert(ctx: Ctx, id: number) {
  const role = await requireCapacityRole(ctx, ['manager', 'inspector', 'county'], '查看专家库');
  const e = await repo.findExpert(ctx.db, id);
  const a = ctx.actor;
  if (!e || (role === 'county' && a.kind === 'user' && e.regionCode !== a.regionCode)) throw new AppError('not-found', `专家 ${id} 不存在`);
  const [relations, assignments] = await Promise.all([repo.listRelations(ctx.db, [id]), repo.listAssignments(ctx.db, id)]);
  // relation and subjectKind are text columns written only from their zod enums (capacity.schemas.ts).
  return {
    ...present(e, seesPersonalData(role), null),
    relations: relations.map(({ expertId: _, ...r }) => ({ ...r, relation: r.relation as ExpertRelationKind })),
    assignments: assignments.map((x) => ({ ...x, subjectKind: x.subjectKind as SubjectKind })),
  };
}

export async function createExpert(ctx: Ctx, body: ExpertBody) {
  await requireCapacityRole(ctx, ['manager'], '维护专家库');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertExpert(tx, { ...body, updatedBy: actorId(ctx), updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'createExpert', entity: 'expert', entityId: row.id, after: row });
    return present(row, true, null);
  });
}

export async function updateExpert(ctx: Ctx, id: number, body: ExpertBody) {
  await requireCapacityRole(ctx, ['manager'], '维护专家库');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findExpert(tx, id);
    if (!before) throw new AppError('not-found', `专家 ${id} 不存在`);
    const row = await repo.updateExpert(tx, id, { ...body, updatedBy: actorId(ctx), updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'updateExpert', entity: 'expert', entityId: id, before, after: row });
    return present(row, true, null);
  });
}

/** A relation the expert declared with an enterprise (employer, shareholder, …), dated; audited. */
export async function declareRelation(ctx: Ctx, expertId: number, body: { enterpriseId: number; relation: ExpertRelationKind; declaredOn?: string }) {
  await requireCapacityRole(ctx, ['manager'], '维护专家库');
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.findExpert(tx, expertId))) throw new AppError('not-found', `专家 ${expertId} 不存在`);
    const target = await repo.findEnterpriseBrief(tx, body.enterpriseId);
    if (!target) throw new AppError('validation', `企业 ${body.enterpriseId} 不存在`, { pointer: '#/enterpriseId', field: 'enterpriseId' });
    const declaredAt = body.declaredOn ? new Date(`${body.declaredOn}T00:00:00+08:00`) : ctx.now;
    const row = await repo.insertRelation(tx, { expertId, enterpriseId: target.id, relation: body.relation, declaredAt });
    await recordAudit(tx, ctx, { action: 'declareExpertRelation', entity: 'expert_relation', entityId: row.id, after: row });
    return { id: row.id, enterpriseId: target.id, enterpriseName: target.name, relation: body.relation, declaredAt: row.declaredAt };
  });
}

/** The enterprise a subject concerns: the enterprise itself, a 两高一低 project's or an inspection's. */
async function subjectEnterprise(db: Ctx['db'], kind: SubjectKind, id: number) {
  const where = { pointer: '#/subjectId', field: 'subjectId' };
  let enterpriseId: number | null = id;
  if (kind === 'high-energy-project') {
    const p = await repo.findProjectEnterprise(db, id);
    if (!p) throw new AppError('validation', `两高一低项目 ${id} 不存在`, where);
    enterpriseId = p.enterpriseId;
  } else if (kind === 'inspection') {
    const i = await repo.findInspectionEnterprise(db, id);
    if (!i) throw new AppError('validation', `监察任务 ${id} 不存在`, where);
    enterpriseId = i.enterpriseId;
  }
  if (enterpriseId === null) return null;
  const e = await repo.findEnterpriseBrief(db, enterpriseId);
  if (!e) throw new AppError('validation', `企业 ${enterpriseId} 不存在`, where);
  return e;
}

async function conflictsOf(db: Ctx['db'], expertId: number, kind: SubjectKind, subjectId: number) {
  const e = await repo.findExpert(db, expertId);
  if (!e) throw new AppError('validation', `专家 ${expertId} 不存在`, { pointer: '#/expertId', field: 'expertId' });
  const target = await subjectEnterprise(db, kind, subjectId);
  const relations = await repo.listRelations(db, [expertId]);
  return { target, conflicts: findExpertConflicts({ ...e, relations }, target) };
}

/** The conflicts an assignment would have, for the dialog to show before it is made. */
export async function checkAssignment(ctx: Ctx, q: { expertId: number; subjectKind: SubjectKind; subjectId: number }) {
  await requireCapacityRole(ctx, ['manager', 'inspector'], '指派专家');
  const { target, conflicts } = await conflictsOf(ctx.db, q.expertId, q.subjectKind, q.subjectId);
  return { enterpriseId: target?.id ?? null, enterpriseName: target?.name ?? null, conflicts };
}

/**
 * Assigns an expert to a review. A conflict (declared relation, same organisation, unavailable) refuses it unless an
 * override reason is given; then the conflicts and the reason are recorded with the assignment and audited.
 */
export async function assignExpert(ctx: Ctx, body: { expertId: number; subjectKind: SubjectKind; subjectId: number; purpose: string; overrideReason?: string }) {
  await requireCapacityRole(ctx, ['manager', 'inspector'], '指派专家');
  return ctx.db.transaction(async (tx) => {
    const { target, conflicts } = await conflictsOf(tx, body.expertId, body.subjectKind, body.subjectId);
    const reason = body.overrideReason?.trim() || null;
    if (conflicts.length > 0 && !reason)
      throw new AppError('conflict', `该专家存在回避情形（${conflicts.map((c) => translate('zh-CN', `supervision.capacity.conflict.${c}` as MessageKey)).join('、')}），如确需指派请填写理由`, { pointer: '#/overrideReason', field: 'overrideReason' }, { conflicts });
    const row = await repo.insertAssignment(tx, {
      expertId: body.expertId,
      subjectKind: body.subjectKind,
      subjectId: body.subjectId,
      enterpriseId: target?.id ?? null,
      purpose: body.purpose,
      conflicts,
      overrideReason: conflicts.length > 0 ? reason : null,
      assignedBy: actorId(ctx)!,
      assignedAt: ctx.now,
    });
    await recordAudit(tx, ctx, { action: conflicts.length > 0 ? 'assignExpertOverridingConflicts' : 'assignExpert', entity: 'expert_assignment', entityId: row.id, after: row });
    return { ...row, subjectKind: body.subjectKind, enterpriseName: target?.name ?? null };
  });
}
