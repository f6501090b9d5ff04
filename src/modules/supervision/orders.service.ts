import { AppError } from '../../domain/errors';
import { defaultDeadline, isOverdue, issuerPrefix, nextOrderSeq, orderNumber, type OrderStatus, type Severity } from '../../domain/supervision/inspection-orders';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { databaseEvidenceStore as store } from '../reporting/evidence-store';
import { isInspectorIn, type Reader, readerOf, requireInspector, scopeOf } from './inspections.access';
import * as repo from './inspections.repo';
import type { CountyRowOut, OrderActionBody, OrderBody, OrderDetailOut, OrderRowOut } from './inspections.schemas';
import { findingsOut, loadFinding, storeEvidence } from './inspections.service';

type OrderRow = NonNullable<Awaited<ReturnType<typeof repo.findOrder>>>;

export function orderRow(o: OrderRow, today: string): OrderRowOut {
  const status = o.order.status as OrderStatus;
  return { ...o.order, status, enterpriseName: o.enterpriseName, regionName: o.regionName, overdue: isOverdue({ status, deadline: o.order.deadline }, today) };
}

/** The issuing region: a county issues for itself; the city roles and departments for the city. */
async function issuingRegion(ctx: Ctx, r: Reader) {
  const regions = await orgRepo.listRegions(ctx.db);
  const own = r.actor.role === 'county' ? regions.find((x) => x.code === r.actor.regionCode) : regions.find((x) => x.kind === 'city');
  if (!own) throw new Error('the city region is missing: run "ecer migrate"');
  return own;
}

/** 整改通知书 on chosen findings of one inspection: numbered per issuer and year, deadline by the worst severity. */
export async function issueOrder(ctx: Ctx, inspectionId: number, body: OrderBody) {
  const r = await requireInspector(ctx);
  const found = await Promise.all(body.findingIds.map((id) => loadFinding(ctx, r, id).catch(() => null)));
  found.forEach((f, k) => {
    if (!f || f.inspection.id !== inspectionId) throw new AppError('validation', `问题 ${body.findingIds[k]} 不属于该次检查`, { pointer: `#/findingIds/${k}` });
  });
  const inspection = found[0]!.inspection;
  const deadline = body.deadline ?? defaultDeadline(r.today, found.map((f) => f!.finding.severity as Severity), r.rectificationDays);
  if (deadline <= r.today) throw new AppError('validation', '整改期限应晚于今天', { pointer: '#/deadline' });
  const issuer = await issuingRegion(ctx, r);
  const year = Number(r.today.slice(0, 4));
  const prefix = issuerPrefix(issuer);
  return ctx.db.transaction(async (tx) => {
    const seq = nextOrderSeq(prefix, year, await repo.orderNumbersOf(tx, `${prefix}节监整〔${year}〕`));
    const order = await repo.insertOrder(tx, {
      inspectionId,
      enterpriseId: inspection.enterpriseId,
      regionCode: inspection.regionCode,
      orderNo: orderNumber(prefix, year, seq),
      findingIds: [...new Set(body.findingIds)],
      requirement: body.requirement,
      deadline,
      status: 'issued',
      issuedBy: r.actor.userId,
      issuedAt: ctx.now,
    });
    await repo.insertOrderEvent(tx, { orderId: order.id, action: 'issue', comment: `整改期限 ${deadline}`, actorUserId: r.actor.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: 'issueRectificationOrder', entity: 'rectification_order', entityId: order.id, after: order });
    return orderRow((await repo.findOrder(tx, order.id))!, r.today);
  });
}

/** The order and what the reader may do with it; 404 for anyone outside its region or enterprise. */
async function readableOrder(ctx: Ctx, id: number) {
  const r = await readerOf(ctx);
  const o = await repo.findOrder(ctx.db, id);
  const isOwn = o !== null && r.actor.role === 'enterprise' && r.actor.enterpriseId === o.order.enterpriseId;
  const isInspector = o !== null && isInspectorIn(r, o.order.regionCode);
  if (!o || !(isOwn || isInspector)) throw new AppError('not-found', `整改通知书 ${id} 不存在`);
  return { r, o, isOwn, isInspector };
}

export async function listOrders(ctx: Ctx, f: { year?: number; regionCode?: string; status?: OrderStatus | 'overdue' }) {
  const r = await readerOf(ctx);
  const scope = r.actor.role === 'enterprise' ? { enterpriseId: r.actor.enterpriseId ?? -1 } : scopeOf(await requireInspector(ctx));
  const rows = (await repo.listOrders(ctx.db, scope, f)).map((o) => orderRow(o, r.today));
  return f.status === 'overdue' ? rows.filter((o) => o.overdue) : f.status ? rows.filter((o) => o.status === f.status) : rows;
}

export async function getOrder(ctx: Ctx, id: number): Promise<OrderDetailOut> {
  const { r, o, isOwn, isInspector } = await readableOrder(ctx, id);
  const findings = await findingsOut(ctx, await repo.listFindings(ctx.db, { ids: o.order.findingIds }));
  // An enterprise sees who acted by role, not the inspectors' names of another body.
  const events = (await repo.listOrderEvents(ctx.db, id)).map((e) => ({ action: e.action, comment: e.comment, actorName: e.actorName, at: e.at }));
  const evidence = (await repo.listEvidence(ctx.db, 'order', [id])).map((e) => ({ id: e.id, fileName: e.fileName, uploadedAt: e.uploadedAt }));
  const open = o.order.status !== 'closed';
  return { ...orderRow(o, r.today), findings, events, evidence, can: { answer: isOwn && o.order.status === 'issued', review: isInspector && o.order.status === 'answered', extend: isInspector && open } };
}

const EVENT_OF = { answer: 'answerRectification', close: 'closeRectification', return: 'returnRectification', extend: 'extendRectification' } as const;

/**
 * The steps after issue: the enterprise answers (issued → answered); the inspectors close (with a note) or return it
 * (answered → closed | issued), or extend the deadline with a reason while it is open. Each a rectification_event.
 */
export async function actOnOrder(ctx: Ctx, id: number, body: OrderActionBody) {
  const { r, o, isOwn, isInspector } = await readableOrder(ctx, id);
  const before = o.order;
  let patch: { status?: string; deadline?: string };
  if (body.action === 'answer') {
    if (!isOwn) throw new AppError('forbidden', '只有被检查企业可以报送整改情况');
    if (before.status !== 'issued') throw new AppError('conflict', before.status === 'answered' ? '整改情况已报送，等待审核' : '该通知书已办结');
    patch = { status: 'answered' };
  } else {
    if (!isInspector) throw new AppError('forbidden', '只有节能监察机构可以审核整改情况');
    if (body.action === 'extend') {
      if (before.status === 'closed') throw new AppError('conflict', '该通知书已办结');
      if (body.deadline <= before.deadline) throw new AppError('validation', `新期限应晚于原期限 ${before.deadline}`, { pointer: '#/deadline' });
      patch = { deadline: body.deadline };
    } else {
      if (before.status !== 'answered') throw new AppError('conflict', '只能审核企业已报送的整改情况');
      patch = { status: body.action === 'close' ? 'closed' : 'issued' };
    }
  }
  const comment = body.action === 'extend' ? `${before.deadline} → ${body.deadline}：${body.comment}` : body.comment || null;
  await ctx.db.transaction(async (tx) => {
    const after = await repo.updateOrder(tx, id, patch);
    await repo.insertOrderEvent(tx, { orderId: id, action: body.action, comment, actorUserId: r.actor.userId, at: ctx.now });
    await recordAudit(tx, ctx, { action: EVENT_OF[body.action], entity: 'rectification_order', entityId: id, before, after: { ...after, comment } });
  });
  return getOrder(ctx, id);
}

/** Evidence of rectification: the enterprise while it answers; the inspectors while the order is open. */
export async function addOrderEvidence(ctx: Ctx, id: number, fileName: string, content: Buffer) {
  const { r, o, isOwn, isInspector } = await readableOrder(ctx, id);
  if (o.order.status === 'closed') throw new AppError('conflict', '该通知书已办结');
  if (!(isInspector || (isOwn && o.order.status === 'issued'))) throw new AppError('conflict', '整改情况已报送，等待审核');
  return storeEvidence(ctx, r.actor.userId, 'order', id, fileName, content);
}

/** An evidence file for whoever may read what it belongs to. */
export async function getEvidenceFile(ctx: Ctx, id: number) {
  const e = await repo.findEvidence(ctx.db, id);
  if (!e) throw new AppError('not-found', `文件 ${id} 不存在`);
  if (e.ownerKind === 'order') await readableOrder(ctx, e.ownerId);
  else await loadFinding(ctx, await requireInspector(ctx), e.ownerId);
  const blob = await store.get(ctx.db, e.sha256);
  if (!blob) throw new AppError('not-found', `文件 ${id} 不存在`);
  return { fileName: e.fileName, ...blob };
}

/** 分县（市、区）情况: per county, the year's inspections planned and done, findings, orders open / overdue / closed. */
export async function countyView(ctx: Ctx, year: number): Promise<CountyRowOut[]> {
  const r = await requireInspector(ctx);
  const scope = scopeOf(r);
  const regions = (await orgRepo.listRegions(ctx.db)).filter((x) => x.kind !== 'city' && ('all' in scope || x.code === scope.regionCode));
  const inspections = await repo.listInspections(ctx.db, scope, { year });
  const findings = await repo.listFindings(ctx.db, { inspectionIds: inspections.filter((i) => i.inspection.status !== 'planned').map((i) => i.inspection.id) });
  const regionOfInspection = new Map(inspections.map((i) => [i.inspection.id, i.inspection.regionCode]));
  const orders = (await repo.listOrders(ctx.db, scope, { year })).map((o) => orderRow(o, r.today));
  return regions.map((g) => {
    const own = orders.filter((o) => o.regionCode === g.code);
    return {
      regionCode: g.code,
      regionName: g.name,
      planned: inspections.filter((i) => i.inspection.regionCode === g.code && i.inspection.status === 'planned').length,
      inspected: inspections.filter((i) => i.inspection.regionCode === g.code && i.inspection.status !== 'planned').length,
      findings: findings.filter((f) => regionOfInspection.get(f.finding.inspectionId) === g.code).length,
      ordersOpen: own.filter((o) => o.status !== 'closed').length,
      ordersOverdue: own.filter((o) => o.overdue).length,
      ordersClosed: own.filter((o) => o.status === 'closed').length,
    };
  });
}

