import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import { appUser, department, enterprise, indicator, progressReport, task } from '../src/db/schema/index';
import type { Role } from '../src/domain/access';
import { usccCheckChar } from '../src/domain/org/uscc';
import { hashPassword } from '../src/modules/auth/passwords';

export const TEST_PASSWORD = 'Ganzhou-test-2025';
let passwordHash: Promise<string> | null = null;
let n = 0;

/** A valid USCC made from a counter (GB 32100-2015 check digit computed). */
export function makeUscc(seq = ++n): string {
  const body = `91360700MA${String(seq).padStart(7, '0')}`;
  return body + usccCheckChar(body);
}

export async function departmentId(db: Db, name: string): Promise<number> {
  const [row] = await db.select({ id: department.id }).from(department).where(eq(department.name, name));
  if (!row) throw new Error(`no department ${name}`);
  return row.id;
}

/** The id of the plan's indicator with the code (I03 …), as the seed data holds it. */
export async function indicatorId(db: Db, code: string): Promise<number> {
  const [row] = await db.select({ id: indicator.id }).from(indicator).where(eq(indicator.code, code));
  if (!row) throw new Error(`no indicator ${code}`);
  return row.id;
}

export async function makeEnterprise(db: Db, overrides: Partial<typeof enterprise.$inferInsert> = {}) {
  const now = new Date();
  const [row] = await db
    .insert(enterprise)
    .values({ uscc: makeUscc(), name: `测试企业${++n}`, regionCode: '360702', createdAt: now, updatedAt: now, ...overrides })
    .returning();
  return row!;
}

/** Inserts a user with TEST_PASSWORD; creates the scope it needs (an enterprise) when not given. */
export async function makeUser(db: Db, role: Role, overrides: Partial<typeof appUser.$inferInsert> = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const scope: Partial<typeof appUser.$inferInsert> = {};
  if (role === 'county') scope.regionCode = '360702';
  if (role === 'department') scope.departmentId = await departmentId(db, '市生态环境局');
  if (role === 'enterprise' && !overrides.enterpriseId) scope.enterpriseId = (await makeEnterprise(db)).id;
  const [row] = await db
    .insert(appUser)
    .values({
      username: `${role}${++n}`,
      displayName: `测试${role}`,
      passwordHash: await passwordHash,
      role,
      mustChangePassword: false,
      createdAt: new Date(),
      ...scope,
      ...overrides,
    })
    .returning();
  return row!;
}

/** A submitted task report (revision 1) for a region, by the given user. */
export async function makeReport(db: Db, o: { taskCode: string; regionCode: string; submittedBy: number; periodKey?: string }) {
  const [t] = await db.select({ id: task.id }).from(task).where(eq(task.code, o.taskCode));
  const [row] = await db
    .insert(progressReport)
    .values({
      taskId: t!.id,
      periodKey: o.periodKey ?? '2025-Q1',
      regionCode: o.regionCode,
      revision: 1,
      status: 'submitted',
      taskStatus: 'on-track',
      percentComplete: 40,
      narrative: '按计划推进',
      submittedBy: o.submittedBy,
      submittedAt: new Date(),
    })
    .returning();
  return row!;
}
