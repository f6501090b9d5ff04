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

/** A Content-Disposition for a download: an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987), so Chinese names survive. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
