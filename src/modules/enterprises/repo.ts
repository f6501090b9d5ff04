import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, energyReport, energyReportEvent, enterprise, highEnergyProject, productEfficiency } from '../../db/schema/index';

export type ReportRow = typeof energyReport.$inferSelect;

export async function findEnterprise(db: Db, id: number) {
  const [row] = await db.select().from(enterprise).where(eq(enterprise.id, id));
  return row ?? null;
}

export async function listRevisions(db: Db, enterpriseId: number, year: number) {
  return db
    .select()
    .from(energyReport)
    .where(and(eq(energyReport.enterpriseId, enterpriseId), eq(energyReport.year, year)))
    .orderBy(asc(energyReport.revision));
}

export async function findReport(db: Db, id: number) {
  const [row] = await db.select().from(energyReport).where(eq(energyReport.id, id));
  return row ?? null;
}

export async function insertReport(db: Db, r: typeof energyReport.$inferInsert) {
  const [row] = await db.insert(energyReport).values(r).returning();
  return row!;
}

export async function setStatus(db: Db, ids: number[], status: string) {
  if (ids.length) await db.update(energyReport).set({ status }).where(inArray(energyReport.id, ids));
}

export async function insertEvent(db: Db, e: typeof energyReportEvent.$inferInsert) {
  await db.insert(energyReportEvent).values(e);
}

export async function listEvents(db: Db, reportIds: number[]) {
  if (!reportIds.length) return [];
  return db
    .select({ id: energyReportEvent.id, reportId: energyReportEvent.reportId, action: energyReportEvent.action, comment: energyReportEvent.comment, at: energyReportEvent.at, actorName: appUser.displayName })
    .from(energyReportEvent)
    .innerJoin(appUser, eq(appUser.id, energyReportEvent.actorUserId))
    .where(inArray(energyReportEvent.reportId, reportIds))
    .orderBy(asc(energyReportEvent.id));
}

/** An enterprise's reports, newest year and revision first. */
export async function listReports(db: Db, enterpriseId: number) {
  return db.select().from(energyReport).where(eq(energyReport.enterpriseId, enterpriseId)).orderBy(desc(energyReport.year), desc(energyReport.revision));
}

/** The approved report of a year, if any (the value that counts). */
export async function findApproved(db: Db, enterpriseId: number, year: number) {
  const [row] = await db
    .select()
    .from(energyReport)
    .where(and(eq(energyReport.enterpriseId, enterpriseId), eq(energyReport.year, year), eq(energyReport.status, 'approved')));
  return row ?? null;
}

export async function upsertProductEfficiency(db: Db, r: typeof productEfficiency.$inferInsert) {
  const [row] = await db
    .insert(productEfficiency)
    .values(r)
    .onConflictDoUpdate({ target: [productEfficiency.enterpriseId, productEfficiency.year, productEfficiency.productCode], set: { capacity: r.capacity, capacityUnit: r.capacityUnit, unitConsumption: r.unitConsumption, updatedAt: r.updatedAt } })
    .returning();
  return row!;
}

/** Every product line of a year with its enterprise (for scope checks and names). */
export async function listProductEfficiency(db: Db, year: number) {
  const rows = await db.select({ line: productEfficiency, enterprise }).from(productEfficiency).innerJoin(enterprise, eq(enterprise.id, productEfficiency.enterpriseId)).where(eq(productEfficiency.year, year));
  return rows.map((r) => ({ ...r.line, enterprise: r.enterprise }));
}

export type ProjectRow = typeof highEnergyProject.$inferSelect;

export async function listProjects(db: Db, regionCode?: string) {
  return db.select().from(highEnergyProject).where(regionCode ? eq(highEnergyProject.regionCode, regionCode) : undefined).orderBy(asc(highEnergyProject.regionCode), asc(highEnergyProject.id));
}

export async function findProject(db: Db, id: number) {
  const [row] = await db.select().from(highEnergyProject).where(eq(highEnergyProject.id, id));
  return row ?? null;
}

export async function saveProject(db: Db, id: number | null, p: typeof highEnergyProject.$inferInsert) {
  const [row] = id === null ? await db.insert(highEnergyProject).values(p).returning() : await db.update(highEnergyProject).set(p).where(eq(highEnergyProject.id, id)).returning();
  return row!;
}

/** Reports in a review status with their enterprise, oldest first (a review queue). */
export async function listReportsInStatus(db: Db, statuses: string[]) {
  if (!statuses.length) return [];
  const rows = await db
    .select({ report: energyReport, enterprise })
    .from(energyReport)
    .innerJoin(enterprise, eq(enterprise.id, energyReport.enterpriseId))
    .where(inArray(energyReport.status, statuses))
    .orderBy(asc(energyReport.submittedAt));
  return rows;
}
