import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Role, UserActor } from '../../domain/access';
import { isThrottled, passwordWeakness, type ThrottlePolicy } from '../../domain/auth/password';
import { AppError } from '../../domain/errors';
import type { Db } from '../../db/client';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { dummyVerify, hashPassword, verifyPassword } from './passwords';
import { userOut } from '../org/users.service';
import * as repo from './repo';
import { cachedActor, forgetToken, forgetUser, rememberActor } from './session-cache';
import type { ChangePasswordBody, LoginBody, MeOut } from './schemas';

export const THROTTLE: ThrottlePolicy = { maxPerUser: 5, maxPerIp: 30, windowMs: 15 * 60_000 };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

export function actorOf(u: UserRow): UserActor {
  return {
    kind: 'user',
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    regionCode: u.regionCode,
    departmentId: u.departmentId,
    enterpriseId: u.enterpriseId,
    mustChangePassword: u.mustChangePassword,
  };
}

export function meOf(u: UserRow): MeOut {
  const { isDisabled: _d, ...user } = userOut(u);
  return { ...user, locale: u.locale };
}

/** The actor behind a session cookie; slides the expiry when a tenth of the idle time has passed. */
export async function resolveSession(db: Db, token: string | undefined, now: Date, idleMs: number): Promise<Actor> {
  if (!token) return { kind: 'public' };
  const tokenHash = hashToken(token);
  const cached = cachedActor(db, tokenHash, now.getTime());
  if (cached) return cached;
  const found = await repo.findSession(db, tokenHash, now);
  if (!found) return { kind: 'public' };
  let expiresAt = found.session.expiresAt.getTime();
  if (now.getTime() > expiresAt - idleMs * 0.9) {
    expiresAt = now.getTime() + idleMs;
    await repo.extendSession(db, tokenHash, new Date(expiresAt));
  }
  const actor = actorOf(found.user);
  rememberActor(db, tokenHash, actor, now.getTime(), expiresAt);
  return actor;
}

/**
 * Checks the password and opens a new session (a new token every login: no fixation).
 * Failures are counted per username and address; past the limit, 429 until the window passes.
 */
export async function login(ctx: Ctx, body: LoginBody, oldToken: string | undefined, idleMs: number) {
  const ip = ctx.ip ?? 'unknown';
  const since = new Date(ctx.now.getTime() - THROTTLE.windowMs);
  const failures = await repo.countFailures(ctx.db, body.username, ip, since);
  if (isThrottled(failures.byUser, failures.byIp, THROTTLE)) {
    throw new AppError('too-many-attempts', `登录失败次数过多，请 ${THROTTLE.windowMs / 60_000} 分钟后再试`, undefined, {
      retryAfterSeconds: THROTTLE.windowMs / 1000,
    });
  }
  const user = await repo.findUserByUsername(ctx.db, body.username);
  const ok = user && !user.isDisabled ? await verifyPassword(user.passwordHash, body.password) : (await dummyVerify(body.password), false);
  if (!user || !ok) {
    await ctx.db.transaction(async (tx) => {
      await repo.deleteOldFailures(tx, since);
      await repo.insertFailure(tx, body.username, ip, ctx.now);
      await recordAudit(tx, ctx, { action: 'loginFailed', entity: 'session', after: { username: body.username } });
    });
    throw new AppError('invalid-credentials', '用户名或密码错误');
  }
  const token = randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    if (oldToken) {
      await repo.deleteSession(tx, hashToken(oldToken));
      forgetToken(ctx.db, hashToken(oldToken));
    }
    await repo.insertSession(tx, { tokenHash: hashToken(token), userId: user.id, createdAt: ctx.now, expiresAt: new Date(ctx.now.getTime() + idleMs) });
    await repo.clearFailures(tx, body.username);
    await recordAudit(tx, { ...ctx, actor: actorOf(user) }, { action: 'login', entity: 'session', entityId: user.id });
  });
  return { token, me: meOf(user) };
}

export async function logout(ctx: Ctx, token: string | undefined) {
  if (!token) return;
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, hashToken(token));
    forgetToken(ctx.db, hashToken(token));
    await recordAudit(tx, ctx, { action: 'logout', entity: 'session', entityId: ctx.actor.kind === 'user' ? ctx.actor.userId : null });
  });
}

export async function getMe(ctx: Ctx): Promise<MeOut> {
  const user = ctx.actor.kind === 'user' ? await repo.findUserById(ctx.db, ctx.actor.userId) : null;
  if (!user) throw new AppError('unauthenticated', '请先登录');
  return meOf(user);
}

/** Changes one's own password; ends every other session of the user. */
export async function changePassword(ctx: Ctx, body: ChangePasswordBody, token: string | undefined): Promise<MeOut> {
  const user = ctx.actor.kind === 'user' ? await repo.findUserById(ctx.db, ctx.actor.userId) : null;
  if (!user) throw new AppError('unauthenticated', '请先登录');
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw new AppError('invalid-credentials', '当前密码不正确', { pointer: '#/currentPassword', field: 'currentPassword' });
  }
  const weakness = passwordWeakness(body.newPassword, user.username);
  if (weakness) throw new AppError('password-too-weak', weakness, { pointer: '#/newPassword', field: 'newPassword' });
  if (body.newPassword === body.currentPassword) {
    throw new AppError('password-too-weak', '新密码不能与当前密码相同', { pointer: '#/newPassword', field: 'newPassword' });
  }
  const passwordHash = await hashPassword(body.newPassword);
  return ctx.db.transaction(async (tx) => {
    const updated = await repo.updatePassword(tx, user.id, passwordHash, ctx.now);
    if (!updated) throw new AppError('not-found', '用户不存在');
    if (token) await repo.deleteOtherSessions(tx, user.id, hashToken(token));
    forgetUser(ctx.db, user.id);
    await recordAudit(tx, ctx, { action: 'changePassword', entity: 'app_user', entityId: user.id });
    return meOf(updated);
  });
}

/** Housekeeping at start-up: sessions past their expiry are removed. */
export async function purgeExpiredSessions(db: Db, now: Date) {
  await repo.deleteExpiredSessions(db, now);
}
