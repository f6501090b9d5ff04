import { and, asc, desc, eq, inArray, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  appUser,
  calendarFeed,
  indicator,
  indicatorDepartment,
  plan,
  progressReport,
  reportEvent,
  reportingRule,
  task,
  targetAllocation,
  taskDepartment,
} from '../../db/schema/index';

export type ItemRef = { indicatorId: number; taskId?: undefined } | { taskId: number; indicatorId?: undefined };

const itemWhere = (item: ItemRef) =>
  item.indicatorId !== undefined
    ? and(eq(progressReport.indicatorId, item.indicatorId), isNull(progressReport.taskId))
    : and(eq(progressReport.taskId, item.taskId), isNull(progressReport.indicatorId));

/** The item with its plan (for the city code and period) and who answers for it. */
export async function findItem(db: Db, item: ItemRef) {
  if (item.indicatorId !== undefined) {
    const [row] = await db
      .select({ id: indicator.id, code: indicator.code, name: indicator.name, comparison: indicator.comparison, planCode: plan.code, cityCode: plan.regionCode, periodStart: plan.periodStart, periodEnd: plan.periodEnd })
      .from(indicator)
      .innerJoin(plan, eq(plan.id, indicator.planId))
      .where(eq(indicator.id, item.indicatorId));
    if (!row) return null;
    const owners = await db.select({ id: indicatorDepartment.departmentId }).from(indicatorDepartment).where(eq(indicatorDepartment.indicatorId, row.id));
    const ids = owners.map((o) => o.id);
    return { ...row, kind: 'indicator' as const, responsible: ids, involved: ids };
  }
  const [row] = await db
    .select({ id: task.id, code: task.code, name: task.text, planCode: plan.code, cityCode: plan.regionCode, periodStart: plan.periodStart, periodEnd: plan.periodEnd })
    .from(task)
    .innerJoin(plan, eq(plan.id, task.planId))
    .where(eq(task.id, item.taskId));
  if (!row) return null;
  const depts = await db.select({ id: taskDepartment.departmentId, role: taskDepartment.role }).from(taskDepartment).where(eq(taskDepartment.taskId, row.id));
  return { ...row, comparison: null, kind: 'task' as const, responsible: depts.filter((d) => d.role === 'lead').map((d) => d.id), involved: depts.map((d) => d.id) };
}

export const listRules = (db: Db) => db.select().from(reportingRule);

export async function findRule(db: Db, item: ItemRef) {
  const [row] = await db
    .select()
    .from(reportingRule)
    .where(item.indicatorId !== undefined ? eq(reportingRule.indicatorId, item.indicatorId) : eq(reportingRule.taskId, item.taskId));
  return row ?? null;
}

/** Every revision of one report thread (item × period × region), oldest first. */
export async function listRevisions(db: Db, item: ItemRef, periodKey: string, regionCode: string) {
  return db
    .select()
    .from(progressReport)
    .where(and(itemWhere(item), eq(progressReport.periodKey, periodKey), eq(progressReport.regionCode, regionCode)))
    .orderBy(asc(progressReport.revision));
}

export async function findReport(db: Db, id: number) {
  const [row] = await db.select().from(progressReport).where(eq(progressReport.id, id));
  return row ?? null;
}

export async function insertReport(db: Db, r: typeof progressReport.$inferInsert) {
  const [row] = await db.insert(progressReport).values(r).returning();
  return row!;
}

export async function setStatus(db: Db, ids: number[], status: string) {
  if (ids.length) await db.update(progressReport).set({ status }).where(inArray(progressReport.id, ids));
}

export async function insertEvent(db: Db, e: typeof reportEvent.$inferInsert) {
  await db.insert(reportEvent).values(e);
}

export async function listEvents(db: Db, reportIds: number[]) {
  if (!reportIds.length) return [];
  return db
    .select({ id: reportEvent.id, reportId: reportEvent.reportId, action: reportEvent.action, comment: reportEvent.comment, at: reportEvent.at, actorName: appUser.displayName })
    .from(reportEvent)
    .innerJoin(appUser, eq(appUser.id, reportEvent.actorUserId))
    .where(inArray(reportEvent.reportId, reportIds))
    .orderBy(asc(reportEvent.id));
}

/** What a list may show: all, the items of a department, or one region's reports. */
export type ReportScope = { all: true } | { departmentId: number } | { regionCode: string } | { none: true };

export type ReportFilter = { indicatorId?: number; indicatorsOnly?: boolean; taskId?: number; regionCode?: string; periodKey?: string; status?: string; year?: number };

export async function listReports(db: Db, scope: ReportScope, f: ReportFilter, limit: number) {
  const scoped =
    'all' in scope
      ? undefined
      : 'regionCode' in scope
        ? eq(progressReport.regionCode, scope.regionCode)
        : 'departmentId' in scope
          ? or(
              inArray(progressReport.taskId, db.select({ id: taskDepartment.taskId }).from(taskDepartment).where(eq(taskDepartment.departmentId, scope.departmentId))),
              inArray(
                progressReport.indicatorId,
                db.select({ id: indicatorDepartment.indicatorId }).from(indicatorDepartment).where(eq(indicatorDepartment.departmentId, scope.departmentId)),
              ),
            )
          : sql`false`;
  return db
    .select()
    .from(progressReport)
    .where(
      and(
        scoped,
        f.indicatorId !== undefined ? eq(progressReport.indicatorId, f.indicatorId) : undefined,
        f.indicatorsOnly ? isNotNull(progressReport.indicatorId) : undefined,
        f.taskId !== undefined ? eq(progressReport.taskId, f.taskId) : undefined,
        f.regionCode ? eq(progressReport.regionCode, f.regionCode) : undefined,
        f.periodKey ? eq(progressReport.periodKey, f.periodKey) : undefined,
        f.status ? eq(progressReport.status, f.status) : undefined,
        f.year !== undefined ? like(progressReport.periodKey, `${f.year}%`) : undefined,
      ),
    )
    .orderBy(desc(progressReport.id))
    .limit(limit);
}

export async function listAllocations(db: Db, f: { indicatorId?: number; regionCode?: string }) {
  return db
    .select()
    .from(targetAllocation)
    .where(
      and(
        f.indicatorId !== undefined ? eq(targetAllocation.indicatorId, f.indicatorId) : undefined,
        f.regionCode ? eq(targetAllocation.regionCode, f.regionCode) : undefined,
      ),
    )
    .orderBy(asc(targetAllocation.indicatorId), asc(targetAllocation.regionCode));
}

export async function replaceAllocations(db: Db, indicatorId: number, shares: Array<{ regionCode: string; target: number; baselineValue: number | null }>, at: Date) {
  await db.delete(targetAllocation).where(eq(targetAllocation.indicatorId, indicatorId));
  if (shares.length) await db.insert(targetAllocation).values(shares.map((s) => ({ ...s, indicatorId, updatedAt: at })));
}

export async function findIndicatorTerms(db: Db, id: number) {
  const [row] = await db.select().from(indicator).where(eq(indicator.id, id));
  return row ?? null;
}

/** The report threads of a year that have something in (anything but a return), as keys only. */
export async function listFiledThreads(db: Db, year: number) {
  return db
    .selectDistinct({ indicatorId: progressReport.indicatorId, taskId: progressReport.taskId, periodKey: progressReport.periodKey, regionCode: progressReport.regionCode })
    .from(progressReport)
    .where(and(like(progressReport.periodKey, `${year}%`), sql`${progressReport.status} <> 'returned'`));
}

/** Moves whenever any report is submitted, reviewed or corrected, or a rule changes: a cache version. */
export async function reportingVersion(db: Db): Promise<string> {
  const [events] = await db.select({ v: sql<string>`coalesce(max(${reportEvent.id}), 0)::text` }).from(reportEvent);
  const [rules] = await db.select({ v: sql<string>`coalesce(max(${reportingRule.updatedAt})::text, '')` }).from(reportingRule);
  // Replacing shares deletes rows: the count moves even when the newest time does not.
  const [shares] = await db.select({ v: sql<string>`count(*) || ':' || coalesce(max(${targetAllocation.updatedAt})::text, '')` }).from(targetAllocation);
  return `${events?.v ?? 0}|${rules?.v ?? ''}|${shares?.v ?? ''}`;
}

/** Every revision of the threads of the given years (for deciding an import's revisions at once). */
export async function listRevisionsOfYears(db: Db, years: number[]) {
  if (!years.length) return [];
  return db
    .select({ id: progressReport.id, indicatorId: progressReport.indicatorId, taskId: progressReport.taskId, periodKey: progressReport.periodKey, regionCode: progressReport.regionCode, revision: progressReport.revision, status: progressReport.status, value: progressReport.value })
    .from(progressReport)
    .where(or(...years.map((y) => like(progressReport.periodKey, `${y}%`))));
}

export type NewReport = Pick<
  typeof progressReport.$inferInsert,
  'indicatorId' | 'taskId' | 'periodKey' | 'regionCode' | 'revision' | 'value' | 'taskStatus' | 'percentComplete' | 'narrative' | 'correctionReason'
>;

/**
 * Inserts many submitted reports by one person in one statement: each column travels as one array
 * parameter and unnest() turns them back into rows (far cheaper than thousands of bound VALUES).
 */
export async function insertReports(db: Db, rows: NewReport[], by: { userId: number; departmentId: number | null; at: Date }): Promise<number[]> {
  const col = <T>(f: (r: NewReport) => T) => sql.param(rows.map(f));
  const result = await db.execute<{ id: number }>(sql`
    insert into ${progressReport} (indicator_id, task_id, period_key, region_code, revision, value, task_status, percent_complete, narrative, correction_reason,
      status, submitted_by, submitted_by_department_id, submitted_at)
    select u.*, 'submitted', ${by.userId}, ${by.departmentId}::int, ${by.at}::timestamptz
    from unnest(${col((r) => r.indicatorId ?? null)}::int[], ${col((r) => r.taskId ?? null)}::int[], ${col((r) => r.periodKey)}::text[],
      ${col((r) => r.regionCode)}::text[], ${col((r) => r.revision)}::int[], ${col((r) => (r.value ?? null) === null ? null : String(r.value))}::numeric[],
      ${col((r) => r.taskStatus ?? null)}::text[], ${col((r) => r.percentComplete ?? null)}::int[], ${col((r) => r.narrative ?? '')}::text[],
      ${col((r) => r.correctionReason ?? null)}::text[]) as u
    returning id`);
  return (result as unknown as { rows: Array<{ id: number }> }).rows.map((r) => Number(r.id)); // both drivers answer { rows }
}


/**
 * The history's first step for reports just inserted by one import (ids first..last, by this user at
 * this instant), written by the database from the rows themselves rather than shipped back in.
 */
export async function insertSubmitEvents(db: Db, range: { firstId: number; lastId: number; userId: number; at: Date }) {
  await db.execute(sql`
    insert into ${reportEvent} (report_id, action, comment, actor_user_id, at)
    select id, case when correction_reason is null then 'submit' else 'correct' end, correction_reason, submitted_by, submitted_at
    from ${progressReport}
    where id between ${range.firstId} and ${range.lastId} and submitted_by = ${range.userId} and submitted_at = ${range.at}`);
}

export async function upsertRule(db: Db, r: { indicatorId: number | null; taskId: number | null; frequency: string; dueDays: number; updatedAt: Date }) {
  const existing = await findRule(db, r.indicatorId !== null ? { indicatorId: r.indicatorId } : { taskId: r.taskId! });
  if (existing) {
    const [row] = await db.update(reportingRule).set({ frequency: r.frequency, dueDays: r.dueDays, updatedAt: r.updatedAt }).where(eq(reportingRule.id, existing.id)).returning();
    return { before: existing, after: row! };
  }
  const [row] = await db.insert(reportingRule).values(r).returning();
  return { before: null, after: row! };
}

/** Sets a user's calendar feed secret (hashed), replacing any earlier one. */
export async function setCalendarFeed(db: Db, userId: number, tokenSha256: string, at: Date) {
  await db.insert(calendarFeed).values({ userId, tokenSha256, createdAt: at }).onConflictDoUpdate({ target: calendarFeed.userId, set: { tokenSha256, createdAt: at } });
}

export async function deleteCalendarFeed(db: Db, userId: number): Promise<boolean> {
  return (await db.delete(calendarFeed).where(eq(calendarFeed.userId, userId)).returning({ userId: calendarFeed.userId })).length > 0;
}

/** The active user behind a feed secret's hash, or null (revoked, disabled). */
export async function findFeedUser(db: Db, tokenSha256: string) {
  const [row] = await db
    .select({ user: appUser })
    .from(calendarFeed)
    .innerJoin(appUser, eq(appUser.id, calendarFeed.userId))
    .where(and(eq(calendarFeed.tokenSha256, tokenSha256), eq(appUser.isDisabled, false)));
  return row?.user ?? null;
}
