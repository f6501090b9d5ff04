import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The inspections routes of the supervision module (issue #11), under /api/supervision. */
export const inspectionsRoutes: FastifyPluginAsyncZod = async () => {};
