import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser, department, enterprise, region } from '../../db/schema/index';
import type { RowScope } from '../../domain/access';

export const listRegions = (db: Db) => db.select().from(region).orderBy(asc(region.sort), asc(region.code));
export const listDepartments = (db: Db) => db.select().from(department).orderBy(asc(department.sort), asc(department.id));

export async function findRegion(db: Db, code: string) {
  const [row] = await db.select().from(region).where(eq(region.code, code));
  return row ?? null;
}

export async function findDepartment(db: Db, by: { id: number } | { code: string }) {
  const [row] = await db
    .select()
    .from(department)
    .where('id' in by ? eq(department.id, by.id) : eq(department.code, by.code));
  return row ?? null;
}

export async function upsertRegion(db: Db, r: typeof region.$inferInsert) {
  await db.insert(region).values(r).onConflictDoUpdate({ target: region.code, set: r });
}

export async function upsertDepartment(db: Db, d: typeof department.$inferInsert) {
  await db.insert(department).values(d).onConflictDoUpdate({ target: department.code, set: d });
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

function scopeWhere(scope: RowScope) {
  if ('all' in scope) return undefined;
  if ('regionCode' in scope) return eq(enterprise.regionCode, scope.regionCode);
  if ('enterpriseId' in scope) return eq(enterprise.id, scope.enterpriseId);
  return sql`false`;
}

/** Enterprises within the actor's scope, optionally by region and name/USCC text. */
export async function listEnterprises(db: Db, scope: RowScope, f: { regionCode?: string; q?: string }) {
  return db
    .select()
    .from(enterprise)
    .where(
      and(
        scopeWhere(scope),
        f.regionCode ? eq(enterprise.regionCode, f.regionCode) : undefined,
        f.q ? or(ilike(enterprise.name, `%${escapeLike(f.q)}%`), ilike(enterprise.uscc, `%${escapeLike(f.q)}%`)) : undefined,
      ),
    )
    .orderBy(asc(enterprise.id))
    .limit(1000);
}

export async function findEnterprise(db: Db, by: { id: number } | { uscc: string }) {
  const [row] = await db
    .select()
    .from(enterprise)
    .where('id' in by ? eq(enterprise.id, by.id) : eq(enterprise.uscc, by.uscc));
  return row ?? null;
}

export async function insertEnterprise(db: Db, e: typeof enterprise.$inferInsert) {
  const [row] = await db.insert(enterprise).values(e).returning();
  return row!;
}

export async function updateEnterprise(db: Db, id: number, patch: Partial<typeof enterprise.$inferInsert>) {
  const [row] = await db.update(enterprise).set(patch).where(eq(enterprise.id, id)).returning();
  return row ?? null;
}

export const listUsers = (db: Db) => db.select().from(appUser).orderBy(asc(appUser.id));

export async function findUser(db: Db, id: number) {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id));
  return row ?? null;
}

export async function countAdmins(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(appUser).where(eq(appUser.role, 'admin'));
  return row?.n ?? 0;
}

export async function insertUser(db: Db, u: typeof appUser.$inferInsert) {
  const [row] = await db.insert(appUser).values(u).returning();
  return row!;
}

export async function updateUser(db: Db, id: number, patch: Partial<typeof appUser.$inferInsert>) {
  const [row] = await db.update(appUser).set(patch).where(eq(appUser.id, id)).returning();
  return row ?? null;
}
