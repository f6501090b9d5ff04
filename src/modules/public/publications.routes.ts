import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The publications routes of the public module (issue #10), under /api/public. */
export const publicationsRoutes: FastifyPluginAsyncZod = async () => {};
