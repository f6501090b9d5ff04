import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { capacityRoutes } from './capacity.routes';
import { inspectionsRoutes } from './inspections.routes';
import { institutionsRoutes } from './institutions.routes';

/**
 * 节能监察与能力建设 (issue #11), under /api/supervision: inspections with findings, rectification orders and case
 * transfers; public institutions with use, quotas and 节约型机关; experts with conflicts of interest, and training.
 */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(inspectionsRoutes);
  await app.register(institutionsRoutes);
  await app.register(capacityRoutes);
};
