import { and, count, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { commitment, commitmentUpdate, enterprise, region } from '../../db/schema/index';

export type CommitmentRow = typeof commitment.$inferSelect & { regionName: string | null };
export type CommitmentUpdateRow = typeof commitmentUpdate.$inferSelect;

/** Which commitments a list may return: the public's (published), one enterprise's, or by review status. */
export type CommitmentFilter = { status?: string; kind?: string; regionCode?: string; enterpriseId?: number };

export async function listCommitments(db: Db, f: CommitmentFilter): Promise<CommitmentRow[]> {
  const where: SQL[] = [];
  if (f.status) where.push(eq(commitment.status, f.status));
  if (f.kind) where.push(eq(commitment.kind, f.kind));
  if (f.regionCode) where.push(eq(commitment.regionCode, f.regionCode));
  if (f.enterpriseId !== undefined) where.push(eq(commitment.enterpriseId, f.enterpriseId));
  const rows = await db
    .select({ c: commitment, regionName: region.name })
    .from(commitment)
    .leftJoin(region, eq(region.code, commitment.regionCode))
    .where(and(...where))
    .orderBy(desc(commitment.createdAt), desc(commitment.id));
  return rows.map((r) => ({ ...r.c, regionName: r.regionName }));
}

export async function findCommitment(db: Db, id: number): Promise<CommitmentRow | null> {
  const [row] = await db
    .select({ c: commitment, regionName: region.name })
    .from(commitment)
    .leftJoin(region, eq(region.code, commitment.regionCode))
    .where(eq(commitment.id, id));
  return row ? { ...row.c, regionName: row.regionName } : null;
}

/** The updates of the given commitments, latest as-of date first (then latest entered). */
export async function listUpdates(db: Db, commitmentIds: number[]): Promise<CommitmentUpdateRow[]> {
  if (commitmentIds.length === 0) return [];
  return db
    .select()
    .from(commitmentUpdate)
    .where(inArray(commitmentUpdate.commitmentId, commitmentIds))
    .orderBy(desc(commitmentUpdate.asOf), desc(commitmentUpdate.id));
}

export async function insertCommitment(db: Db, c: typeof commitment.$inferInsert) {
  const [row] = await db.insert(commitment).values(c).returning();
  return row!;
}

export async function updateCommitment(db: Db, id: number, set: Partial<typeof commitment.$inferInsert>) {
  const [row] = await db.update(commitment).set(set).where(eq(commitment.id, id)).returning();
  return row!;
}

export async function insertUpdate(db: Db, u: typeof commitmentUpdate.$inferInsert) {
  const [row] = await db.insert(commitmentUpdate).values(u).returning();
  return row!;
}

export async function countCommitmentsFromSource(db: Db, sourceHash: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(commitment)
    .where(and(eq(commitment.sourceHash, sourceHash), gte(commitment.createdAt, since)));
  return row?.n ?? 0;
}

export async function findEnterprise(db: Db, id: number) {
  const [row] = await db.select({ id: enterprise.id, name: enterprise.name, regionCode: enterprise.regionCode }).from(enterprise).where(eq(enterprise.id, id));
  return row ?? null;
}

export async function regionExists(db: Db, code: string) {
  const [row] = await db.select({ code: region.code }).from(region).where(eq(region.code, code));
  return !!row;
}

/** Public commitments are made one at a time, so the count by source below holds against a burst. */
export async function lockPublicCommitments(tx: Db) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('commitment:public'))`);
}
