import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, energyAccount, energyAccountEvent, energyAnnualTarget, energyTarget, energyTargetAdjustment } from '../../db/schema/index';

export type AccountRow = typeof energyAccount.$inferSelect;

/** Every revision of one region's account for a period, oldest first. */
export async function listRevisions(db: Db, regionCode: string, periodKey: string) {
  return db
    .select()
    .from(energyAccount)
    .where(and(eq(energyAccount.regionCode, regionCode), eq(energyAccount.periodKey, periodKey)))
    .orderBy(asc(energyAccount.revision));
}

export async function findAccount(db: Db, id: number) {
  const [row] = await db.select().from(energyAccount).where(eq(energyAccount.id, id));
  return row ?? null;
}

export async function insertAccount(db: Db, r: typeof energyAccount.$inferInsert) {
  const [row] = await db.insert(energyAccount).values(r).returning();
  return row!;
}

export async function setStatus(db: Db, ids: number[], status: string) {
  if (ids.length) await db.update(energyAccount).set({ status }).where(inArray(energyAccount.id, ids));
}

export async function insertEvent(db: Db, e: typeof energyAccountEvent.$inferInsert) {
  await db.insert(energyAccountEvent).values(e);
}

export async function listEvents(db: Db, accountIds: number[]) {
  if (!accountIds.length) return [];
  return db
    .select({ id: energyAccountEvent.id, accountId: energyAccountEvent.accountId, action: energyAccountEvent.action, comment: energyAccountEvent.comment, at: energyAccountEvent.at, actorName: appUser.displayName })
    .from(energyAccountEvent)
    .innerJoin(appUser, eq(appUser.id, energyAccountEvent.actorUserId))
    .where(inArray(energyAccountEvent.accountId, accountIds))
    .orderBy(asc(energyAccountEvent.id));
}

/** Accounts in a scope (one region, or all), optionally only approved ones or one year's periods, newest first. */
export async function listAccounts(db: Db, f: { regionCode?: string; status?: string; year?: number; annualOnly?: boolean }) {
  return db
    .select()
    .from(energyAccount)
    .where(
      and(
        f.regionCode ? eq(energyAccount.regionCode, f.regionCode) : undefined,
        f.status ? eq(energyAccount.status, f.status) : undefined,
        f.year !== undefined ? like(energyAccount.periodKey, `${f.year}%`) : undefined,
        f.annualOnly ? sql`length(${energyAccount.periodKey}) = 4` : undefined,
      ),
    )
    .orderBy(desc(energyAccount.periodKey), asc(energyAccount.regionCode), asc(energyAccount.revision));
}

export const listTargets = (db: Db) => db.select().from(energyTarget).orderBy(asc(energyTarget.regionCode));
export const listAnnualTargets = (db: Db) => db.select().from(energyAnnualTarget).orderBy(asc(energyAnnualTarget.regionCode), asc(energyAnnualTarget.year));

export async function upsertTarget(db: Db, t: typeof energyTarget.$inferInsert) {
  await db.insert(energyTarget).values(t).onConflictDoUpdate({ target: [energyTarget.regionCode, energyTarget.baseYear], set: { years: t.years, basic: t.basic, incentive: t.incentive, source: t.source, updatedAt: t.updatedAt } });
}

export async function replaceAnnualTargets(db: Db, regionCode: string, rows: Array<typeof energyAnnualTarget.$inferInsert>) {
  await db.delete(energyAnnualTarget).where(eq(energyAnnualTarget.regionCode, regionCode));
  if (rows.length) await db.insert(energyAnnualTarget).values(rows);
}

export async function latestAdjustment(db: Db, regionCode: string, year: number) {
  const [row] = await db
    .select()
    .from(energyTargetAdjustment)
    .where(and(eq(energyTargetAdjustment.regionCode, regionCode), eq(energyTargetAdjustment.year, year)))
    .orderBy(desc(energyTargetAdjustment.id))
    .limit(1);
  return row ?? null;
}

export async function insertAdjustment(db: Db, a: typeof energyTargetAdjustment.$inferInsert) {
  await db.insert(energyTargetAdjustment).values(a);
}

export const listAdjustments = (db: Db, regionCode?: string) =>
  db
    .select()
    .from(energyTargetAdjustment)
    .where(regionCode ? eq(energyTargetAdjustment.regionCode, regionCode) : undefined)
    .orderBy(asc(energyTargetAdjustment.id));

/** Moves whenever an account is submitted or reviewed, or a target changes (for caches of evaluations). */
export async function dualControlVersion(db: Db): Promise<string> {
  const [row] = await db
    .select({
      events: sql<string>`(SELECT coalesce(max(${energyAccountEvent.id}), 0)::text FROM ${energyAccountEvent})`,
      targets: sql<string>`(SELECT count(*) || ':' || coalesce(max(${energyTarget.updatedAt})::text, '') FROM ${energyTarget})`,
      annual: sql<string>`(SELECT count(*) || ':' || coalesce(max(${energyAnnualTarget.updatedAt})::text, '') FROM ${energyAnnualTarget})`,
    })
    .from(sql`(SELECT 1) AS one`);
  return `${row!.events}|${row!.targets}|${row!.annual}`;
}
