import { and, count, desc, eq, isNull, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { appUser, publication } from '../../db/schema/index';

export type PublicationRow = typeof publication.$inferSelect;

const withdrawer = alias(appUser, 'withdrawer');

/** Every publication, newest first, without its snapshot, with who published and who withdrew it. */
export async function listHistory(db: Db) {
  return db
    .select({
      id: publication.id,
      dataset: publication.dataset,
      periodKey: publication.periodKey,
      title: publication.title,
      publishedAt: publication.publishedAt,
      publishedByName: appUser.displayName,
      withdrawnAt: publication.withdrawnAt,
      withdrawnByName: withdrawer.displayName,
      withdrawReason: publication.withdrawReason,
    })
    .from(publication)
    .innerJoin(appUser, eq(appUser.id, publication.publishedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, publication.withdrawnBy))
    .orderBy(desc(publication.publishedAt), desc(publication.id));
}

export async function findPublication(db: Db, id: number) {
  const [row] = await db.select().from(publication).where(eq(publication.id, id));
  return row ?? null;
}

export async function insertPublication(db: Db, p: typeof publication.$inferInsert) {
  const [row] = await db.insert(publication).values(p).returning();
  return row!;
}

/** Marks a publication withdrawn; null when it was withdrawn already (a concurrent click). */
export async function withdrawPublication(db: Db, id: number, w: { by: number; at: Date; reason: string }) {
  const [row] = await db
    .update(publication)
    .set({ withdrawnBy: w.by, withdrawnAt: w.at, withdrawReason: w.reason })
    .where(and(eq(publication.id, id), isNull(publication.withdrawnAt)))
    .returning();
  return row ?? null;
}

/**
 * What the public sees: per (dataset, period) the latest publication, unless that one is withdrawn (withdrawing
 * takes the period off the public site; an older version does not come back).
 */
export async function listLatest(db: Db): Promise<PublicationRow[]> {
  const latest = await db
    .selectDistinctOn([publication.dataset, publication.periodKey])
    .from(publication)
    .orderBy(publication.dataset, publication.periodKey, desc(publication.publishedAt), desc(publication.id));
  return latest.filter((r) => r.withdrawnAt === null);
}

/** Changes whenever a publication is added or withdrawn: the public cache's key. */
export async function publicationVersion(db: Db): Promise<string> {
  const [row] = await db.select({ id: max(publication.id), withdrawn: count(publication.withdrawnAt), lastWithdrawn: max(publication.withdrawnAt) }).from(publication);
  return `${row?.id ?? 0}:${row?.withdrawn ?? 0}:${row?.lastWithdrawn ? new Date(row.lastWithdrawn).getTime() : 0}`;
}

