import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, jobRun, notification } from '../../db/schema/index';

export type NewNotice = typeof notification.$inferInsert;

/** Inserts notices; one whose (user, dedupe key) exists already is skipped. Returns those inserted. */
export async function insertNotices(db: Db, notices: NewNotice[]) {
  if (!notices.length) return [];
  return db.insert(notification).values(notices).onConflictDoNothing().returning();
}

export async function listNotices(db: Db, userId: number, limit: number) {
  const rows = await db.select().from(notification).where(eq(notification.userId, userId)).orderBy(desc(notification.id)).limit(limit);
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notification)
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)));
  return { rows, unread: unread?.n ?? 0 };
}

export async function markRead(db: Db, userId: number, id: number | null, at: Date) {
  return db
    .update(notification)
    .set({ readAt: at })
    .where(and(eq(notification.userId, userId), isNull(notification.readAt), id === null ? undefined : eq(notification.id, id)))
    .returning({ id: notification.id });
}

export async function markEmailed(db: Db, id: number, at: Date) {
  await db.update(notification).set({ emailedAt: at }).where(eq(notification.id, id));
}

/** Claims a job for a day; false when it already ran (on this or another server). */
export async function claimJob(db: Db, name: string, day: string, at: Date): Promise<boolean> {
  const rows = await db.insert(jobRun).values({ name, day, startedAt: at }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export const listActiveUsers = (db: Db) => db.select().from(appUser).where(eq(appUser.isDisabled, false));
