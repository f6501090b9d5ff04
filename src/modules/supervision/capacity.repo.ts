import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, enterprise, expert, expertAssignment, expertRelation, highEnergyProject, inspection, trainingAttendance, trainingEvent } from '../../db/schema/index';

/** SQL of the expert pool, assignments, training and energy managers (issue #11 item 3). Bound values only. */

export type ExpertRow = typeof expert.$inferSelect;

export async function listExperts(db: Db, f: { regionCode?: string; available?: boolean }) {
  const where = [f.regionCode ? eq(expert.regionCode, f.regionCode) : undefined, f.available === undefined ? undefined : eq(expert.available, f.available)];
  return db.select().from(expert).where(and(...where)).orderBy(asc(expert.name), asc(expert.id));
}

export async function findExpert(db: Db, id: number) {
  const [row] = await db.select().from(expert).where(eq(expert.id, id));
  return row ?? null;
}

export async function insertExpert(db: Db, e: typeof expert.$inferInsert) {
  const [row] = await db.insert(expert).values(e).returning();
  return row!;
}

export async function updateExpert(db: Db, id: number, patch: Partial<typeof expert.$inferInsert>) {
  const [row] = await db.update(expert).set(patch).where(eq(expert.id, id)).returning();
  return row!;
}

/** Declared relations of some experts (all when `expertIds` is null), with the enterprise's name. */
export async function listRelations(db: Db, expertIds: number[] | null) {
  if (expertIds && expertIds.length === 0) return [];
  return db
    .select({ id: expertRelation.id, expertId: expertRelation.expertId, enterpriseId: expertRelation.enterpriseId, enterpriseName: enterprise.name, relation: expertRelation.relation, declaredAt: expertRelation.declaredAt })
    .from(expertRelation)
    .innerJoin(enterprise, eq(enterprise.id, expertRelation.enterpriseId))
    .where(expertIds ? inArray(expertRelation.expertId, expertIds) : undefined)
    .orderBy(asc(expertRelation.declaredAt), asc(expertRelation.id));
}

export async function insertRelation(db: Db, r: typeof expertRelation.$inferInsert) {
  const [row] = await db.insert(expertRelation).values(r).returning();
  return row!;
}

export async function listAssignments(db: Db, expertId: number) {
  return db
    .select({
      id: expertAssignment.id,
      expertId: expertAssignment.expertId,
      subjectKind: expertAssignment.subjectKind,
      subjectId: expertAssignment.subjectId,
      enterpriseId: expertAssignment.enterpriseId,
      enterpriseName: enterprise.name,
      purpose: expertAssignment.purpose,
      conflicts: expertAssignment.conflicts,
      overrideReason: expertAssignment.overrideReason,
      assignedAt: expertAssignment.assignedAt,
    })
    .from(expertAssignment)
    .leftJoin(enterprise, eq(enterprise.id, expertAssignment.enterpriseId))
    .where(eq(expertAssignment.expertId, expertId))
    .orderBy(desc(expertAssignment.assignedAt), desc(expertAssignment.id));
}

export async function insertAssignment(db: Db, a: typeof expertAssignment.$inferInsert) {
  const [row] = await db.insert(expertAssignment).values(a).returning();
  return row!;
}

export async function findEnterpriseBrief(db: Db, id: number) {
  const [row] = await db.select({ id: enterprise.id, name: enterprise.name, regionCode: enterprise.regionCode }).from(enterprise).where(eq(enterprise.id, id));
  return row ?? null;
}

/** The enterprise a 两高一低 project belongs to (null id when the project names none); null when no such project. */
export async function findProjectEnterprise(db: Db, projectId: number) {
  const [row] = await db.select({ enterpriseId: highEnergyProject.enterpriseId }).from(highEnergyProject).where(eq(highEnergyProject.id, projectId));
  return row ?? null;
}

/** The enterprise an inspection is of; null when no such inspection. */
export async function findInspectionEnterprise(db: Db, inspectionId: number) {
  const [row] = await db.select({ enterpriseId: inspection.enterpriseId }).from(inspection).where(eq(inspection.id, inspectionId));
  return row ?? null;
}

export async function listEvents(db: Db) {
  return db
    .select({
      id: trainingEvent.id,
      title: trainingEvent.title,
      audience: trainingEvent.audience,
      startsOn: trainingEvent.startsOn,
      hours: trainingEvent.hours,
      location: trainingEvent.location,
      organiserDepartmentId: trainingEvent.organiserDepartmentId,
      attendees: sql<number>`(select count(*) from ${trainingAttendance} where ${trainingAttendance.eventId} = ${trainingEvent.id} and ${trainingAttendance.attended})`.mapWith(Number),
    })
    .from(trainingEvent)
    .orderBy(desc(trainingEvent.startsOn), desc(trainingEvent.id));
}

export async function findEvent(db: Db, id: number) {
  const [row] = await db.select().from(trainingEvent).where(eq(trainingEvent.id, id));
  return row ?? null;
}

export async function insertEvent(db: Db, e: typeof trainingEvent.$inferInsert) {
  const [row] = await db.insert(trainingEvent).values(e).returning();
  return row!;
}

export async function updateEvent(db: Db, id: number, patch: Partial<typeof trainingEvent.$inferInsert>) {
  const [row] = await db.update(trainingEvent).set(patch).where(eq(trainingEvent.id, id)).returning();
  return row!;
}

/** The attendance of an event, each with the region it belongs to (the enterprise's, else the user's). */
export async function listAttendance(db: Db, eventId: number) {
  return db
    .select({
      id: trainingAttendance.id,
      eventId: trainingAttendance.eventId,
      userId: trainingAttendance.userId,
      enterpriseId: trainingAttendance.enterpriseId,
      enterpriseName: enterprise.name,
      regionCode: sql<string | null>`coalesce(${enterprise.regionCode}, ${appUser.regionCode})`,
      name: trainingAttendance.name,
      attended: trainingAttendance.attended,
      certificateNo: trainingAttendance.certificateNo,
      recordedAt: trainingAttendance.recordedAt,
    })
    .from(trainingAttendance)
    .leftJoin(enterprise, eq(enterprise.id, trainingAttendance.enterpriseId))
    .leftJoin(appUser, eq(appUser.id, trainingAttendance.userId))
    .where(eq(trainingAttendance.eventId, eventId))
    .orderBy(asc(trainingAttendance.id));
}

export async function insertAttendance(db: Db, a: typeof trainingAttendance.$inferInsert) {
  const [row] = await db.insert(trainingAttendance).values(a).returning();
  return row!;
}

export async function findUserBrief(db: Db, id: number) {
  const [row] = await db.select({ id: appUser.id, displayName: appUser.displayName, regionCode: appUser.regionCode }).from(appUser).where(eq(appUser.id, id));
  return row ?? null;
}

/** 重点用能单位 (enterprise.isKeyEnergyUnit), optionally of one region or one enterprise. */
export async function listKeyUnits(db: Db, f: { regionCode?: string; enterpriseId?: number }) {
  const where = [eq(enterprise.isKeyEnergyUnit, true), f.regionCode ? eq(enterprise.regionCode, f.regionCode) : undefined, f.enterpriseId ? eq(enterprise.id, f.enterpriseId) : undefined];
  return db
    .select({ id: enterprise.id, name: enterprise.name, uscc: enterprise.uscc, regionCode: enterprise.regionCode, keyUnitClass: enterprise.keyUnitClass, energyManager: enterprise.energyManager, energyManagerPhone: enterprise.energyManagerPhone })
    .from(enterprise)
    .where(and(...where))
    .orderBy(asc(enterprise.regionCode), asc(enterprise.name));
}

/** Enterprise attendance rows (energy managers' trainings) of some enterprises, with the event. */
export async function listEnterpriseTrainings(db: Db, enterpriseIds: number[]) {
  if (enterpriseIds.length === 0) return [];
  return db
    .select({
      enterpriseId: trainingAttendance.enterpriseId,
      eventId: trainingEvent.id,
      title: trainingEvent.title,
      startsOn: trainingEvent.startsOn,
      hours: trainingEvent.hours,
      name: trainingAttendance.name,
      attended: trainingAttendance.attended,
      certificateNo: trainingAttendance.certificateNo,
    })
    .from(trainingAttendance)
    .innerJoin(trainingEvent, eq(trainingEvent.id, trainingAttendance.eventId))
    .where(inArray(trainingAttendance.enterpriseId, enterpriseIds))
    .orderBy(desc(trainingEvent.startsOn), desc(trainingAttendance.id));
}
