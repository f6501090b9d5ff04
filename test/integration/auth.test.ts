import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { session } from '../../src/db/schema/index';
import { makeUser, TEST_PASSWORD } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

describeEachDb('auth', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('answers 401 problem+json before login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ type: '/problems/unauthenticated', title: '请先登录', status: 401, code: 'unauthenticated' });
  });

  it('logs in with a secure session cookie and logs out', async () => {
    const u = await makeUser(t.database.db, 'steering');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'ecer_session')!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(c.maxAge).toBeGreaterThan(0);
    const cookie = `ecer_session=${c.value}`;
    expect((await t.app.inject(as(cookie, { method: 'GET', url: '/api/auth/me' }))).json()).toMatchObject({ username: u.username, role: 'steering' });
    expect((await t.app.inject(as(cookie, { method: 'POST', url: '/api/auth/logout' }))).statusCode).toBe(200);
    expect((await t.app.inject(as(cookie, { method: 'GET', url: '/api/auth/me' }))).statusCode).toBe(401);
  });

  it('rotates the session on login: the old token dies', async () => {
    const u = await makeUser(t.database.db, 'county');
    const first = await loginAs(t.app, u.username);
    const res = await t.app.inject(as(first, { method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD } }));
    const second = `ecer_session=${res.cookies.find((x) => x.name === 'ecer_session')!.value}`;
    expect(second).not.toBe(first);
    expect((await t.app.inject(as(first, { method: 'GET', url: '/api/auth/me' }))).statusCode).toBe(401);
    expect((await t.app.inject(as(second, { method: 'GET', url: '/api/auth/me' }))).statusCode).toBe(200);
  });

  it('rejects a wrong password without saying which part was wrong, then throttles', async () => {
    const u = await makeUser(t.database.db, 'department');
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'wrong-password-1' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid-credentials');
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('900');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    expect(unknown.json().code).toBe('invalid-credentials');
  });

  it('makes a new user change the initial password before anything else', async () => {
    const u = await makeUser(t.database.db, 'admin', { mustChangePassword: true });
    const cookie = await loginAs(t.app, u.username);
    const blocked = await t.app.inject(as(cookie, { method: 'GET', url: '/api/plan/plans' }));
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password-change-required');
    expect((await t.app.inject(as(cookie, { method: 'GET', url: '/api/auth/me' }))).json().mustChangePassword).toBe(true);

    const weak = await t.app.inject(as(cookie, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'password-too-weak', errors: [{ pointer: '#/newPassword' }] });

    const wrong = await t.app.inject(as(cookie, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'nope', newPassword: 'Ganzhou2025energy' } }));
    expect(wrong.statusCode).toBe(401);

    const ok = await t.app.inject(as(cookie, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Ganzhou2025energy' } }));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mustChangePassword).toBe(false);
    expect((await t.app.inject(as(cookie, { method: 'GET', url: '/api/plan/plans' }))).statusCode).toBe(200);
    expect(await loginAs(t.app, u.username, 'Ganzhou2025energy')).toMatch(/^ecer_session=/);
  });

  it('ends a session after its idle time, and a disabled user at once', async () => {
    const u = await makeUser(t.database.db, 'county');
    const cookie = await loginAs(t.app, u.username);
    await t.database.db.update(session).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(session.userId, u.id));
    expect((await t.app.inject(as(cookie, { method: 'GET', url: '/api/auth/me' }))).statusCode).toBe(401);

    const admin = await loginAs(t.app, (await makeUser(t.database.db, 'admin')).username);
    const v = await makeUser(t.database.db, 'steering');
    const victim = await loginAs(t.app, v.username);
    expect((await t.app.inject(as(victim, { method: 'GET', url: '/api/auth/me' }))).statusCode).toBe(200);
    await t.app.inject(as(admin, { method: 'PATCH', url: `/api/org/users/${v.id}`, payload: { isDisabled: true } }));
    expect((await t.app.inject(as(victim, { method: 'GET', url: '/api/auth/me' }))).statusCode).toBe(401);
    const relogin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: v.username, password: TEST_PASSWORD } });
    expect(relogin.statusCode).toBe(401);
  });

  it('stores passwords as argon2id hashes', async () => {
    const u = await makeUser(t.database.db, 'admin');
    expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
  });
});
