import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { citizenReportsRoutes } from './citizen-reports.routes';
import { participationRoutes } from './participation.routes';
import { publicationsRoutes } from './publications.routes';

/**
 * 信息公开与公众参与 (issue #10), under /api/public: published datasets and open data, citizen reports (举报/建议),
 * voluntary commitments (自愿承诺), news and campaigns with their Atom feed.
 */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(publicationsRoutes);
  await app.register(citizenReportsRoutes);
  await app.register(participationRoutes);
};
