import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutionQuota, institutionUse, publicInstitution, region } from '../../db/schema/index';

/** 公共机构 queries; callers pass the regions the actor may read (null: all). */

export type InstitutionRow = typeof publicInstitution.$inferSelect & { regionName: string };
export type UseRow = typeof institutionUse.$inferSelect;
export type QuotaRow = typeof institutionQuota.$inferSelect;
export type InstitutionFilter = { regionCode?: string; kind?: string; level?: string; regionCodes: readonly string[] | null };

export async function listInstitutions(db: Db, f: InstitutionFilter): Promise<InstitutionRow[]> {
  const where: SQL[] = [];
  if (f.regionCodes) where.push(inArray(publicInstitution.regionCode, [...f.regionCodes]));
  if (f.regionCode) where.push(eq(publicInstitution.regionCode, f.regionCode));
  if (f.kind) where.push(eq(publicInstitution.kind, f.kind));
  if (f.level) where.push(eq(publicInstitution.level, f.level));
  const rows = await db
    .select({ i: publicInstitution, regionName: region.name })
    .from(publicInstitution)
    .innerJoin(region, eq(region.code, publicInstitution.regionCode))
    .where(and(...where))
    .orderBy(asc(region.sort), asc(publicInstitution.regionCode), asc(publicInstitution.name), asc(publicInstitution.id));
  return rows.map((r) => ({ ...r.i, regionName: r.regionName }));
}

export async function findInstitution(db: Db, id: number): Promise<InstitutionRow | null> {
  const [row] = await db.select({ i: publicInstitution, regionName: region.name }).from(publicInstitution).innerJoin(region, eq(region.code, publicInstitution.regionCode)).where(eq(publicInstitution.id, id));
  return row ? { ...row.i, regionName: row.regionName } : null;
}

export async function findInstitutionByName(db: Db, regionCode: string, name: string) {
  const [row] = await db.select().from(publicInstitution).where(and(eq(publicInstitution.regionCode, regionCode), eq(publicInstitution.name, name)));
  return row ?? null;
}

export async function insertInstitution(db: Db, values: typeof publicInstitution.$inferInsert) {
  const [row] = await db.insert(publicInstitution).values(values).returning();
  return row!;
}

export async function updateInstitution(db: Db, id: number, patch: Partial<typeof publicInstitution.$inferInsert>) {
  const [row] = await db.update(publicInstitution).set(patch).where(eq(publicInstitution.id, id)).returning();
  return row!;
}

/** The uses of some institutions (all years, or one). */
export async function listUses(db: Db, institutionIds: readonly number[], year?: number): Promise<UseRow[]> {
  if (!institutionIds.length) return [];
  const where = [inArray(institutionUse.institutionId, [...institutionIds])];
  if (year !== undefined) where.push(eq(institutionUse.year, year));
  return db.select().from(institutionUse).where(and(...where)).orderBy(asc(institutionUse.institutionId), asc(institutionUse.year));
}

export async function findUse(db: Db, institutionId: number, year: number): Promise<UseRow | null> {
  const [row] = await db.select().from(institutionUse).where(and(eq(institutionUse.institutionId, institutionId), eq(institutionUse.year, year)));
  return row ?? null;
}

export async function upsertUse(db: Db, values: typeof institutionUse.$inferInsert) {
  const { institutionId: _, year: __, ...set } = values;
  const [row] = await db.insert(institutionUse).values(values).onConflictDoUpdate({ target: [institutionUse.institutionId, institutionUse.year], set }).returning();
  return row!;
}

export async function listQuotas(db: Db, institutionIds: readonly number[], year?: number): Promise<QuotaRow[]> {
  if (!institutionIds.length) return [];
  const where = [inArray(institutionQuota.institutionId, [...institutionIds])];
  if (year !== undefined) where.push(eq(institutionQuota.year, year));
  return db.select().from(institutionQuota).where(and(...where)).orderBy(asc(institutionQuota.year), asc(institutionQuota.kind));
}

export async function findQuota(db: Db, institutionId: number, year: number, kind: string): Promise<QuotaRow | null> {
  const [row] = await db.select().from(institutionQuota).where(and(eq(institutionQuota.institutionId, institutionId), eq(institutionQuota.year, year), eq(institutionQuota.kind, kind)));
  return row ?? null;
}

export async function upsertQuota(db: Db, values: typeof institutionQuota.$inferInsert) {
  const { institutionId: _, year: __, kind: ___, ...set } = values;
  const [row] = await db
    .insert(institutionQuota)
    .values(values)
    .onConflictDoUpdate({ target: [institutionQuota.institutionId, institutionQuota.year, institutionQuota.kind], set })
    .returning();
  return row!;
}
