import { and, asc, count, desc, eq, gte, like, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, citizenReport, citizenReportEvent, citizenReportPhoto, department, evidenceBlob, region, spentChallenge } from '../../db/schema/index';
import type { ReportListQuery } from './citizen-reports.schemas';

export type CitizenReportRow = typeof citizenReport.$inferSelect;

/** The slice of reports a handler's list may return: all (the bureau), those assigned to it, or none. */
export type ReportScope = { all: true } | { departmentId: number } | { regionCode: string } | { none: true };

/** Numbers of a day are handed out one at a time, so two reports never get the same one. */
export async function lockTrackingNumbers(tx: Db) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('citizen_report:tracking_no'))`);
}

/** How many reports carry numbers of a day so far (`GZ20261124-%`). */
export async function countTrackingNumbers(db: Db, dayPrefix: string) {
  const [row] = await db.select({ n: count() }).from(citizenReport).where(like(citizenReport.trackingNo, `${dayPrefix}%`));
  return row?.n ?? 0;
}

export async function countReportsFromSource(db: Db, sourceHash: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(citizenReport)
    .where(and(eq(citizenReport.sourceHash, sourceHash), gte(citizenReport.submittedAt, since)));
  return row?.n ?? 0;
}

export async function insertReport(db: Db, r: typeof citizenReport.$inferInsert) {
  const [row] = await db.insert(citizenReport).values(r).returning();
  return row!;
}

export async function updateReport(db: Db, id: number, set: Partial<typeof citizenReport.$inferInsert>) {
  const [row] = await db.update(citizenReport).set(set).where(eq(citizenReport.id, id)).returning();
  return row!;
}

export async function findReport(db: Db, id: number) {
  const [row] = await db.select().from(citizenReport).where(eq(citizenReport.id, id));
  return row ?? null;
}

/** The report, locked until the transaction ends: two handlers acting at once take turns. */
export async function findReportForUpdate(tx: Db, id: number) {
  const [row] = await tx.select().from(citizenReport).where(eq(citizenReport.id, id)).for('update');
  return row ?? null;
}

export async function findReportByTrackingNo(db: Db, trackingNo: string) {
  const [row] = await db.select().from(citizenReport).where(eq(citizenReport.trackingNo, trackingNo));
  return row ?? null;
}

export async function listReports(db: Db, scope: ReportScope, f: ReportListQuery) {
  if ('none' in scope) return [];
  return db
    .select()
    .from(citizenReport)
    .where(
      and(
        'departmentId' in scope ? eq(citizenReport.assignedDepartmentId, scope.departmentId) : undefined,
        'regionCode' in scope ? eq(citizenReport.assignedRegionCode, scope.regionCode) : undefined,
        f.status ? eq(citizenReport.status, f.status) : undefined,
        f.type ? eq(citizenReport.type, f.type) : undefined,
        f.regionCode ? eq(citizenReport.regionCode, f.regionCode) : undefined,
      ),
    )
    .orderBy(desc(citizenReport.submittedAt), desc(citizenReport.id))
    .limit(500);
}

export async function insertEvent(db: Db, e: typeof citizenReportEvent.$inferInsert) {
  const [row] = await db.insert(citizenReportEvent).values(e).returning();
  return row!;
}

export async function listEvents(db: Db, reportId: number, opts: { visibleToReporterOnly: boolean }) {
  return db
    .select({
      id: citizenReportEvent.id,
      action: citizenReportEvent.action,
      comment: citizenReportEvent.comment,
      visibleToReporter: citizenReportEvent.visibleToReporter,
      actorName: appUser.displayName,
      at: citizenReportEvent.at,
    })
    .from(citizenReportEvent)
    .leftJoin(appUser, eq(appUser.id, citizenReportEvent.actorUserId))
    .where(and(eq(citizenReportEvent.reportId, reportId), opts.visibleToReporterOnly ? eq(citizenReportEvent.visibleToReporter, true) : undefined))
    .orderBy(asc(citizenReportEvent.at), asc(citizenReportEvent.id));
}

export async function insertPhoto(db: Db, p: typeof citizenReportPhoto.$inferInsert) {
  const [row] = await db.insert(citizenReportPhoto).values(p).returning();
  return row!;
}

/** The photos of a report with the size and type of the copy asked for (the original or the stripped one). */
export async function listPhotos(db: Db, reportId: number, copy: 'original' | 'stripped') {
  const sha = copy === 'original' ? citizenReportPhoto.originalSha256 : citizenReportPhoto.strippedSha256;
  return db
    .select({ id: citizenReportPhoto.id, fileName: citizenReportPhoto.fileName, mediaType: evidenceBlob.mediaType, size: evidenceBlob.size, sha256: sha })
    .from(citizenReportPhoto)
    .innerJoin(evidenceBlob, eq(evidenceBlob.sha256, sha))
    .where(eq(citizenReportPhoto.reportId, reportId))
    .orderBy(asc(citizenReportPhoto.id));
}

export async function findPhoto(db: Db, reportId: number, photoId: number) {
  const [row] = await db
    .select()
    .from(citizenReportPhoto)
    .where(and(eq(citizenReportPhoto.reportId, reportId), eq(citizenReportPhoto.id, photoId)));
  return row ?? null;
}

export async function countPhotos(db: Db, reportId: number) {
  const [row] = await db.select({ n: count() }).from(citizenReportPhoto).where(eq(citizenReportPhoto.reportId, reportId));
  return row?.n ?? 0;
}

/** Records a challenge as spent; false when it already was. */
export async function spendChallenge(db: Db, challengeHash: string, at: Date): Promise<boolean> {
  const rows = await db.insert(spentChallenge).values({ challengeHash, at }).onConflictDoNothing().returning({ h: spentChallenge.challengeHash });
  return rows.length === 1;
}

/** Spent challenges older than a challenge's lifetime are refused by their expiry anyway. */
export async function purgeSpentChallenges(db: Db, before: Date) {
  await db.delete(spentChallenge).where(lt(spentChallenge.at, before));
}

export async function findDepartment(db: Db, id: number) {
  const [row] = await db.select({ id: department.id, code: department.code, name: department.name }).from(department).where(eq(department.id, id));
  return row ?? null;
}

export async function regionExists(db: Db, code: string) {
  const [row] = await db.select({ code: region.code }).from(region).where(eq(region.code, code));
  return !!row;
}

/** Regions below the city (districts, counties, county-level cities, zones), in the plan's order. */
export async function listCountyRegions(db: Db) {
  return db.select({ code: region.code, name: region.name }).from(region).where(ne(region.kind, 'city')).orderBy(asc(region.sort), asc(region.code));
}
