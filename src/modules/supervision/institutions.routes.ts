import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The institutions routes of the supervision module (issue #11), under /api/supervision. */
export const institutionsRoutes: FastifyPluginAsyncZod = async () => {};
