import type { Db } from '../../db/client';
import type { Role } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { AuditCtx, Ctx, WriteCtx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { generatePassword, hashPassword } from '../auth/passwords';
import { forgetUser } from '../auth/session-cache';
import * as repo from './repo';
import type { UserBody, UserOut, UserPatch } from './schemas';

type UserRow = Awaited<ReturnType<typeof repo.insertUser>>;

export const userOut = (u: UserRow): UserOut => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  role: u.role as Role,
  regionCode: u.regionCode,
  departmentId: u.departmentId,
  enterpriseId: u.enterpriseId,
  mustChangePassword: u.mustChangePassword,
  isDisabled: u.isDisabled,
});
/** What the audit log keeps of a user: never the password hash. */
const auditable = ({ passwordHash: _h, ...u }: UserRow) => u;

export async function listUsers(ctx: Ctx) {
  return (await repo.listUsers(ctx.db)).map(userOut);
}

/** Checks that the role has the scope it needs (a county user a region, …) and that it exists. */
async function checkScope(db: Db, u: UserBody) {
  const need: Record<Role, keyof UserBody | null> = {
    admin: null,
    steering: null,
    department: 'departmentId',
    county: 'regionCode',
    enterprise: 'enterpriseId',
  };
  const field = need[u.role];
  if (field && u[field] == null) throw new AppError('validation', `角色 ${u.role} 须指定 ${field}`, { pointer: `#/${field}`, field });
  if (u.regionCode && !(await repo.findRegion(db, u.regionCode))) {
    throw new AppError('validation', `行政区划 ${u.regionCode} 不存在`, { pointer: '#/regionCode', field: 'regionCode' });
  }
  if (u.departmentId && !(await repo.findDepartment(db, { id: u.departmentId }))) {
    throw new AppError('validation', `部门 ${u.departmentId} 不存在`, { pointer: '#/departmentId', field: 'departmentId' });
  }
  if (u.enterpriseId && !(await repo.findEnterprise(db, { id: u.enterpriseId }))) {
    throw new AppError('validation', `企业 ${u.enterpriseId} 不存在`, { pointer: '#/enterpriseId', field: 'enterpriseId' });
  }
}

/** Creates a user with a generated initial password, shown once, to be changed at first login. */
export async function createUser(ctx: WriteCtx, body: UserBody) {
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return ctx.db.transaction(async (tx) => {
    await checkScope(tx, body);
    const scoped = {
      regionCode: body.role === 'county' ? body.regionCode : null,
      departmentId: body.role === 'department' ? body.departmentId : null,
      enterpriseId: body.role === 'enterprise' ? body.enterpriseId : null,
    };
    const taken = (await repo.listUsers(tx)).some((u) => u.username.toLowerCase() === body.username.toLowerCase());
    if (taken) throw new AppError('conflict', `用户名 ${body.username} 已存在`, { pointer: '#/username', field: 'username' });
    const row = await repo.insertUser(tx, {
      ...body,
      ...scoped,
      passwordHash,
      mustChangePassword: true,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, { action: 'createUser', entity: 'app_user', entityId: row.id, after: auditable(row) });
    return { ...userOut(row), initialPassword };
  });
}

export async function updateUser(ctx: WriteCtx, id: number, patch: UserPatch) {
  const initialPassword = patch.resetPassword ? generatePassword() : undefined;
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : undefined;
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findUser(tx, id);
    if (!before) throw new AppError('not-found', `用户 ${id} 不存在`);
    if (ctx.actor.kind === 'user' && ctx.actor.userId === id && patch.isDisabled) {
      throw new AppError('conflict', '不能停用自己的账号', { pointer: '#/isDisabled', field: 'isDisabled' });
    }
    const after = await repo.updateUser(tx, id, {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(patch.isDisabled !== undefined ? { isDisabled: patch.isDisabled } : {}),
      ...(passwordHash ? { passwordHash, mustChangePassword: true } : {}),
    });
    forgetUser(ctx.db, id); // a disabled user or a reset password takes effect now
    await recordAudit(tx, ctx, { action: 'updateUser', entity: 'app_user', entityId: id, before: auditable(before), after: auditable(after!) });
    return { ...userOut(after!), ...(initialPassword ? { initialPassword } : {}) };
  });
}

/**
 * The first start creates the admin account with a generated password (printed once);
 * later starts find it and create nothing.
 */
export async function ensureFirstAdmin(db: Db, ctx: AuditCtx): Promise<{ username: string; password: string } | null> {
  if ((await repo.countAdmins(db)) > 0) return null;
  const created = await createUser(
    { ...ctx, db },
    { username: 'admin', displayName: '系统管理员', email: null, role: 'admin', regionCode: null, departmentId: null, enterpriseId: null },
  );
  return { username: created.username, password: created.initialPassword };
}

/** `ecer admin reset-password`: a new one-time password for a user who lost theirs. */
export async function resetPasswordByUsername(db: Db, ctx: AuditCtx, username: string) {
  const user = (await repo.listUsers(db)).find((u) => u.username.toLowerCase() === username.toLowerCase());
  if (!user) throw new AppError('not-found', `用户 ${username} 不存在`);
  const { initialPassword } = await updateUser({ ...ctx, db }, user.id, { resetPassword: true });
  return initialPassword!;
}

