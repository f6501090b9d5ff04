import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import {
  department,
  indicator,
  indicatorDepartment,
  plan,
  planChapter,
  planSection,
  task,
  taskDepartment,
  taskRegion,
} from '../../db/schema/index';

export async function findPlan(db: Db, code: string) {
  const [row] = await db.select().from(plan).where(eq(plan.code, code));
  return row ?? null;
}

export async function findPlanHash(db: Db, code: string) {
  const [row] = await db.select({ id: plan.id, contentHash: plan.contentHash }).from(plan).where(eq(plan.code, code));
  return row ?? null;
}

export const listPlans = (db: Db) => db.select().from(plan).orderBy(asc(plan.periodStart), asc(plan.id));

export async function upsertPlan(db: Db, p: typeof plan.$inferInsert) {
  const [row] = await db.insert(plan).values(p).onConflictDoUpdate({ target: plan.code, set: p }).returning();
  return row!;
}

export async function upsertChapter(db: Db, c: typeof planChapter.$inferInsert) {
  const [row] = await db
    .insert(planChapter)
    .values(c)
    .onConflictDoUpdate({ target: [planChapter.planId, planChapter.no], set: { title: c.title } })
    .returning();
  return row!;
}

export async function upsertSection(db: Db, s: typeof planSection.$inferInsert) {
  const [row] = await db
    .insert(planSection)
    .values(s)
    .onConflictDoUpdate({ target: [planSection.chapterId, planSection.no], set: s })
    .returning();
  return row!;
}

export async function upsertTask(db: Db, t: typeof task.$inferInsert) {
  const [row] = await db.insert(task).values(t).onConflictDoUpdate({ target: [task.planId, task.code], set: t }).returning();
  return row!;
}

export async function upsertIndicator(db: Db, x: typeof indicator.$inferInsert) {
  const [row] = await db
    .insert(indicator)
    .values(x)
    .onConflictDoUpdate({ target: [indicator.planId, indicator.code], set: x })
    .returning();
  return row!;
}

export async function replaceTaskLinks(db: Db, taskId: number, depts: Array<{ departmentId: number; role: string }>, regions: string[]) {
  await db.delete(taskDepartment).where(eq(taskDepartment.taskId, taskId));
  await db.delete(taskRegion).where(eq(taskRegion.taskId, taskId));
  if (depts.length) await db.insert(taskDepartment).values(depts.map((d) => ({ ...d, taskId })));
  if (regions.length) await db.insert(taskRegion).values(regions.map((regionCode) => ({ taskId, regionCode })));
}

export async function replaceIndicatorDepartments(db: Db, indicatorId: number, departmentIds: number[]) {
  await db.delete(indicatorDepartment).where(eq(indicatorDepartment.indicatorId, indicatorId));
  if (departmentIds.length) {
    await db.insert(indicatorDepartment).values(departmentIds.map((departmentId, sort) => ({ indicatorId, departmentId, sort })));
  }
}

/** Removes what a new version of the plan file no longer has. */
export async function deleteStale(db: Db, planId: number, keep: { chapterIds: number[]; sectionIds: number[]; taskIds: number[]; indicatorIds: number[] }) {
  const not = (col: AnyPgColumn, ids: number[]) => (ids.length ? notInArray(col, ids) : undefined);
  await db.delete(task).where(and(eq(task.planId, planId), not(task.id, keep.taskIds)));
  await db.delete(indicator).where(and(eq(indicator.planId, planId), not(indicator.id, keep.indicatorIds)));
  await db.delete(planSection).where(and(eq(planSection.planId, planId), not(planSection.id, keep.sectionIds)));
  await db.delete(planChapter).where(and(eq(planChapter.planId, planId), not(planChapter.id, keep.chapterIds)));
}

/** Every row of one plan, for assembling its tree. */
export async function loadPlanRows(db: Db, planId: number) {
  const chapters = await db.select().from(planChapter).where(eq(planChapter.planId, planId)).orderBy(asc(planChapter.no));
  const sections = await db.select().from(planSection).where(eq(planSection.planId, planId)).orderBy(asc(planSection.no));
  const tasks = await db.select().from(task).where(eq(task.planId, planId)).orderBy(asc(task.sort));
  const indicators = await db.select().from(indicator).where(eq(indicator.planId, planId)).orderBy(asc(indicator.sort));
  const taskIds = tasks.map((t) => t.id);
  const indicatorIds = indicators.map((x) => x.id);
  const taskDepts = taskIds.length
    ? await db
        .select({ taskId: taskDepartment.taskId, role: taskDepartment.role, id: department.id, name: department.name, sort: department.sort })
        .from(taskDepartment)
        .innerJoin(department, eq(department.id, taskDepartment.departmentId))
        .where(inArray(taskDepartment.taskId, taskIds))
    : [];
  const taskRegions = taskIds.length ? await db.select().from(taskRegion).where(inArray(taskRegion.taskId, taskIds)) : [];
  const indicatorDepts = indicatorIds.length
    ? await db
        .select({ indicatorId: indicatorDepartment.indicatorId, sort: indicatorDepartment.sort, id: department.id, name: department.name })
        .from(indicatorDepartment)
        .innerJoin(department, eq(department.id, indicatorDepartment.departmentId))
        .where(inArray(indicatorDepartment.indicatorId, indicatorIds))
        .orderBy(asc(indicatorDepartment.sort))
    : [];
  return { chapters, sections, tasks, indicators, taskDepts, taskRegions, indicatorDepts };
}
