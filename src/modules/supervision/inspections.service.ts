import { AppError } from '../../domain/errors';
import { isOverdue, type OrderStatus } from '../../domain/supervision/inspection-orders';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { checkedEvidenceFile } from '../reporting/evidence.service';
import { databaseEvidenceStore as store } from '../reporting/evidence-store';
import { type Reader, readerOf, requireInspector, requireRegion, scopeOf } from './inspections.access';
import * as repo from './inspections.repo';
import type { FindingBody, FindingOut, InspectionBody, InspectionDetailOut, InspectionRowOut, PlanBody, PlanOut, RecordBody, TransferActionBody, TransferOut } from './inspections.schemas';
import { orderRow } from './orders.service';

/** An enterprise the inspector may inspect (404 for another county's), with its county. */
async function inspectableEnterprise(ctx: Ctx, r: Reader, enterpriseId: number, pointer: string) {
  const e = await orgRepo.findEnterprise(ctx.db, { id: enterpriseId });
  if (!e || (r.actor.role === 'county' && e.regionCode !== r.actor.regionCode)) throw new AppError('not-found', `企业 ${enterpriseId} 不存在`, { pointer });
  return e;
}

const planOut = (p: Awaited<ReturnType<typeof repo.listPlans>>[number]): PlanOut => ({ ...p.plan, status: p.plan.status as PlanOut['status'], regionName: p.regionName, inspections: p.inspections });

export async function listPlans(ctx: Ctx, year: number | undefined) {
  const r = await requireInspector(ctx);
  return (await repo.listPlans(ctx.db, scopeOf(r), year)).map(planOut);
}

/** 年度节能监察计划 with the enterprises to inspect (each a planned inspection); a county plans only its own. */
export async function createPlan(ctx: Ctx, body: PlanBody) {
  const r = await requireInspector(ctx);
  const reg = await orgRepo.findRegion(ctx.db, body.regionCode);
  if (!reg) throw new AppError('validation', `地区 ${body.regionCode} 不存在`, { pointer: '#/regionCode' });
  if (r.actor.role === 'county' && body.regionCode !== r.actor.regionCode) throw new AppError('forbidden', '县级只能制定本县（市、区）的监察计划', { pointer: '#/regionCode' });
  const enterprises = await Promise.all(body.items.map((i, k) => inspectableEnterprise(ctx, r, i.enterpriseId, `#/items/${k}/enterpriseId`)));
  enterprises.forEach((e, k) => {
    if (reg.kind !== 'city' && e.regionCode !== reg.code) throw new AppError('validation', `${e.name}不在${reg.name}`, { pointer: `#/items/${k}/enterpriseId` });
  });
  return ctx.db.transaction(async (tx) => {
    const plan = await repo.insertPlan(tx, { year: body.year, regionCode: body.regionCode, title: body.title, status: 'draft', createdBy: r.actor.userId, createdAt: ctx.now });
    for (const [k, item] of body.items.entries()) {
      const e = enterprises[k]!;
      await repo.insertInspection(tx, { planId: plan.id, enterpriseId: e.id, regionCode: e.regionCode, topics: item.topics, plannedDate: item.plannedDate, status: 'planned', createdBy: r.actor.userId, createdAt: ctx.now, updatedAt: ctx.now });
    }
    await recordAudit(tx, ctx, { action: 'createInspectionPlan', entity: 'inspection_plan', entityId: plan.id, after: { ...plan, items: body.items } });
    return planOut({ plan, regionName: reg.name, inspections: body.items.length });
  });
}

export async function approvePlan(ctx: Ctx, id: number) {
  const r = await requireInspector(ctx);
  const plan = await repo.findPlan(ctx.db, id);
  if (!plan) throw new AppError('not-found', `监察计划 ${id} 不存在`);
  requireRegion(r, plan.regionCode, `监察计划 ${id} `);
  if (plan.status !== 'draft') throw new AppError('conflict', '该计划已批准');
  return ctx.db.transaction(async (tx) => {
    const after = await repo.updatePlan(tx, id, { status: 'approved', approvedBy: r.actor.userId, approvedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'approveInspectionPlan', entity: 'inspection_plan', entityId: id, before: plan, after });
    const [row] = (await repo.listPlans(tx, { all: true }, plan.year)).filter((p) => p.plan.id === id);
    return planOut(row!);
  });
}

/** A planned inspection under a plan (not yet approved plans may still grow) or an ad hoc one. */
export async function createInspection(ctx: Ctx, body: InspectionBody) {
  const r = await requireInspector(ctx);
  const e = await inspectableEnterprise(ctx, r, body.enterpriseId, '#/enterpriseId');
  if (body.planId !== null) {
    const plan = await repo.findPlan(ctx.db, body.planId);
    if (!plan || !(r.actor.role !== 'county' || plan.regionCode === r.actor.regionCode)) throw new AppError('not-found', `监察计划 ${body.planId} 不存在`, { pointer: '#/planId' });
  }
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertInspection(tx, { planId: body.planId, enterpriseId: e.id, regionCode: e.regionCode, topics: body.topics, plannedDate: body.plannedDate, status: 'planned', createdBy: r.actor.userId, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'createInspection', entity: 'inspection', entityId: row.id, after: row });
    return row;
  });
}

async function loadInspection(ctx: Ctx, r: Reader, id: number) {
  const row = await repo.findInspection(ctx.db, id);
  if (!row) throw new AppError('not-found', `监察记录 ${id} 不存在`);
  requireRegion(r, row.inspection.regionCode, `监察记录 ${id} `);
  return row;
}

/** The on-site record: date, inspectors, summary; the inspection becomes `inspected`. */
export async function recordInspection(ctx: Ctx, id: number, body: RecordBody) {
  const r = await requireInspector(ctx);
  const { inspection: before } = await loadInspection(ctx, r, id);
  if (body.inspectedOn > r.today) throw new AppError('validation', '检查日期不能晚于今天', { pointer: '#/inspectedOn' });
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateInspection(tx, id, { ...body, status: before.status === 'closed' ? 'closed' : 'inspected', updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'recordInspection', entity: 'inspection', entityId: id, before, after });
  });
  return getInspection(ctx, id);
}

type InspectionRow = NonNullable<Awaited<ReturnType<typeof repo.findInspection>>>;
type Orders = Awaited<ReturnType<typeof repo.listOrders>>;

function inspectionRow(i: InspectionRow, findings: number, orders: Orders, today: string): InspectionRowOut {
  const own = orders.filter((o) => o.order.inspectionId === i.inspection.id);
  return {
    ...i.inspection,
    status: i.inspection.status as InspectionRowOut['status'],
    enterpriseName: i.enterpriseName,
    regionName: i.regionName,
    findings,
    ordersOpen: own.filter((o) => o.order.status !== 'closed').length,
    ordersOverdue: own.filter((o) => isOverdue({ status: o.order.status as OrderStatus, deadline: o.order.deadline }, today)).length,
  };
}

export async function listInspections(ctx: Ctx, f: Parameters<typeof repo.listInspections>[2]) {
  const r = await requireInspector(ctx);
  const rows = await repo.listInspections(ctx.db, scopeOf(r), f);
  const ids = rows.map((x) => x.inspection.id);
  const findings = await repo.listFindings(ctx.db, { inspectionIds: ids });
  const orders = await repo.listOrders(ctx.db, scopeOf(r), { inspectionIds: ids });
  return rows.map((x) => inspectionRow(x, findings.filter((f) => f.finding.inspectionId === x.inspection.id).length, orders, r.today));
}

export async function findingsOut(ctx: Ctx, rows: Awaited<ReturnType<typeof repo.listFindings>>): Promise<FindingOut[]> {
  const evidence = await repo.listEvidence(ctx.db, 'finding', rows.map((f) => f.finding.id));
  return rows.map(({ finding: f, projectName }) => ({
    ...f,
    topic: f.topic as FindingOut['topic'],
    severity: f.severity as FindingOut['severity'],
    highEnergyProjectName: projectName,
    evidence: evidence.filter((e) => e.ownerId === f.id).map((e) => ({ id: e.id, fileName: e.fileName, uploadedAt: e.uploadedAt })),
  }));
}

export function transferOut(t: Awaited<ReturnType<typeof repo.listTransfers>>[number]): TransferOut {
  return { ...t.transfer, status: t.transfer.status as TransferOut['status'], findingDescription: t.findingDescription, enterpriseName: t.enterpriseName, regionName: t.regionName, toDepartmentName: t.toDepartmentName };
}

export async function getInspection(ctx: Ctx, id: number): Promise<InspectionDetailOut> {
  const r = await requireInspector(ctx);
  const row = await loadInspection(ctx, r, id);
  const findings = await findingsOut(ctx, await repo.listFindings(ctx.db, { inspectionIds: [id] }));
  const orders = await repo.listOrders(ctx.db, scopeOf(r), { inspectionIds: [id] });
  const transfers = (await repo.listTransfers(ctx.db, { inspectionIds: [id] })).map(transferOut);
  const projects = await repo.listEnterpriseProjects(ctx.db, row.inspection.enterpriseId);
  return { ...inspectionRow(row, findings.length, orders, r.today), findings, orders: orders.map((o) => orderRow(o, r.today)), transfers, projects };
}

/** A finding; a 能评未批先建 finding names one of the inspected enterprise's 两高一低 projects (or one in its county). */
export async function addFinding(ctx: Ctx, inspectionId: number, body: FindingBody) {
  const r = await requireInspector(ctx);
  const { inspection: i } = await loadInspection(ctx, r, inspectionId);
  if (i.status === 'planned') throw new AppError('conflict', '请先填写现场检查记录（检查日期、人员）再登记问题');
  if (body.highEnergyProjectId !== null) {
    const p = await repo.findProject(ctx.db, body.highEnergyProjectId);
    if (!p || (p.enterpriseId !== null ? p.enterpriseId !== i.enterpriseId : p.regionCode !== i.regionCode))
      throw new AppError('validation', '所选两高一低项目不属于被检查企业', { pointer: '#/highEnergyProjectId' });
  }
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertFinding(tx, { inspectionId, ...body, createdBy: r.actor.userId, createdAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'addInspectionFinding', entity: 'inspection_finding', entityId: row.id, after: row });
    return row;
  });
}

/** The finding (and its inspection) for an inspector of its region; 404 otherwise. */
export async function loadFinding(ctx: Ctx, r: Reader, findingId: number) {
  const f = await repo.findFinding(ctx.db, findingId);
  if (!f) throw new AppError('not-found', `问题 ${findingId} 不存在`);
  const i = await loadInspection(ctx, r, f.inspectionId);
  return { finding: f, inspection: i.inspection };
}

/** Stores a checked evidence file (by content) under a finding or an order, audited. */
export async function storeEvidence(ctx: Ctx, userId: number, ownerKind: 'finding' | 'order', ownerId: number, fileName: string, content: Buffer) {
  const { sha256, type, name } = checkedEvidenceFile(content, fileName);
  return ctx.db.transaction(async (tx) => {
    await store.put(tx, { sha256, mediaType: type.mediaType, content, at: ctx.now });
    const row = await repo.insertEvidence(tx, { ownerKind, ownerId, sha256, fileName: name, uploadedBy: userId, uploadedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'addSupervisionEvidence', entity: 'supervision_evidence', entityId: row.id, after: { ...row, mediaType: type.mediaType, size: content.length } });
    return { id: row.id, fileName: row.fileName, uploadedAt: row.uploadedAt };
  });
}

export async function addFindingEvidence(ctx: Ctx, findingId: number, fileName: string, content: Buffer) {
  const r = await requireInspector(ctx);
  await loadFinding(ctx, r, findingId);
  return storeEvidence(ctx, r.actor.userId, 'finding', findingId, fileName, content);
}

/** 移送: a finding handed to a department (any but the sender's own), which sees it in its queue. */
export async function transferFinding(ctx: Ctx, findingId: number, body: { departmentId: number; reason: string }) {
  const r = await requireInspector(ctx);
  await loadFinding(ctx, r, findingId);
  const dept = await orgRepo.findDepartment(ctx.db, { id: body.departmentId });
  if (!dept) throw new AppError('validation', `部门 ${body.departmentId} 不存在`, { pointer: '#/departmentId' });
  if (dept.id === r.actor.departmentId) throw new AppError('validation', '不能移送给本部门', { pointer: '#/departmentId' });
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertTransfer(tx, { findingId, toDepartmentId: dept.id, reason: body.reason, status: 'sent', sentBy: r.actor.userId, sentAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'transferFinding', entity: 'case_transfer', entityId: row.id, after: row });
    return transferOut((await repo.listTransfers(tx, { id: row.id }))[0]!);
  });
}

/** A department's queue of transfers sent to it; inspectors see those of their scope. */
export async function listTransfers(ctx: Ctx) {
  const r = await readerOf(ctx);
  if (r.actor.role === 'department' && !r.inspectorDepartmentIds.includes(r.actor.departmentId ?? -1)) {
    return (await repo.listTransfers(ctx.db, { toDepartmentId: r.actor.departmentId ?? -1 })).map(transferOut);
  }
  const me = await requireInspector(ctx);
  const all = await repo.listTransfers(ctx.db, { scope: scopeOf(me) });
  return all.map(transferOut);
}

/** The receiving department accepts, then answers; nobody else acts on a transfer (404 for them). */
export async function actOnTransfer(ctx: Ctx, id: number, body: TransferActionBody) {
  const r = await readerOf(ctx);
  const [t] = await repo.listTransfers(ctx.db, { id });
  if (!t || r.actor.role !== 'department' || r.actor.departmentId !== t.transfer.toDepartmentId) throw new AppError('not-found', `移送件 ${id} 不存在`);
  const before = t.transfer;
  if (body.action === 'accept' && before.status !== 'sent') throw new AppError('conflict', '该移送件已签收');
  if (body.action === 'answer' && before.status === 'answered') throw new AppError('conflict', '该移送件已办结');
  return ctx.db.transaction(async (tx) => {
    const patch = body.action === 'accept' ? { status: 'accepted' } : { status: 'answered', answer: body.answer, answeredBy: r.actor.userId, answeredAt: ctx.now };
    const after = await repo.updateTransfer(tx, id, patch);
    await recordAudit(tx, ctx, { action: body.action === 'accept' ? 'acceptTransfer' : 'answerTransfer', entity: 'case_transfer', entityId: id, before, after });
    return transferOut((await repo.listTransfers(tx, { id }))[0]!);
  });
}
