import type {} from '@fastify/cookie';
import type { RouteAccess } from '../domain/access';
import type { Ctx } from './context';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must say (the app refuses to start otherwise). */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    ctx: Ctx;
    sessionToken: string | undefined;
  }
}

export const SESSION_COOKIE = 'ecer_session';
