import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, loginFailure, session } from '../../db/schema/index';

export async function findUserByUsername(db: Db, username: string) {
  const [row] = await db.select().from(appUser).where(eq(sql`lower(${appUser.username})`, username.toLowerCase()));
  return row ?? null;
}

export async function findUserById(db: Db, id: number) {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id));
  return row ?? null;
}

/** The live session for a token hash, with its user (disabled users have none). */
export async function findSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session, user: appUser })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, now), eq(appUser.isDisabled, false)));
  return row ?? null;
}

export async function insertSession(db: Db, s: typeof session.$inferInsert) {
  await db.insert(session).values(s);
}

export async function extendSession(db: Db, tokenHash: string, expiresAt: Date) {
  await db.update(session).set({ expiresAt }).where(eq(session.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

/** Removes every other session of a user (after a password change). */
export async function deleteOtherSessions(db: Db, userId: number, keepTokenHash: string) {
  await db.delete(session).where(and(eq(session.userId, userId), sql`${session.tokenHash} <> ${keepTokenHash}`));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(session).where(lt(session.expiresAt, now));
}

export async function countFailures(db: Db, username: string, ip: string, since: Date) {
  const [byUser] = await db
    .select({ n: count() })
    .from(loginFailure)
    .where(and(eq(loginFailure.username, username.toLowerCase()), gt(loginFailure.at, since)));
  const [byIp] = await db.select({ n: count() }).from(loginFailure).where(and(eq(loginFailure.ip, ip), gt(loginFailure.at, since)));
  return { byUser: byUser?.n ?? 0, byIp: byIp?.n ?? 0 };
}

export async function insertFailure(db: Db, username: string, ip: string, at: Date) {
  await db.insert(loginFailure).values({ username: username.toLowerCase(), ip, at });
}

/** Forgets failures that no longer count, so the table stays small. */
export async function deleteOldFailures(db: Db, before: Date) {
  await db.delete(loginFailure).where(lt(loginFailure.at, before));
}

export async function clearFailures(db: Db, username: string) {
  await db.delete(loginFailure).where(eq(loginFailure.username, username.toLowerCase()));
}

export async function updatePassword(db: Db, userId: number, passwordHash: string, at: Date) {
  const [row] = await db
    .update(appUser)
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: at })
    .where(eq(appUser.id, userId))
    .returning();
  return row ?? null;
}
