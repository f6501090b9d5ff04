import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The participation routes of the public module (issue #10), under /api/public. */
export const participationRoutes: FastifyPluginAsyncZod = async () => {};
