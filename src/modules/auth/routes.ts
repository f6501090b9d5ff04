import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../domain/access';
import { SESSION_COOKIE } from '../../server/http';
import { ChangePasswordBody, LoginBody, MeOut, OkOut } from './schemas';
import { changePassword, getMe, login, logout } from './service';

export type AuthRoutesOptions = { idleMs: number; cookieSecure: 'auto' | boolean };

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, opts) => {
  const cookie = (secure: boolean) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    maxAge: Math.floor(opts.idleMs / 1000),
  });
  const isSecure = (protocol: string) => (opts.cookieSecure === 'auto' ? protocol === 'https' : opts.cookieSecure);

  app.post(
    '/login',
    { config: { access: access.public }, schema: { operationId: 'login', tags: ['auth'], body: LoginBody, response: { 200: MeOut } } },
    async (req, reply) => {
      const { token, me } = await login(req.ctx, req.body, req.sessionToken, opts.idleMs);
      reply.setCookie(SESSION_COOKIE, token, cookie(isSecure(req.protocol)));
      return me;
    },
  );

  app.post(
    '/logout',
    { config: { access: access.userPendingPassword }, schema: { operationId: 'logout', tags: ['auth'], response: { 200: OkOut } } },
    async (req, reply) => {
      await logout(req.ctx, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    { config: { access: access.userPendingPassword }, schema: { operationId: 'getMe', tags: ['auth'], response: { 200: MeOut } } },
    (req) => getMe(req.ctx),
  );

  app.post(
    '/password',
    {
      config: { access: access.userPendingPassword },
      schema: { operationId: 'changePassword', tags: ['auth'], body: ChangePasswordBody, response: { 200: MeOut } },
    },
    (req) => changePassword(req.ctx, req.body, req.sessionToken),
  );
};
