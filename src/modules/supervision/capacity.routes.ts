import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The capacity routes of the supervision module (issue #11), under /api/supervision. */
export const capacityRoutes: FastifyPluginAsyncZod = async () => {};
