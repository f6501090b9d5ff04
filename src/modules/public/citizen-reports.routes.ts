import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The citizen-reports routes of the public module (issue #10), under /api/public. */
export const citizenReportsRoutes: FastifyPluginAsyncZod = async () => {};
