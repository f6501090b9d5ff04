import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, referenceValue } from '../../db/schema/index';

export async function listVersions(db: Db) {
  return db
    .select({
      id: referenceValue.id,
      key: referenceValue.key,
      value: referenceValue.value,
      source: referenceValue.source,
      validFrom: referenceValue.validFrom,
      createdBy: referenceValue.createdBy,
      createdByName: appUser.displayName,
      createdAt: referenceValue.createdAt,
    })
    .from(referenceValue)
    .leftJoin(appUser, eq(appUser.id, referenceValue.createdBy))
    .orderBy(asc(referenceValue.key), asc(referenceValue.validFrom));
}

export async function insertVersion(db: Db, v: typeof referenceValue.$inferInsert) {
  const [row] = await db.insert(referenceValue).values(v).returning();
  return row!;
}

/**
 * Writes a shipped version unless the same one is there: a changed shipped file updates its own
 * (shipped) versions, never one entered in the app. Returns whether anything was written.
 */
export async function upsertShipped(db: Db, v: { key: string; validFrom: string; source: string; value: unknown; createdAt: Date }): Promise<boolean> {
  const [same] = await db
    .select({ id: referenceValue.id })
    .from(referenceValue)
    .where(
      and(
        eq(referenceValue.key, v.key),
        eq(referenceValue.validFrom, v.validFrom),
        eq(referenceValue.source, v.source),
        sql`${referenceValue.value} = ${JSON.stringify(v.value)}::jsonb`,
      ),
    );
  if (same) return false;
  const rows = await db
    .insert(referenceValue)
    .values({ ...v, createdBy: null })
    .onConflictDoUpdate({ target: [referenceValue.key, referenceValue.validFrom], set: { value: v.value, source: v.source }, setWhere: isNull(referenceValue.createdBy) })
    .returning({ id: referenceValue.id });
  return rows.length > 0;
}

export async function findVersion(db: Db, key: string, validFrom: string) {
  const [row] = await db.select().from(referenceValue).where(and(eq(referenceValue.key, key), eq(referenceValue.validFrom, validFrom)));
  return row ?? null;
}
