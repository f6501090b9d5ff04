import { and, asc, type Column, desc, eq, gte, inArray, like, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, caseTransfer, department, enterprise, highEnergyProject, inspection, inspectionFinding, inspectionPlan, rectificationEvent, rectificationOrder, region, supervisionEvidence } from '../../db/schema/index';

/** The rows an inspector may list: the whole city, or one county's. */
export type InspectorScope = { all: true } | { regionCode: string };
const inScope = (col: Column, s: InspectorScope) => ('all' in s ? undefined : eq(col, s.regionCode));
const yearOf = (y: number) => ({ from: `${y}-01-01`, to: `${y + 1}-01-01` });

export async function departmentIdsByCode(db: Db, codes: readonly string[]) {
  if (!codes.length) return [];
  return (await db.select({ id: department.id }).from(department).where(inArray(department.code, [...codes]))).map((r) => r.id);
}

export async function insertPlan(db: Db, p: typeof inspectionPlan.$inferInsert) {
  const [row] = await db.insert(inspectionPlan).values(p).returning();
  return row!;
}
export async function findPlan(db: Db, id: number) {
  const [row] = await db.select().from(inspectionPlan).where(eq(inspectionPlan.id, id));
  return row ?? null;
}
export async function updatePlan(db: Db, id: number, patch: Partial<typeof inspectionPlan.$inferInsert>) {
  const [row] = await db.update(inspectionPlan).set(patch).where(eq(inspectionPlan.id, id)).returning();
  return row!;
}
export async function listPlans(db: Db, scope: InspectorScope, year: number | undefined) {
  return db
    .select({ plan: inspectionPlan, regionName: region.name, inspections: sql<number>`(select count(*)::int from ${inspection} where ${inspection.planId} = ${inspectionPlan.id})` })
    .from(inspectionPlan)
    .innerJoin(region, eq(region.code, inspectionPlan.regionCode))
    .where(and(inScope(inspectionPlan.regionCode, scope), year ? eq(inspectionPlan.year, year) : undefined))
    .orderBy(desc(inspectionPlan.year), asc(inspectionPlan.id));
}

export async function insertInspection(db: Db, i: typeof inspection.$inferInsert) {
  const [row] = await db.insert(inspection).values(i).returning();
  return row!;
}
export async function updateInspection(db: Db, id: number, patch: Partial<typeof inspection.$inferInsert>) {
  const [row] = await db.update(inspection).set(patch).where(eq(inspection.id, id)).returning();
  return row!;
}

const inspectionColumns = { inspection, enterpriseName: enterprise.name, regionName: region.name };
const inspectionBase = (db: Db) =>
  db.select(inspectionColumns).from(inspection).innerJoin(enterprise, eq(enterprise.id, inspection.enterpriseId)).innerJoin(region, eq(region.code, inspection.regionCode));

export async function findInspection(db: Db, id: number) {
  const [row] = await inspectionBase(db).where(eq(inspection.id, id));
  return row ?? null;
}

/** A year's inspections: inspected that year, or (not yet inspected) planned for it or under that year's plan. */
export async function listInspections(db: Db, scope: InspectorScope, f: { year?: number; regionCode?: string; status?: string; planId?: number }) {
  const y = f.year ? yearOf(f.year) : null;
  const inYear = y
    ? sql`(${inspection.inspectedOn} >= ${y.from} and ${inspection.inspectedOn} < ${y.to}) or (${inspection.inspectedOn} is null and (coalesce(${inspection.plannedDate}, ${inspection.createdAt}::date) >= ${y.from} and coalesce(${inspection.plannedDate}, ${inspection.createdAt}::date) < ${y.to}))`
    : undefined;
  return inspectionBase(db)
    .where(and(inScope(inspection.regionCode, scope), inYear, f.regionCode ? eq(inspection.regionCode, f.regionCode) : undefined, f.status ? eq(inspection.status, f.status) : undefined, f.planId ? eq(inspection.planId, f.planId) : undefined))
    .orderBy(desc(inspection.id))
    .limit(2000);
}

export async function insertFinding(db: Db, f: typeof inspectionFinding.$inferInsert) {
  const [row] = await db.insert(inspectionFinding).values(f).returning();
  return row!;
}
export async function findFinding(db: Db, id: number) {
  const [row] = await db.select().from(inspectionFinding).where(eq(inspectionFinding.id, id));
  return row ?? null;
}
export async function listFindings(db: Db, by: { inspectionIds: number[] } | { ids: number[] }) {
  const ids = 'ids' in by ? by.ids : by.inspectionIds;
  if (!ids.length) return [];
  return db
    .select({ finding: inspectionFinding, projectName: highEnergyProject.name })
    .from(inspectionFinding)
    .leftJoin(highEnergyProject, eq(highEnergyProject.id, inspectionFinding.highEnergyProjectId))
    .where('ids' in by ? inArray(inspectionFinding.id, ids) : inArray(inspectionFinding.inspectionId, ids))
    .orderBy(asc(inspectionFinding.id));
}

export async function findProject(db: Db, id: number) {
  const [row] = await db.select().from(highEnergyProject).where(eq(highEnergyProject.id, id));
  return row ?? null;
}
export const listEnterpriseProjects = (db: Db, enterpriseId: number) =>
  db.select({ id: highEnergyProject.id, name: highEnergyProject.name }).from(highEnergyProject).where(eq(highEnergyProject.enterpriseId, enterpriseId)).orderBy(asc(highEnergyProject.id));

export async function insertEvidence(db: Db, e: typeof supervisionEvidence.$inferInsert) {
  const [row] = await db.insert(supervisionEvidence).values(e).returning();
  return row!;
}
export async function findEvidence(db: Db, id: number) {
  const [row] = await db.select().from(supervisionEvidence).where(eq(supervisionEvidence.id, id));
  return row ?? null;
}
export async function listEvidence(db: Db, ownerKind: 'finding' | 'order', ownerIds: number[]) {
  if (!ownerIds.length) return [];
  return db.select().from(supervisionEvidence).where(and(eq(supervisionEvidence.ownerKind, ownerKind), inArray(supervisionEvidence.ownerId, ownerIds))).orderBy(asc(supervisionEvidence.id));
}

export async function insertOrder(db: Db, o: typeof rectificationOrder.$inferInsert) {
  const [row] = await db.insert(rectificationOrder).values(o).returning();
  return row!;
}
export async function updateOrder(db: Db, id: number, patch: Partial<typeof rectificationOrder.$inferInsert>) {
  const [row] = await db.update(rectificationOrder).set(patch).where(eq(rectificationOrder.id, id)).returning();
  return row!;
}
/** Order numbers already given by an issuer (by their prefix), locked against a concurrent issue of the same issuer. */
export async function orderNumbersOf(db: Db, head: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`rectification-order:${head}`}))`);
  return (await db.select({ no: rectificationOrder.orderNo }).from(rectificationOrder).where(like(rectificationOrder.orderNo, `${head}%`))).map((r) => r.no);
}

const orderColumns = { order: rectificationOrder, enterpriseName: enterprise.name, regionName: region.name };
const orderBase = (db: Db) =>
  db.select(orderColumns).from(rectificationOrder).innerJoin(enterprise, eq(enterprise.id, rectificationOrder.enterpriseId)).innerJoin(region, eq(region.code, rectificationOrder.regionCode));
export async function findOrder(db: Db, id: number) {
  const [row] = await orderBase(db).where(eq(rectificationOrder.id, id));
  return row ?? null;
}
export type OrderScope = InspectorScope | { enterpriseId: number };
export async function listOrders(db: Db, scope: OrderScope, f: { year?: number; regionCode?: string; inspectionIds?: number[] }) {
  const y = f.year ? yearOf(f.year) : null;
  return orderBase(db)
    .where(
      and(
        'enterpriseId' in scope ? eq(rectificationOrder.enterpriseId, scope.enterpriseId) : inScope(rectificationOrder.regionCode, scope),
        y ? and(gte(rectificationOrder.issuedAt, new Date(`${y.from}T00:00:00+08:00`)), lt(rectificationOrder.issuedAt, new Date(`${y.to}T00:00:00+08:00`))) : undefined,
        f.regionCode ? eq(rectificationOrder.regionCode, f.regionCode) : undefined,
        f.inspectionIds ? (f.inspectionIds.length ? inArray(rectificationOrder.inspectionId, f.inspectionIds) : sql`false`) : undefined,
      ),
    )
    .orderBy(desc(rectificationOrder.id))
    .limit(2000);
}

export async function insertOrderEvent(db: Db, e: typeof rectificationEvent.$inferInsert) {
  await db.insert(rectificationEvent).values(e);
}
export const listOrderEvents = (db: Db, orderId: number) =>
  db
    .select({ action: rectificationEvent.action, comment: rectificationEvent.comment, actorName: appUser.displayName, actorRole: appUser.role, actorRegionCode: appUser.regionCode, actorDepartmentId: appUser.departmentId, at: rectificationEvent.at })
    .from(rectificationEvent)
    .innerJoin(appUser, eq(appUser.id, rectificationEvent.actorUserId))
    .where(eq(rectificationEvent.orderId, orderId))
    .orderBy(asc(rectificationEvent.at), asc(rectificationEvent.id));

export async function insertTransfer(db: Db, t: typeof caseTransfer.$inferInsert) {
  const [row] = await db.insert(caseTransfer).values(t).returning();
  return row!;
}
export async function updateTransfer(db: Db, id: number, patch: Partial<typeof caseTransfer.$inferInsert>) {
  const [row] = await db.update(caseTransfer).set(patch).where(eq(caseTransfer.id, id)).returning();
  return row!;
}
/** Transfers with what they concern: by department (its queue), by the findings' inspections, or one by id. */
export async function listTransfers(db: Db, f: { toDepartmentId?: number; inspectionIds?: number[]; id?: number; scope?: InspectorScope }) {
  return db
    .select({ transfer: caseTransfer, findingDescription: inspectionFinding.description, inspectionId: inspection.id, regionCode: inspection.regionCode, enterpriseName: enterprise.name, regionName: region.name, toDepartmentName: department.name })
    .from(caseTransfer)
    .innerJoin(inspectionFinding, eq(inspectionFinding.id, caseTransfer.findingId))
    .innerJoin(inspection, eq(inspection.id, inspectionFinding.inspectionId))
    .innerJoin(enterprise, eq(enterprise.id, inspection.enterpriseId))
    .innerJoin(region, eq(region.code, inspection.regionCode))
    .innerJoin(department, eq(department.id, caseTransfer.toDepartmentId))
    .where(
      and(
        f.toDepartmentId !== undefined ? eq(caseTransfer.toDepartmentId, f.toDepartmentId) : undefined,
        f.inspectionIds ? (f.inspectionIds.length ? inArray(inspection.id, f.inspectionIds) : sql`false`) : undefined,
        f.id !== undefined ? eq(caseTransfer.id, f.id) : undefined,
        f.scope ? inScope(inspection.regionCode, f.scope) : undefined,
      ),
    )
    .orderBy(desc(caseTransfer.id));
}

/** 能评未批先建 cases found by inspection: energy-review findings naming a 两高一低 project, made before `end`. */
export async function energyReviewFindings(db: Db, regionCodes: string[], end: Date) {
  if (!regionCodes.length) return [];
  return db
    .select({ regionCode: inspection.regionCode, projectId: inspectionFinding.highEnergyProjectId })
    .from(inspectionFinding)
    .innerJoin(inspection, eq(inspection.id, inspectionFinding.inspectionId))
    .where(and(eq(inspectionFinding.topic, 'energy-review'), sql`${inspectionFinding.highEnergyProjectId} is not null`, lt(inspectionFinding.createdAt, end), inArray(inspection.regionCode, regionCodes)));
}
